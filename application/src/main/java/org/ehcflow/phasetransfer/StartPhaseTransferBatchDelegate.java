package org.ehcflow.phasetransfer;

import static org.ehcflow.vocabulary.PhaseTransferCohortVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.vocabulary.Variable;
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
    PhaseTransferCohort.BatchResult result =
        cohort.startBatch(COHORT_BATCH.get(execution), COHORT_RUN_DATE.require(execution));
    // Batches of one run never run at once (their jobs are exclusive), so these sums are exact.
    add(execution, COHORT_STARTED, result.started());
    add(execution, COHORT_ALREADY_IN_TRANSFER, result.alreadyInTransfer());
  }

  private static void add(DelegateExecution execution, Variable<Integer> count, int more) {
    Integer before = count.get(execution);
    count.set(execution, (before == null ? 0 : before) + more);
  }
}
