package org.ehcflow.vocabulary;

/** A consulted setting's answer (s.39(2)): whether it can meet the child's needs. */
public enum ConsultationResponse implements Code {
  CAN_MEET_NEEDS("can-meet-needs", true),
  CANNOT_MEET_NEEDS("cannot-meet-needs", true),
  /** Recorded by the pathway when the council decides without the setting's reply (s.39(3)). */
  NO_REPLY("no-reply", false);

  private final String code;
  private final boolean chosenByPeople;

  ConsultationResponse(String code, boolean chosenByPeople) {
    this.code = code;
    this.chosenByPeople = chosenByPeople;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public boolean chosenByPeople() {
    return chosenByPeople;
  }
}
