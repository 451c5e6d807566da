package org.ehcflow.vocabulary;

/**
 * The council's decision after the parent's representations on proposed amendments: issue the final
 * amended plan (reg 22(3)), or not amend, with reasons and the right of appeal (reg 22(4)).
 */
public enum AmendmentDecision implements Code {
  AMEND("amend"),
  NOT_AMEND("not-amend");

  private final String code;

  AmendmentDecision(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
