package org.ehcflow.phasetransfer;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.review.IssueAmendedPlanListener;
import org.ehcflow.statutory.TransferType;
import org.springframework.stereotype.Component;

/**
 * Reg 18: the final amended plan naming the next setting, by 15 February or 31 March. It is
 * recorded as any final amended plan is; the child's setting is then of the next phase, which
 * next year's cohort run reads.
 */
@Component("issueTransferPlanListener")
public class IssueTransferPlanListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    IssueAmendedPlanListener.recordFinalAmendedPlan(task);
    task.setVariable(PhaseTransferProcess.Start.SETTING_PHASE,
        TransferType.fromCode(task.getVariable(PhaseTransferProcess.Start.TRANSFER_TYPE).toString()).nextPhase());
  }
}
