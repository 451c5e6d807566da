package org.ehcflow.transfer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Checks a transfer in's start before anything is kept, and sets the notice's and the review's
 * statutory dates.
 */
@Component("transferInStartValidator")
public class TransferInStartValidator implements ExecutionListener {

  private final CouncilTransferService transfers;

  public TransferInStartValidator(CouncilTransferService transfers) {
    this.transfers = transfers;
  }

  @Override
  public void notify(DelegateExecution execution) {
    transfers.acceptTransferIn(execution);
  }
}
