package org.ehcflow.transfer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Checks a transfer out's start before anything is kept, and sets the day the plan must go. */
@Component("transferOutStartValidator")
public class TransferOutStartValidator implements ExecutionListener {

  private final CouncilTransferService transfers;

  public TransferOutStartValidator(CouncilTransferService transfers) {
    this.transfers = transfers;
  }

  @Override
  public void notify(DelegateExecution execution) {
    transfers.acceptTransferOut(execution);
  }
}
