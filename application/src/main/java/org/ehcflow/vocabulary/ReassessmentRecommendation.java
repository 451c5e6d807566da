package org.ehcflow.vocabulary;

/** What the published table {@code processes/reassessment-request.dmn} advises the caseworker. */
public enum ReassessmentRecommendation implements Code {
  REASSESS("reassess"),
  /** An assessment ended under 6 months ago: the council may refuse (appealable). */
  MAY_REFUSE("may-refuse"),
  /** Nothing in the request shows a change: the caseworker weighs whether it is necessary. */
  CONSIDER("consider");

  private final String code;

  ReassessmentRecommendation(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
