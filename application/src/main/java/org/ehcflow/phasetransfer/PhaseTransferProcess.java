package org.ehcflow.phasetransfer;

/** The phase-transfer review, {@code processes/ehc-phase-transfer.bpmn} (reg 18). */
public final class PhaseTransferProcess {

  public static final String KEY = "ehc-phase-transfer";

  private PhaseTransferProcess() {}

  public static final class Start {
    public static final String CHILD_ID = "childId";
    public static final String CHILD_NAME = "childName";
    public static final String DATE_OF_BIRTH = "dateOfBirth";
    public static final String PARENT_EMAIL = "parentEmail";
    public static final String TRANSFER_TYPE = "transferType";
    public static final String TRANSFER_DATE = "transferDate";
    public static final String YEAR_GROUP = "yearGroup";
    public static final String NAMED_SETTING = "namedSetting";
    /** Project extension, carried into the next annual review. */
    public static final String SETTING_PHASE = "settingPhase";
    /**
     * Project extension, set by the cohort run: the annual review this transfer replaces, so it is
     * found by its id rather than by searching every running review for the child.
     */
    public static final String SUPERSEDES_REVIEW = "supersedesReview";

    private Start() {}
  }

  public static final class Vars {
    public static final String PHASE_TRANSFER_DEADLINE = "phaseTransferDeadline";
    public static final String TRANSFER_MEETING_BY = "transferMeetingBy";
    public static final String AMENDMENT_NOTICE_BY = "amendmentNoticeBy";
    public static final String REVIEW_HOST_GROUP = "reviewHostGroup";
    public static final String REVIEW_MEETING_DATE = "reviewMeetingDate";
    public static final String AMENDMENT_NOTICE_DATE = "amendmentNoticeDate";
    public static final String AMENDMENT_COMMENT_WINDOW_ENDS = "amendmentCommentWindowEnds";
    public static final String PROPOSED_SETTING = "proposedSetting";
    public static final String FINAL_AMENDED_PLAN_ISSUED_DATE = "finalAmendedPlanIssuedDate";
    public static final String NAMED_SETTING_EMAIL = "namedSettingEmail";
    public static final String PHASE_TRANSFER_LATE = "phaseTransferLate";
    public static final String NEXT_REVIEW_BUSINESS_KEY = "nextReviewBusinessKey";
    public static final String SUPERSEDED_REVIEWS = "supersededReviews";

    private Vars() {}
  }

  public static final class Recorded {
    public static final String PREFERRED_NEXT_SETTING = "preferredNextSetting";
    public static final String REVIEW_REPORT = "reviewReport";
    public static final String PROPOSED_AMENDMENTS = "proposedAmendments";
    public static final String ESCALATION_NOTE = "escalationNote";

    private Recorded() {}
  }

  public static final class Elements {
    public static final String HOLD_REVIEW = "userTask_holdTransferReview";
    public static final String SEND_NOTICE_TASK = "userTask_sendTransferAmendmentNotice";
    public static final String ISSUE_PLAN = "userTask_issueTransferPlan";
    public static final String ESCALATE_LATE = "userTask_escalateLateTransfer";
    public static final String MEETING_MILESTONE_MISSED = "serviceTask_warnMeetingMilestoneMissed";
    public static final String NOTICE_MILESTONE_MISSED = "serviceTask_warnNoticeMilestoneMissed";
    public static final String SEND_PLAN = "serviceTask_sendTransferPlanToParent";
    public static final String START_NEXT_REVIEW = "serviceTask_startNextReview";
    public static final String END_ISSUED = "endEvent_transferPlanIssued";

    private Elements() {}
  }
}
