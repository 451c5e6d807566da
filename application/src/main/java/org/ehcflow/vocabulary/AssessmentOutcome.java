package org.ehcflow.vocabulary;

/** The SEN2 outcome of an assessment. */
public enum AssessmentOutcome implements Code {
  PLAN_ISSUED("Y"),
  NO_PLAN("N");

  private final String code;

  AssessmentOutcome(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
