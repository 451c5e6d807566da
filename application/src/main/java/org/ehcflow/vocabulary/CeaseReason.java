package org.ehcflow.vocabulary;

/** The SEN2 return's reasons a plan ceased; in the order and with the codes of the DfE guide. */
public enum CeaseReason implements Code {
  MAXIMUM_AGE("1"),
  NEEDS_MET_WITHOUT_PLAN("2"),
  HIGHER_EDUCATION("3"),
  PAID_EMPLOYMENT("4"),
  MOVED_TO_ANOTHER_AUTHORITY("5"),
  NO_LONGER_WISHES_TO_ENGAGE("6"),
  MOVED_OUTSIDE_ENGLAND("7"),
  DIED("8"),
  OTHER("9");

  private final String code;

  CeaseReason(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
