package org.ehcflow.phasetransfer;

import static org.ehcflow.phasetransfer.PhaseTransferCohortProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.statutory.StatutoryDates;
import org.springframework.stereotype.Component;

@Component("startPhaseTransferBatchDelegate")
public class StartPhaseTransferBatchDelegate implements JavaDelegate {

  private final PhaseTransferCohort cohort;

  public StartPhaseTransferBatchDelegate(PhaseTransferCohort cohort) {
    this.cohort = cohort;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // The run's own date, so a batch retried after midnight starts the same year's transfers.
    PhaseTransferCohort.BatchResult result = cohort.start(
        PhaseTransferCohort.idsOfBatch((String) execution.getVariable(COHORT_BATCH)),
        StatutoryDates.parse((String) execution.getVariable(COHORT_RUN_DATE)));
    // Batches of one run never run at once (their jobs are exclusive), so these sums are exact.
    add(execution, COHORT_STARTED, result.started());
    add(execution, COHORT_ALREADY_IN_TRANSFER, result.alreadyInTransfer());
  }

  private static void add(DelegateExecution execution, String name, int count) {
    Object before = execution.getVariable(name);
    execution.setVariable(name, (before instanceof Number number ? number.intValue() : 0) + count);
  }
}
