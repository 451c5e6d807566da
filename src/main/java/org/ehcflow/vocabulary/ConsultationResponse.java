package org.ehcflow.vocabulary;

/** A consulted setting's answer (s.39(2)): whether it can meet the child's needs. */
public enum ConsultationResponse implements Code {
  CAN_MEET_NEEDS("can-meet-needs"),
  CANNOT_MEET_NEEDS("cannot-meet-needs");

  private final String code;

  ConsultationResponse(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
