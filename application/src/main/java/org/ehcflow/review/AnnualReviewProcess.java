package org.ehcflow.review;

import org.ehcflow.vocabulary.Pathways;

/** The annual review of a plan, {@code processes/ehc-annual-review.bpmn}. */
public final class AnnualReviewProcess {

  public static final String KEY = Pathways.ANNUAL_REVIEW;

  private AnnualReviewProcess() {}

  public static final class Elements {
    /** Whether the plan lasts to the review now scheduled, or reaches the age limit first. */
    public static final String REVIEW_BEFORE_PLAN_ENDS = "exclusiveGateway_reviewBeforePlanEnds";

    public static final String PREPARATION_OPENS = "timerEvent_preparationWindowOpens";
    public static final String ARRANGE_MEETING = "userTask_arrangeReviewMeeting";
    public static final String SEND_INVITATIONS = "serviceTask_sendReviewInvitations";
    public static final String CIRCULATE_ADVICE = "userTask_circulateReviewAdvice";
    public static final String SUBMIT_REPORT = "userTask_submitReviewReport";
    public static final String NOTIFY_REVIEW_OVERDUE = "serviceTask_notifyManagersReviewOverdue";
    public static final String RECOMMEND_OUTCOME = "businessRuleTask_recommendReviewOutcome";
    public static final String DECIDE_OUTCOME = "userTask_decideReviewOutcome";
    public static final String NOTIFY_DECISION_LATE = "serviceTask_notifyManagersDecisionLate";
    public static final String SEND_MAINTAIN_DECISION = "serviceTask_sendMaintainDecision";

    /**
     * Calls {@code ehc-amend-plan} with the review's business key: the decision letter is the
     * amendment notice.
     */
    public static final String AMEND_PLAN = "callActivity_amendPlan";

    /** Calls {@code ehc-cease-plan} with the review's business key. */
    public static final String CEASE_PLAN = "callActivity_ceasePlan";

    public static final String END_PLAN_CEASED = "endEvent_planCeased";
    public static final String CHECK_PLAN_AGE_LIMIT = "serviceTask_checkPlanAgeLimit";
    public static final String SEND_PLAN_ENDS_AT_AGE_LIMIT = "serviceTask_sendPlanEndsAtAgeLimit";
    public static final String NOTIFY_BODIES_PLAN_ENDS_AT_AGE_LIMIT =
        "serviceTask_notifyBodiesPlanEndsAtAgeLimit";
    public static final String PLAN_LAST_DAY_PASSED = "timerEvent_planLastDayPassed";
    public static final String END_PLAN_ENDED_AT_AGE_LIMIT = "endEvent_planEndedAtAgeLimit";
    public static final String START_NEXT_REVIEW = "serviceTask_startNextReview";
    public static final String END_NEXT_CYCLE = "endEvent_nextReviewCycleStarted";
    public static final String END_SUPERSEDED = "endEvent_reviewSuperseded";

    private Elements() {}
  }
}
