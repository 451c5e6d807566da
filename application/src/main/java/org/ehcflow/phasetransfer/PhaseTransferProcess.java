package org.ehcflow.phasetransfer;

import org.ehcflow.vocabulary.Pathways;

/** The phase-transfer review, {@code processes/ehc-phase-transfer.bpmn} (reg 18). */
public final class PhaseTransferProcess {

  public static final String KEY = Pathways.PHASE_TRANSFER;

  private PhaseTransferProcess() {}

  public static final class Elements {
    public static final String HOLD_REVIEW = "userTask_holdTransferReview";
    public static final String SEND_NOTICE_TASK = "userTask_sendTransferAmendmentNotice";
    public static final String ISSUE_PLAN = "userTask_issueTransferPlan";
    public static final String ESCALATE_LATE = "userTask_escalateLateTransfer";
    public static final String MEETING_MILESTONE_MISSED = "serviceTask_warnMeetingMilestoneMissed";
    public static final String NOTICE_MILESTONE_MISSED = "serviceTask_warnNoticeMilestoneMissed";
    public static final String SEND_PLAN = "serviceTask_sendTransferPlanToParent";
    public static final String START_NEXT_REVIEW = "serviceTask_startNextReview";
    public static final String END_ISSUED = "endEvent_transferPlanIssued";

    private Elements() {}
  }
}
