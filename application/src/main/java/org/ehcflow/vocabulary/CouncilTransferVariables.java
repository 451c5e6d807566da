package org.ehcflow.vocabulary;

import java.time.LocalDate;

/**
 * The variables of a plan's move between councils (reg 15): {@code
 * processes/ehc-transfer-out.bpmn}, where the child leaves this council, and {@code
 * processes/ehc-transfer-in.bpmn}, where a child with a plan arrives.
 */
public final class CouncilTransferVariables {

  public static final Variable<String> CHILD_ID = ChildVariables.CHILD_ID;
  public static final Variable<String> CHILD_NAME = ChildVariables.CHILD_NAME;
  public static final Variable<LocalDate> DATE_OF_BIRTH = ChildVariables.DATE_OF_BIRTH;
  public static final Variable<String> PARENT_EMAIL = ChildVariables.PARENT_EMAIL;

  // Outgoing.

  /** The council the child moves to, by name. */
  public static final Variable<String> NEW_COUNCIL = Variable.text("newCouncil");

  public static final Variable<String> NEW_COUNCIL_EMAIL = Variable.text("newCouncilEmail");

  /** The day this council became aware of the move; reg 15's 15 working days run from it. */
  public static final Variable<LocalDate> AWARE_DATE = Variable.date("awareDate");

  public static final Variable<LocalDate> MOVE_DATE = Variable.date("moveDate");

  /** Whether the move changes the integrated care board responsible for the child's health. */
  public static final Variable<Boolean> ICB_CHANGES = Variable.flag("icbChanges");

  /** The new ICB's address, told by the old one. */
  public static final Variable<String> ICB_EMAIL = Variable.text("icbEmail");

  public static final Variable<LocalDate> TRANSFER_DUE = Variable.date("transferDue");
  public static final Variable<LocalDate> TRANSFERRED_DATE = Variable.date("transferredDate");
  public static final Variable<Boolean> TRANSFER_LATE = Variable.flag("transferLate");

  /** SEN2: the plan here ceased because it transferred (code 5), on the transferred date. */
  public static final Variable<CeaseReason> CEASE_REASON =
      Variable.code("ceaseReason", CeaseReason.class);

  public static final Variable<LocalDate> PLAN_CEASED_DATE = Variable.date("planCeasedDate");

  /** How many of the child's running annual reviews here the transfer ended (0 or 1). */
  public static final Variable<Integer> ENDED_REVIEWS = Variable.number("endedReviews");

  /** How many of the child's assessments in progress here ended as moved (0 or 1). */
  public static final Variable<Integer> ENDED_ASSESSMENTS = Variable.number("endedAssessments");

  // Incoming.

  public static final Variable<String> PREVIOUS_COUNCIL = Variable.text("previousCouncil");
  public static final Variable<LocalDate> TRANSFER_DATE = Variable.date("transferDate");

  /** The plan's making or its last review, whichever came last. */
  public static final Variable<LocalDate> LAST_REVIEW_DATE = Variable.date("lastReviewDate");

  public static final Variable<Integer> YEAR_GROUP = Variable.number("yearGroup");
  public static final Variable<String> NAMED_SETTING = Variable.text("namedSetting");
  public static final Variable<LocalDate> TRANSFER_NOTICE_DUE = Variable.date("transferNoticeDue");
  public static final Variable<LocalDate> TRANSFER_REVIEW_DUE = Variable.date("transferReviewDue");
  public static final Variable<Boolean> WILL_ASSESS = Variable.flag("willAssess");
  public static final Variable<LocalDate> PLANNED_REVIEW_DATE = Variable.date("plannedReviewDate");
  public static final Variable<LocalDate> TRANSFER_NOTICE_DATE =
      Variable.date("transferNoticeDate");
  public static final Variable<Boolean> TRANSFER_NOTICE_LATE = Variable.flag("transferNoticeLate");
  public static final Variable<String> ANNUAL_REVIEW_BUSINESS_KEY =
      Variable.text("annualReviewBusinessKey");

  public static final Variable<String> ESCALATION_NOTE = Variable.text("escalationNote");

  private CouncilTransferVariables() {}
}
