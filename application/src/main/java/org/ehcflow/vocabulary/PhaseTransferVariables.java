package org.ehcflow.vocabulary;

import java.time.LocalDate;

/** The phase-transfer review's variables ({@code processes/ehc-phase-transfer.bpmn}). */
public final class PhaseTransferVariables {

  public static final Variable<String> CHILD_ID = ChildVariables.CHILD_ID;
  public static final Variable<String> CHILD_NAME = ChildVariables.CHILD_NAME;
  public static final Variable<String> NHS_NUMBER = ChildVariables.NHS_NUMBER;
  public static final Variable<LocalDate> DATE_OF_BIRTH = ChildVariables.DATE_OF_BIRTH;
  public static final Variable<String> PARENT_EMAIL = ChildVariables.PARENT_EMAIL;

  /** The transfer's code; {@code statutory.TransferType.fromCode} gives its rules. */
  public static final Variable<String> TRANSFER_TYPE = Variable.text("transferType");

  public static final Variable<LocalDate> TRANSFER_DATE = Variable.date("transferDate");
  public static final Variable<Integer> YEAR_GROUP = Variable.number("yearGroup");
  public static final Variable<String> NAMED_SETTING = Variable.text("namedSetting");
  public static final Variable<SettingPhase> SETTING_PHASE =
      Variable.code("settingPhase", SettingPhase.class);
  public static final Variable<String> SUPERSEDES_REVIEW = Variable.text("supersedesReview");
  public static final Variable<LocalDate> PHASE_TRANSFER_DEADLINE =
      Variable.date("phaseTransferDeadline");
  public static final Variable<LocalDate> TRANSFER_MEETING_BY = Variable.date("transferMeetingBy");
  public static final Variable<LocalDate> AMENDMENT_NOTICE_BY = Variable.date("amendmentNoticeBy");
  public static final Variable<String> REVIEW_HOST_GROUP = Variable.text("reviewHostGroup");
  public static final Variable<LocalDate> REVIEW_MEETING_DATE = Variable.date("reviewMeetingDate");
  public static final Variable<LocalDate> AMENDMENT_NOTICE_DATE =
      Variable.date("amendmentNoticeDate");
  public static final Variable<LocalDate> AMENDMENT_COMMENT_WINDOW_ENDS =
      Variable.date("amendmentCommentWindowEnds");
  public static final Variable<String> PROPOSED_SETTING = Variable.text("proposedSetting");
  public static final Variable<LocalDate> FINAL_AMENDED_PLAN_ISSUED_DATE =
      Variable.date("finalAmendedPlanIssuedDate");
  public static final Variable<String> NAMED_SETTING_EMAIL = Variable.text("namedSettingEmail");
  public static final Variable<Boolean> PHASE_TRANSFER_LATE = Variable.flag("phaseTransferLate");
  public static final Variable<String> NEXT_REVIEW_BUSINESS_KEY =
      Variable.text("nextReviewBusinessKey");

  /** How many annual reviews this transfer replaced (0 or 1). */
  public static final Variable<Integer> SUPERSEDED_REVIEWS = Variable.number("supersededReviews");

  public static final Variable<String> PREFERRED_NEXT_SETTING =
      Variable.text("preferredNextSetting");
  public static final Variable<String> REVIEW_REPORT = Variable.text("reviewReport");
  public static final Variable<String> PROPOSED_AMENDMENTS = Variable.text("proposedAmendments");
  public static final Variable<String> ESCALATION_NOTE = Variable.text("escalationNote");

  private PhaseTransferVariables() {}
}
