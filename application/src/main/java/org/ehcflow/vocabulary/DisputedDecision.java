package org.ehcflow.vocabulary;

/** The council's decisions a family may appeal to the First-tier Tribunal (CFA 2014 s.51(2)). */
public enum DisputedDecision implements Code {
  REFUSAL_TO_ASSESS("refusal-to-assess"),
  REFUSAL_TO_REASSESS("refusal-to-reassess"),
  NO_PLAN("no-plan"),
  PLAN_CONTENT("plan-content"),
  NO_AMENDMENT("no-amendment"),
  CEASE("cease");

  private final String code;

  DisputedDecision(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
