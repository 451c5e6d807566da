package org.ehcflow.disagreement;

import org.ehcflow.vocabulary.Pathways;

/** A family's disagreement with an appealable decision, {@code processes/ehc-disagreement.bpmn}. */
public final class DisagreementProcess {

  public static final String KEY = Pathways.DISAGREEMENT;

  private DisagreementProcess() {}

  public static final class Elements {
    public static final String ACKNOWLEDGE = "serviceTask_acknowledgeDispute";
    public static final String SEND_MEDIATION_ARRANGED = "serviceTask_sendMediationArranged";
    public static final String TELL_ICB = "userTask_tellIcb";
    public static final String ICB_NOTIFICATION_OVERDUE = "timerEvent_icbNotificationOverdue";
    public static final String ESCALATE_LATE_ICB_NOTIFICATION =
        "userTask_escalateLateIcbNotification";
    public static final String RECORD_MEDIATION_OUTCOME = "userTask_recordMediationOutcome";
    public static final String ESCALATE_LATE_MEDIATION = "userTask_escalateLateMediation";
    public static final String START_AGREED_ACTIONS = "serviceTask_startAgreedActions";
    public static final String SEND_NOT_ARRANGED = "serviceTask_sendMediationNotArranged";
    public static final String AWAIT_FAMILY = "eventBasedGateway_familyNext";
    public static final String RECORD_TRIBUNAL_DIRECTIONS = "userTask_recordTribunalDirections";
    public static final String SUBMIT_RESPONSE = "userTask_submitAppealResponse";
    public static final String ESCALATE_LATE_RESPONSE = "userTask_escalateLateResponse";
    public static final String SEND_RESPONSE_NOTICE = "serviceTask_sendResponseNotice";
    public static final String START_CONCEDED_ORDERS = "serviceTask_startConcededOrders";
    public static final String RECORD_TRIBUNAL_DECISION = "userTask_recordTribunalDecision";
    public static final String START_TRIBUNAL_ORDERS = "serviceTask_startTribunalOrders";
    public static final String END_NO_APPEAL = "endEvent_noAppeal";
    public static final String END_CONCEDED = "endEvent_appealConceded";
    public static final String END_DECIDED = "endEvent_tribunalDecided";

    private Elements() {}
  }
}
