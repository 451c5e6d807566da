package org.ehcflow.review;

import java.util.Set;

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

    public static final Set<String> SETTING_PHASES = Set.of(
        "early-years", "infant", "first", "primary", "junior", "middle", "secondary", "all-through", "special", "post16");

    public static final Set<String> ALL = Set.of(CHILD_ID, CHILD_NAME, DATE_OF_BIRTH, PARENT_EMAIL, PLAN_ISSUED_DATE,
        LAST_REVIEW_DECISION_DATE, YEAR_GROUP, NAMED_SETTING, SETTING_PHASE);

    private Start() {}
  }

  public static final class Vars {
    public static final String REVIEW_DUE = "reviewDue";
    public static final String PREPARATION_OPENS = "preparationOpens";
    public static final String REVIEW_HOST_GROUP = "reviewHostGroup";
    public static final String REVIEW_MEETING_DATE = "reviewMeetingDate";
    public static final String REVIEW_REPORT_DUE = "reviewReportDue";
    public static final String REVIEW_DECISION_DUE = "reviewDecisionDue";
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String AMENDMENT_NOTICE_DATE = "amendmentNoticeDate";
    public static final String AMENDED_PLAN_DUE = "amendedPlanDue";

    public static final Set<String> DECISIONS = Set.of("maintain", "amend", "cease");

    private Vars() {}
  }

  /** What people record in the review's tasks, kept as written for the case file. */
  public static final class Recorded {
    public static final String REVIEW_REPORT = "reviewReport";
    public static final String RECOMMENDED_CHANGES = "recommendedChanges";
    public static final String REVIEW_DECISION_REASON = "reviewDecisionReason";
    public static final String PROPOSED_AMENDMENTS = "proposedAmendments";

    private Recorded() {}
  }

  public static final class Elements {
    public static final String PREPARATION_OPENS = "timerEvent_preparationWindowOpens";
    public static final String ARRANGE_MEETING = "userTask_arrangeReviewMeeting";
    public static final String SUBMIT_REPORT = "userTask_submitReviewReport";
    public static final String DECIDE_OUTCOME = "userTask_decideReviewOutcome";
    public static final String END_DECIDED = "endEvent_reviewDecided";

    private Elements() {}
  }
}
