package org.ehcflow.section23;

import org.ehcflow.vocabulary.Pathways;

/** A health body's Section 23 notification, {@code processes/section-23-notification.bpmn}. */
public final class Section23Process {

  public static final String KEY = Pathways.SECTION_23_NOTIFICATION;
  public static final String TRIAGE_DECISION = "decision_section23Triage";

  private Section23Process() {}

  public static final class Elements {
    public static final String TRIAGE = "userTask_triageNotification";
    public static final String ESCALATE_LATE_TRIAGE = "userTask_escalateLateTriage";
    public static final String SEND_ACKNOWLEDGEMENT = "serviceTask_sendAcknowledgement";
    public static final String SEND_PARENT_INFORMATION = "serviceTask_sendParentInformation";
    public static final String START_ASSESSMENT = "serviceTask_startAssessment";
    public static final String SEND_OUTCOME = "serviceTask_sendTriageOutcome";
    public static final String END = "endEvent_notificationTriaged";

    private Elements() {}
  }
}
