package org.ehcflow.vocabulary;

/** How a request for re-assessment ended. */
public enum ReassessmentOutcome implements Code {
  REFUSED("refused"),
  /** Re-assessed, and the plan was issued again as the assessment concluded. */
  PLAN_REISSUED("plan-reissued"),
  /** Re-assessed, and the council decided not to amend the plan (appealable). */
  NOT_AMENDED("not-amended"),
  /** The called assessment ended otherwise: withdrawn, or the child moved away. */
  ENDED("ended");

  private final String code;

  ReassessmentOutcome(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
