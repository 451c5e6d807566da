package org.ehcflow.transfer;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Reg 15(4): whether the council proposes an assessment and when it will review, checked against
 * the review's statutory date.
 */
@Component("tellFamilyOfTransferListener")
public class TellFamilyOfTransferListener implements TaskListener {

  private final CouncilTransferService transfers;

  public TellFamilyOfTransferListener(CouncilTransferService transfers) {
    this.transfers = transfers;
  }

  @Override
  public void notify(DelegateTask task) {
    transfers.recordFamilyTold(task);
  }
}
