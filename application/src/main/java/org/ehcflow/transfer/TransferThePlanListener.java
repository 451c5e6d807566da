package org.ehcflow.transfer;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Reg 15: the day the plan went to the new council, which is also the day it ceased here. */
@Component("transferThePlanListener")
public class TransferThePlanListener implements TaskListener {

  private final CouncilTransferService transfers;

  public TransferThePlanListener(CouncilTransferService transfers) {
    this.transfers = transfers;
  }

  @Override
  public void notify(DelegateTask task) {
    transfers.recordTransferred(task);
  }
}
