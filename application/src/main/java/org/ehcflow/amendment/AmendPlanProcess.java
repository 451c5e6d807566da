package org.ehcflow.amendment;

import org.ehcflow.vocabulary.Pathways;

/**
 * Amending a plan (reg 22), {@code processes/ehc-amend-plan.bpmn}: called by an annual review that
 * decides to amend, or started by a caseworker between reviews.
 */
public final class AmendPlanProcess {

  public static final String KEY = Pathways.AMEND_PLAN;

  private AmendPlanProcess() {}

  public static final class Elements {
    public static final String SEND_AMENDMENT_NOTICE = "serviceTask_sendAmendmentNotice";
    public static final String RECORD_AMENDMENT_RESPONSE = "userTask_recordAmendmentResponse";
    public static final String AMENDMENT_WINDOW_CLOSED = "boundaryEvent_amendmentWindowClosed";
    public static final String ISSUE_AMENDED_PLAN = "userTask_issueAmendedPlan";
    public static final String NOTIFY_AMENDED_PLAN_LATE =
        "serviceTask_notifyManagersAmendedPlanLate";
    public static final String SEND_AMENDED_PLAN = "serviceTask_sendAmendedPlanToParent";
    public static final String SEND_AMENDED_PLAN_TO_SETTING =
        "serviceTask_sendAmendedPlanToSetting";
    public static final String SEND_AMENDED_PLAN_TO_HEALTH = "serviceTask_sendAmendedPlanToHealth";
    public static final String SEND_NOT_AMENDING_NOTICE = "serviceTask_sendNotAmendingNotice";
    public static final String END_PLAN_AMENDED = "endEvent_planAmended";
    public static final String END_NOT_AMENDED = "endEvent_planNotAmended";

    private Elements() {}
  }
}
