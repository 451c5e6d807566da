package org.ehcflow.phasetransfer;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Reg 22: the amendment notice names the proposed next setting; the parent has 15 days to comment.
 */
@Component("sendTransferAmendmentNoticeListener")
public class SendTransferAmendmentNoticeListener implements TaskListener {

  private final PhaseTransferService transfers;

  public SendTransferAmendmentNoticeListener(PhaseTransferService transfers) {
    this.transfers = transfers;
  }

  @Override
  public void notify(DelegateTask task) {
    transfers.sendAmendmentNotice(task);
  }
}
