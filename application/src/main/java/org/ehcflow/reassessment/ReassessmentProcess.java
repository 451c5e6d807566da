package org.ehcflow.reassessment;

import org.ehcflow.vocabulary.Pathways;

/**
 * A request to re-assess a plan (CFA s.44), {@code processes/ehc-reassessment.bpmn}: answered
 * within 15 days; a re-assessment calls the needs assessment for its advice and plan steps.
 */
public final class ReassessmentProcess {

  public static final String KEY = Pathways.REASSESSMENT;

  /** The published table advising on a request (the 6-month rule). */
  public static final String REQUEST_DECISION = "decision_reassessmentRequest";

  private ReassessmentProcess() {}

  public static final class Elements {
    public static final String START = "startEvent_reassessmentRequested";
    public static final String RECOMMEND = "businessRuleTask_recommendReassessment";
    public static final String DECIDE_WHETHER_TO_REASSESS = "userTask_decideWhetherToReassess";
    public static final String DECISION_LATE = "boundaryEvent_reassessDecisionLate";
    public static final String NOTIFY_MANAGERS_DECISION_LATE =
        "serviceTask_notifyManagersReassessDecisionLate";
    public static final String SEND_REFUSAL = "serviceTask_sendRefusalToReassessNotice";
    public static final String END_NOT_REASSESSED = "endEvent_notReassessed";
    public static final String SEND_DECISION_TO_REASSESS =
        "serviceTask_sendDecisionToReassessNotice";
    public static final String ASSESS_AND_PLAN = "callActivity_assessAndPlan";
    public static final String RECORD_OUTCOME = "serviceTask_recordReassessmentOutcome";
    public static final String END_PLAN_REISSUED = "endEvent_planReissued";
    public static final String SEND_NOT_AMENDING = "serviceTask_sendNotAmendingNotice";
    public static final String END_PLAN_NOT_AMENDED = "endEvent_planNotAmended";
    public static final String END_ENDED = "endEvent_reassessmentEnded";

    private Elements() {}
  }
}
