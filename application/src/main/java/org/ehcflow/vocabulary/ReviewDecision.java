package org.ehcflow.vocabulary;

/** The decision after an annual review (reg 22): keep the plan, amend it, or cease it. */
public enum ReviewDecision implements Code {
  MAINTAIN("maintain"),
  AMEND("amend"),
  CEASE("cease");

  private final String code;

  ReviewDecision(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
