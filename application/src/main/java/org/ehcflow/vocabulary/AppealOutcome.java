package org.ehcflow.vocabulary;

/** The tribunal's outcome of an appeal against ceasing a plan (s.51(2)(f)). */
public enum AppealOutcome implements Code {
  CEASE_UPHELD("cease-upheld"),
  PLAN_CONTINUES("plan-continues");

  private final String code;

  AppealOutcome(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
