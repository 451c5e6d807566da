package org.ehcflow.vocabulary;

import java.time.LocalDate;

/**
 * The disagreement's variables ({@code processes/ehc-disagreement.bpmn}): a family's dispute of an
 * appealable decision, through mediation to the Tribunal.
 */
public final class DisagreementVariables {

  // Start
  public static final Variable<String> CHILD_ID = ChildVariables.CHILD_ID;
  public static final Variable<String> CHILD_NAME = ChildVariables.CHILD_NAME;
  public static final Variable<String> PARENT_EMAIL = ChildVariables.PARENT_EMAIL;
  public static final Variable<DisputedDecision> DECISION_TYPE =
      Variable.code("decisionType", DisputedDecision.class);
  public static final Variable<LocalDate> DECISION_LETTER_DATE =
      Variable.date("decisionLetterDate");
  public static final Variable<String> SECTIONS_DISPUTED = Variable.text("sectionsDisputed");
  public static final Variable<String> ICB_EMAIL = Variable.text("icbEmail");

  // Set at start, moved by a certificate
  public static final Variable<LocalDate> APPEAL_WINDOW_ENDS = Variable.date("appealWindowEnds");

  // Message: mediation requested
  public static final Variable<LocalDate> MEDIATION_REQUESTED_DATE =
      Variable.date("mediationRequestedDate");
  public static final Variable<Boolean> HEALTH_IN_ISSUE = Variable.flag("healthInIssue");
  public static final Variable<String> MEDIATION_ISSUES = Variable.text("mediationIssues");
  public static final Variable<LocalDate> MEDIATION_DUE = Variable.date("mediationDue");
  public static final Variable<LocalDate> ICB_NOTIFICATION_DUE =
      Variable.date("icbNotificationDue");

  // Task: tell the ICB
  public static final Variable<LocalDate> ICB_TOLD_DATE = Variable.date("icbToldDate");

  // Task: record the mediation outcome
  public static final Variable<MediationOutcome> MEDIATION_OUTCOME =
      Variable.code("mediationOutcome", MediationOutcome.class);
  public static final Variable<LocalDate> MEDIATION_ENDED_DATE =
      Variable.date("mediationEndedDate");
  public static final Variable<LocalDate> CERTIFICATE_DUE_BY = Variable.date("certificateDueBy");
  public static final Variable<LocalDate> AGREEMENT_DATE = Variable.date("agreementDate");

  /** The OrderType codes ticked on the outcome form (a Json list). */
  public static final Variable<Object> AGREED_ORDERS = Variable.engineValue("agreedOrders");

  public static final Variable<String> AGREED_ACTIONS = Variable.text("agreedActions");
  public static final Variable<LocalDate> AGREED_ACTION_DUE =
      TribunalOrderVariables.AGREED_ACTION_DUE;

  // Message: mediation certificate issued
  public static final Variable<LocalDate> MEDIATION_CERTIFICATE_DATE =
      Variable.date("mediationCertificateDate");

  // Message: appeal registered
  public static final Variable<LocalDate> APPEAL_REGISTERED_DATE =
      Variable.date("appealRegisteredDate");
  public static final Variable<String> TRIBUNAL_REFERENCE = Variable.text("tribunalReference");

  // Task: record the Tribunal's directions
  public static final Variable<LocalDate> RESPONSE_DUE = Variable.date("responseDue");
  public static final Variable<LocalDate> EVIDENCE_DUE = Variable.date("evidenceDue");
  public static final Variable<LocalDate> HEARING_DATE = Variable.date("hearingDate");
  public static final Variable<LocalDate> RESPONSE_ESCALATION_FROM =
      Variable.date("responseEscalationFrom");

  // Task: submit the council's response
  public static final Variable<AppealResponse> APPEAL_RESPONSE =
      Variable.code("appealResponse", AppealResponse.class);
  public static final Variable<LocalDate> RESPONSE_SUBMITTED_DATE =
      Variable.date("responseSubmittedDate");
  public static final Variable<LocalDate> CONCESSION_DATE = Variable.date("concessionDate");

  /** The OrderType codes conceded (a Json list). */
  public static final Variable<Object> CONCEDED_ORDERS = Variable.engineValue("concededOrders");

  // Task: record the Tribunal's decision
  public static final Variable<LocalDate> DECISION_DATE = Variable.date("decisionDate");
  public static final Variable<TribunalOutcome> TRIBUNAL_OUTCOME =
      Variable.code("tribunalOutcome", TribunalOutcome.class);

  /** The OrderType codes the Tribunal ordered (a Json list). */
  public static final Variable<Object> TRIBUNAL_ORDERS = Variable.engineValue("tribunalOrders");

  public static final Variable<String> ORDER_DETAIL = TribunalOrderVariables.ORDER_DETAIL;

  /** How many compliance clocks the case started. */
  public static final Variable<Integer> ORDERS_STARTED = Variable.number("ordersStarted");

  // Escalations
  public static final Variable<String> ESCALATION_NOTE = Variable.text("escalationNote");

  private DisagreementVariables() {}
}
