package org.ehcflow.transfer;

import org.ehcflow.vocabulary.Pathways;

/** A plan's transfer to another council, {@code processes/ehc-transfer-out.bpmn} (reg 15). */
public final class TransferOutProcess {

  public static final String KEY = Pathways.TRANSFER_OUT;

  private TransferOutProcess() {}

  public static final class Elements {
    public static final String TRANSFER_THE_PLAN = "userTask_transferThePlan";
    public static final String ESCALATE_LATE = "userTask_escalateLateTransferOut";
    public static final String SEND_TO_NEW_COUNCIL = "serviceTask_sendPlanToNewCouncil";
    public static final String TELL_PARENT = "serviceTask_tellParentOfTransfer";
    public static final String TELL_NEW_ICB = "serviceTask_tellNewIcb";
    public static final String END_CASES_HERE = "serviceTask_endCasesHere";
    public static final String END_TRANSFERRED = "endEvent_planTransferred";

    private Elements() {}
  }
}
