package org.ehcflow.vocabulary;

import java.time.LocalDate;

/**
 * Amending a plan ({@code processes/ehc-amend-plan.bpmn}, reg 22), whether an annual review decides
 * to amend or a caseworker proposes amendments between reviews. The annual review refers to these
 * names for what it passes in and reads back.
 */
public final class AmendPlanVariables {

  public static final Variable<String> CHILD_ID = ChildVariables.CHILD_ID;
  public static final Variable<String> CHILD_NAME = ChildVariables.CHILD_NAME;
  public static final Variable<LocalDate> DATE_OF_BIRTH = ChildVariables.DATE_OF_BIRTH;
  public static final Variable<String> NHS_NUMBER = ChildVariables.NHS_NUMBER;
  public static final Variable<String> PARENT_EMAIL = ChildVariables.PARENT_EMAIL;

  /** The setting named in section I; asked for again when the amended plan is issued. */
  public static final Variable<String> NAMED_SETTING = Variable.text("namedSetting");

  /** Where the amended plan goes to the setting; the settings' mailbox when not given. */
  public static final Variable<String> NAMED_SETTING_EMAIL = Variable.text("namedSettingEmail");

  public static final Variable<String> PROPOSED_AMENDMENTS = Variable.text("proposedAmendments");

  public static final Variable<AmendmentTrigger> AMENDMENT_TRIGGER =
      Variable.code("amendmentTrigger", AmendmentTrigger.class);

  /** Why the amendments are proposed, as the amendment notice gives it. */
  public static final Variable<String> AMENDMENT_PROPOSAL_REASON =
      Variable.text("amendmentProposalReason");

  /** The day the amendment notice is served: the review's decision letter, or the caseworker's. */
  public static final Variable<LocalDate> AMENDMENT_NOTICE_DATE =
      Variable.date("amendmentNoticeDate");

  /** Set at start: the last day of the 15 days beginning with the notice (reg 22(2)). */
  public static final Variable<LocalDate> AMENDMENT_COMMENT_WINDOW_ENDS =
      Variable.date("amendmentCommentWindowEnds");

  /** Set at start: 8 weeks from the notice, for the amended plan or the notice not to amend. */
  public static final Variable<LocalDate> AMENDED_PLAN_DUE = Variable.date("amendedPlanDue");

  /** Set at start: whether an annual review called this pathway. */
  public static final Variable<Boolean> PROPOSED_AT_REVIEW = Variable.flag("proposedAtReview");

  public static final Variable<String> PARENT_AMENDMENT_COMMENTS =
      Variable.text("parentAmendmentComments");
  public static final Variable<Boolean> MEETING_REQUESTED = Variable.flag("meetingRequested");
  public static final Variable<String> REQUESTED_SETTING = Variable.text("requestedSetting");

  public static final Variable<AmendmentDecision> AMENDMENT_DECISION =
      Variable.code("amendmentDecision", AmendmentDecision.class);

  /** Reg 22(4): why the council decided not to amend, as the notice gives it. */
  public static final Variable<String> NOT_AMENDING_REASON = Variable.text("notAmendingReason");

  public static final Variable<LocalDate> NOT_AMENDING_NOTICE_DATE =
      Variable.date("notAmendingNoticeDate");

  public static final Variable<LocalDate> FINAL_AMENDED_PLAN_ISSUED_DATE =
      Variable.date("finalAmendedPlanIssuedDate");

  private AmendPlanVariables() {}
}
