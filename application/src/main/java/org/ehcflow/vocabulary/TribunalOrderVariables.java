package org.ehcflow.vocabulary;

import java.time.LocalDate;

/**
 * The variables of a Tribunal order's compliance clocks ({@code processes/ehc-tribunal-order.bpmn},
 * reg 44 and 45, and a mediation agreement under reg 42).
 */
public final class TribunalOrderVariables {

  // Start -----------------------------------------------------------------------------------------

  public static final Variable<String> CHILD_ID = ChildVariables.CHILD_ID;
  public static final Variable<String> CHILD_NAME = ChildVariables.CHILD_NAME;
  public static final Variable<String> PARENT_EMAIL = ChildVariables.PARENT_EMAIL;
  public static final Variable<OrderType> ORDER_TYPE = Variable.code("orderType", OrderType.class);

  /**
   * The date the clocks run from: the Tribunal's order, the council's concession of an unopposed
   * appeal (reg 45; which date starts those clocks is uncertain, so it is whatever date is given
   * here), or the mediation agreement.
   */
  public static final Variable<LocalDate> ORDER_DATE = Variable.date("orderDate");

  public static final Variable<OrderSource> ORDER_SOURCE =
      Variable.code("orderSource", OrderSource.class);
  public static final Variable<String> ORDER_DETAIL = Variable.text("orderDetail");

  /** A mediation agreement's own date for an action the Tribunal could not have ordered. */
  public static final Variable<LocalDate> AGREED_ACTION_DUE = Variable.date("agreedActionDue");

  public static final Variable<String> APPEAL_REFERENCE = Variable.text("appealReference");
  public static final Variable<String> ICB_EMAIL = Variable.text("icbEmail");

  /**
   * Local to the step that asks for a recommendation's answer: {@code icbEmail}, else the mailbox
   * of the group that answers.
   */
  public static final Variable<String> RESPONDER_EMAIL = Variable.text("responderEmail");

  // Set at start ----------------------------------------------------------------------------------

  /** The decision table's row for the order (a map of its outputs). */
  public static final Variable<Object> COMPLIANCE_RULE = Variable.engineValue("complianceRule");

  /** The order's steps, in order, as their codes separated by commas. */
  public static final Variable<String> COMPLIANCE_STEPS = Variable.text("complianceSteps");

  public static final Variable<String> COMPLIANCE_GROUP = Variable.text("complianceGroup");
  public static final Variable<LocalDate> ASSESSMENT_NOTICE_DUE =
      Variable.date("assessmentNoticeDue");
  public static final Variable<LocalDate> NO_PLAN_DECISION_DUE = Variable.date("noPlanDecisionDue");
  public static final Variable<LocalDate> DRAFT_PLAN_DUE = Variable.date("draftPlanDue");
  public static final Variable<LocalDate> FINAL_PLAN_DUE = Variable.date("finalPlanDue");

  /** The limit of the order's last step: when the council must have complied in full. */
  public static final Variable<LocalDate> COMPLIANCE_DUE = Variable.date("complianceDue");

  // The step in hand ------------------------------------------------------------------------------

  public static final Variable<ComplianceStep> COMPLIANCE_STEP =
      Variable.code("complianceStep", ComplianceStep.class);
  public static final Variable<String> COMPLIANCE_STEP_LABEL = Variable.text("complianceStepLabel");
  public static final Variable<LocalDate> COMPLIANCE_STEP_DUE = Variable.date("complianceStepDue");

  /** When the managers are warned that the step's limit is near. */
  public static final Variable<LocalDate> COMPLIANCE_STEP_ESCALATE_ON =
      Variable.date("complianceStepEscalateOn");

  public static final Variable<Boolean> COMPLIANCE_STEPS_REMAIN =
      Variable.flag("complianceStepsRemain");

  // A step's completion ---------------------------------------------------------------------------

  public static final Variable<LocalDate> STEP_DONE_DATE = Variable.date("stepDoneDate");
  public static final Variable<String> STEP_DONE_NOTE = Variable.text("stepDoneNote");
  public static final Variable<IssueDecision> PLAN_DECISION =
      Variable.code("planDecision", IssueDecision.class);
  public static final Variable<Boolean> EXCEPTIONS_APPLY = AssessmentVariables.EXCEPTIONS_APPLY;
  public static final Variable<ExceptionGround> EXCEPTION_GROUND =
      AssessmentVariables.EXCEPTION_GROUND;
  public static final Variable<String> EXCEPTION_NOTE = AssessmentVariables.EXCEPTION_NOTE;
  public static final Variable<LocalDate> EXCEPTION_RECORDED_DATE =
      AssessmentVariables.EXCEPTION_RECORDED_DATE;

  // What was done, step by step -------------------------------------------------------------------

  public static final Variable<LocalDate> ASSESSMENT_NOTICE_DATE =
      Variable.date("assessmentNoticeDate");
  public static final Variable<LocalDate> PLAN_DECISION_DATE = Variable.date("planDecisionDate");
  public static final Variable<LocalDate> DRAFT_PLAN_ISSUED_DATE =
      Variable.date("draftPlanIssuedDate");
  public static final Variable<LocalDate> FINAL_PLAN_ISSUED_DATE =
      Variable.date("finalPlanIssuedDate");

  /** The date a one-step order was complied with. */
  public static final Variable<LocalDate> COMPLIED_DATE = Variable.date("compliedDate");

  /** The date the order's last step was done. */
  public static final Variable<LocalDate> COMPLIANCE_DATE = Variable.date("complianceDate");

  /** Every step done by its limit (exceptions aside: they are recorded beside, never counted). */
  public static final Variable<Boolean> COMPLIED_ON_TIME = Variable.flag("compliedOnTime");

  /** A step's limit passed with the step still open. */
  public static final Variable<Boolean> ORDER_LATE = Variable.flag("orderLate");

  public static final Variable<String> ESCALATION_NOTE = Variable.text("escalationNote");

  private TribunalOrderVariables() {}
}
