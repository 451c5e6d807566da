package org.ehcflow.transfer;

import org.ehcflow.vocabulary.Pathways;

/** A plan transferred to this council, {@code processes/ehc-transfer-in.bpmn} (reg 15). */
public final class TransferInProcess {

  public static final String KEY = Pathways.TRANSFER_IN;

  private TransferInProcess() {}

  public static final class Elements {
    public static final String TELL_THE_FAMILY = "userTask_tellFamilyOfTransfer";
    public static final String ESCALATE_LATE = "userTask_escalateLateTransferIn";
    public static final String SEND_FAMILY_NOTICE = "serviceTask_sendTransferNoticeToFamily";
    public static final String START_REVIEW = "serviceTask_startTransferredReview";
    public static final String END_REVIEW_STARTED = "endEvent_transferredReviewStarted";

    private Elements() {}
  }
}
