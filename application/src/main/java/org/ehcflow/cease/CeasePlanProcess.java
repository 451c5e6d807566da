package org.ehcflow.cease;

import org.ehcflow.vocabulary.Pathways;

/**
 * Ceasing to maintain a plan (CFA s.45, regs 29-31), {@code processes/ehc-cease-plan.bpmn}: called
 * by an annual review that proposes it, or started by a caseworker between reviews.
 */
public final class CeasePlanProcess {

  public static final String KEY = Pathways.CEASE_PLAN;

  /** The table applying regs 29-30 to a proposal made between reviews. */
  public static final String ELIGIBILITY_DECISION = "decision_ceaseEligibility";

  private CeasePlanProcess() {}

  public static final class Elements {
    public static final String CHECK_ELIGIBILITY = "businessRuleTask_checkCeaseEligibility";
    public static final String REFUSE_UNLESS_ELIGIBLE = "serviceTask_refuseUnlessMayConsider";
    public static final String SEND_CEASE_CONSULTATION = "serviceTask_sendCeaseConsultation";
    public static final String CONFIRM_CEASE = "userTask_confirmCeaseDecision";
    public static final String SEND_CEASE_DECISION = "serviceTask_sendCeaseDecision";
    public static final String NOTIFY_BODIES_OF_CEASE_DECISION =
        "serviceTask_notifyBodiesOfCeaseDecision";
    public static final String APPEAL_LODGED = "messageEvent_appealLodged";
    public static final String RECORD_APPEAL_OUTCOME = "userTask_recordAppealOutcome";
    public static final String MEDIATION_CERTIFICATE_ISSUED =
        "messageEvent_mediationCertificateIssued";
    public static final String EXTEND_APPEAL_WINDOW = "serviceTask_extendAppealWindow";
    public static final String APPEAL_WINDOW_CLOSED = "timerEvent_appealWindowClosed";
    public static final String RECORD_PLAN_CEASED = "serviceTask_recordPlanCeased";
    public static final String SEND_PLAN_CEASED = "serviceTask_sendPlanCeased";
    public static final String END_ANNUAL_REVIEW = "serviceTask_endAnnualReview";
    public static final String END_PLAN_CEASED = "endEvent_planCeased";
    public static final String END_PLAN_KEPT = "endEvent_planKept";

    private Elements() {}
  }
}
