package org.ehcflow.phasetransfer;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Reg 18: the final amended plan naming the next setting, by 15 February or 31 March. It is
 * recorded as any final amended plan is; the child's setting is then of the next phase, which next
 * year's cohort run reads.
 */
@Component("issueTransferPlanListener")
public class IssueTransferPlanListener implements TaskListener {

  private final PhaseTransferService transfers;

  public IssueTransferPlanListener(PhaseTransferService transfers) {
    this.transfers = transfers;
  }

  @Override
  public void notify(DelegateTask task) {
    transfers.issueTransferPlan(task);
  }
}
