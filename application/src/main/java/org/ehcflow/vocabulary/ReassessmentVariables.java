package org.ehcflow.vocabulary;

import java.time.LocalDate;

/**
 * A request to re-assess a plan ({@code processes/ehc-reassessment.bpmn}, CFA s.44): the request,
 * the table's advice, the decision within 15 days and what the called assessment concluded.
 */
public final class ReassessmentVariables {

  public static final Variable<String> CHILD_ID = ChildVariables.CHILD_ID;
  public static final Variable<String> CHILD_NAME = ChildVariables.CHILD_NAME;
  public static final Variable<LocalDate> DATE_OF_BIRTH = ChildVariables.DATE_OF_BIRTH;
  public static final Variable<String> NHS_NUMBER = ChildVariables.NHS_NUMBER;
  public static final Variable<String> PARENT_EMAIL = ChildVariables.PARENT_EMAIL;
  public static final Variable<String> SETTING_EMAIL = AssessmentVariables.SETTING_EMAIL;
  public static final Variable<LocalDate> REQUEST_RECEIVED_DATE =
      AssessmentVariables.REQUEST_RECEIVED_DATE;

  public static final Variable<ReassessmentRequester> REASSESSMENT_REQUESTED_BY =
      Variable.code("reassessmentRequestedBy", ReassessmentRequester.class);

  /** What the request says has changed, in the requester's words. */
  public static final Variable<String> REASSESSMENT_REQUEST_REASON =
      Variable.text("reassessmentRequestReason");

  /** Whether the request describes needs or circumstances that have changed since the plan. */
  public static final Variable<Boolean> NEEDS_CHANGED_SINCE_ASSESSMENT =
      Variable.flag("needsChangedSinceAssessment");

  /**
   * The day the child's last EHC needs assessment or re-assessment ended, from the council's
   * record; the later of it and any re-assessment this engine holds is used.
   */
  public static final Variable<LocalDate> LAST_ASSESSED_DATE = Variable.date("lastAssessedDate");

  /** Whole months from the last assessment to the request; unset when none is known. */
  public static final Variable<Integer> MONTHS_SINCE_ASSESSED =
      Variable.number("monthsSinceAssessed");

  public static final Variable<LocalDate> DECISION_TO_REASSESS_DUE =
      Variable.date("decisionToReassessDue");

  public static final Variable<Object> REASSESSMENT_RECOMMENDATION_RESULT =
      Variable.engineValue("reassessmentRecommendationResult");
  public static final Variable<ReassessmentRecommendation> REASSESSMENT_RECOMMENDATION =
      Variable.code("reassessmentRecommendation", ReassessmentRecommendation.class);
  public static final Variable<String> REASSESSMENT_RECOMMENDATION_REASON =
      Variable.text("reassessmentRecommendationReason");

  public static final Variable<ReassessDecision> REASSESS_DECISION =
      Variable.code("reassessDecision", ReassessDecision.class);
  public static final Variable<String> REASSESS_DECISION_REASON =
      Variable.text("reassessDecisionReason");
  public static final Variable<LocalDate> REASSESS_DECISION_DATE =
      AssessmentVariables.REASSESS_DECISION_DATE;

  /** Passed to the called assessment so it starts at the advice stage. */
  public static final Variable<Boolean> REASSESSMENT = AssessmentVariables.REASSESSMENT;

  /** Read back from the called assessment. */
  public static final Variable<AssessmentOutcome> ASSESSMENT_OUTCOME =
      AssessmentVariables.ASSESSMENT_OUTCOME;

  public static final Variable<LocalDate> FINAL_PLAN_ISSUED_DATE =
      AssessmentVariables.FINAL_PLAN_ISSUED_DATE;
  public static final Variable<LocalDate> FINAL_PLAN_DUE = AssessmentVariables.FINAL_PLAN_DUE;
  public static final Variable<String> ISSUE_DECISION_REASON =
      AssessmentVariables.ISSUE_DECISION_REASON;

  public static final Variable<ReassessmentOutcome> REASSESSMENT_OUTCOME =
      Variable.code("reassessmentOutcome", ReassessmentOutcome.class);

  private ReassessmentVariables() {}
}
