package org.ehcflow.review;

/** The annual review of a plan, {@code processes/ehc-annual-review.bpmn}. */
public final class AnnualReviewProcess {

  public static final String KEY = "ehc-annual-review";

  private AnnualReviewProcess() {}

  /** Start variables, as the contract names them. */
  public static final class Start {
    public static final String CHILD_ID = "childId";
    public static final String CHILD_NAME = "childName";
    public static final String DATE_OF_BIRTH = "dateOfBirth";
    public static final String PARENT_EMAIL = "parentEmail";
    public static final String PLAN_ISSUED_DATE = "planIssuedDate";
    public static final String LAST_REVIEW_DECISION_DATE = "lastReviewDecisionDate";
    public static final String YEAR_GROUP = "yearGroup";
    public static final String NAMED_SETTING = "namedSetting";
    /** Project extension: the phase of the named setting, which the phase-transfer cohort reads. */
    public static final String SETTING_PHASE = "settingPhase";

    private Start() {}
  }

  public static final class Vars {
    public static final String REVIEW_DUE = "reviewDue";
    public static final String PREPARATION_OPENS = "preparationOpens";
    public static final String REVIEW_HOST_GROUP = "reviewHostGroup";
    public static final String AGE_IN_YEARS = "ageInYears";
    public static final String PREPARING_FOR_ADULTHOOD = "preparingForAdulthood";
    public static final String REVIEW_INVITEES = "reviewInvitees";
    public static final String REVIEW_MEETING_DATE = "reviewMeetingDate";
    public static final String ADVICE_CIRCULATION_DUE = "adviceCirculationDue";
    public static final String REVIEW_REPORT_DUE = "reviewReportDue";
    public static final String REVIEW_DECISION_DUE = "reviewDecisionDue";
    public static final String REVIEW_RECOMMENDATION = "reviewRecommendation";
    public static final String REVIEW_RECOMMENDATION_REASON = "reviewRecommendationReason";
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String REVIEW_DECISION_DATE = "reviewDecisionDate";
    public static final String REVIEW_DECISION_LATE = "reviewDecisionLate";
    public static final String AMENDMENT_NOTICE_DATE = "amendmentNoticeDate";
    public static final String AMENDMENT_COMMENT_WINDOW_ENDS = "amendmentCommentWindowEnds";
    public static final String AMENDED_PLAN_DUE = "amendedPlanDue";
    public static final String FINAL_AMENDED_PLAN_ISSUED_DATE = "finalAmendedPlanIssuedDate";
    public static final String NAMED_SETTING_EMAIL = "namedSettingEmail";
    public static final String CEASE_REASON = "ceaseReason";
    public static final String CEASE_CONFIRMED = "ceaseConfirmed";
    public static final String CEASE_DECISION_DATE = "ceaseDecisionDate";
    public static final String APPEAL_WINDOW_ENDS = "appealWindowEnds";
    public static final String APPEAL_OUTCOME = "appealOutcome";
    public static final String APPEAL_OUTCOME_DATE = "appealOutcomeDate";
    public static final String PLAN_CEASED_DATE = "planCeasedDate";
    public static final String NEXT_REVIEW_BUSINESS_KEY = "nextReviewBusinessKey";
    /** The last day the plan may be maintained (s.46), fixed when a review keeps the plan. */
    public static final String PLAN_LAST_DAY = "planLastDay";
    /** Whether the next review falls due on or before the plan's last day. */
    public static final String PLAN_RUNS_TO_NEXT_REVIEW = "planRunsToNextReview";
    public static final String SUPERSEDED_BY = "supersededBy";

    private Vars() {}
  }

  /** What people record in the review's tasks, kept as written for the case file. */
  public static final class Recorded {
    public static final String ADVICE_CIRCULATED_DATE = "adviceCirculatedDate";
    public static final String ADVICE_CIRCULATION_NOTE = "adviceCirculationNote";
    public static final String REVIEW_REPORT = "reviewReport";
    public static final String NEEDS_CHANGED = "needsChanged";
    public static final String OUTCOMES_STILL_APPROPRIATE = "outcomesStillAppropriate";
    public static final String STILL_NEEDS_PLAN = "stillNeedsPlan";
    public static final String PFA_DISCUSSED = "pfaDiscussed";
    public static final String RECOMMENDED_CHANGES = "recommendedChanges";
    public static final String REVIEW_DECISION_REASON = "reviewDecisionReason";
    public static final String PROPOSED_AMENDMENTS = "proposedAmendments";
    public static final String PARENT_AMENDMENT_COMMENTS = "parentAmendmentComments";
    public static final String MEETING_REQUESTED = "meetingRequested";
    public static final String REQUESTED_SETTING = "requestedSetting";
    public static final String CEASE_CONSULTATION_SUMMARY = "ceaseConsultationSummary";
    public static final String APPEAL_NOTE = "appealNote";

    private Recorded() {}
  }

  public static final class Messages {
    /** A phase-transfer review takes the place of the child's annual review. */
    public static final String REVIEW_SUPERSEDED = "ehc.review-superseded";
    /** The parent or young person appealed a decision to cease. */
    public static final String APPEAL_LODGED = "ehc.appeal-lodged";

    private Messages() {}
  }

  public static final class Elements {
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
    public static final String SEND_AMENDMENT_NOTICE = "serviceTask_sendAmendmentNotice";
    public static final String RECORD_AMENDMENT_RESPONSE = "userTask_recordAmendmentResponse";
    public static final String ISSUE_AMENDED_PLAN = "userTask_issueAmendedPlan";
    public static final String NOTIFY_AMENDED_PLAN_LATE = "serviceTask_notifyManagersAmendedPlanLate";
    public static final String SEND_AMENDED_PLAN = "serviceTask_sendAmendedPlanToParent";
    public static final String SEND_CEASE_CONSULTATION = "serviceTask_sendCeaseConsultation";
    public static final String CONFIRM_CEASE = "userTask_confirmCeaseDecision";
    public static final String SEND_CEASE_DECISION = "serviceTask_sendCeaseDecision";
    public static final String RECORD_APPEAL_OUTCOME = "userTask_recordAppealOutcome";
    public static final String RECORD_PLAN_CEASED = "serviceTask_recordPlanCeased";
    public static final String END_PLAN_CEASED = "endEvent_planCeased";
    public static final String CHECK_PLAN_AGE_LIMIT = "serviceTask_checkPlanAgeLimit";
    public static final String SEND_PLAN_ENDS_AT_AGE_LIMIT = "serviceTask_sendPlanEndsAtAgeLimit";
    public static final String NOTIFY_BODIES_PLAN_ENDS_AT_AGE_LIMIT = "serviceTask_notifyBodiesPlanEndsAtAgeLimit";
    public static final String PLAN_LAST_DAY_PASSED = "timerEvent_planLastDayPassed";
    public static final String END_PLAN_ENDED_AT_AGE_LIMIT = "endEvent_planEndedAtAgeLimit";
    public static final String START_NEXT_REVIEW = "serviceTask_startNextReview";
    public static final String END_NEXT_CYCLE = "endEvent_nextReviewCycleStarted";
    public static final String END_SUPERSEDED = "endEvent_reviewSuperseded";

    private Elements() {}
  }
}
