package org.ehcflow.phasetransfer;

import static org.ehcflow.vocabulary.PhaseTransferCohortVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

@Component("findPhaseTransferCohortDelegate")
public class FindPhaseTransferCohortDelegate implements JavaDelegate {

  private final PhaseTransferCohort cohort;

  public FindPhaseTransferCohortDelegate(PhaseTransferCohort cohort) {
    this.cohort = cohort;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PhaseTransferCohort.Cohort found = cohort.findToday();
    COHORT_RUN_DATE.set(execution, found.runDate());
    COHORT_PLANS_CHECKED.set(execution, found.plansChecked());
    COHORT_ALREADY_IN_TRANSFER.set(execution, found.alreadyInTransfer());
    COHORT_STARTED.set(execution, 0);
    // Read once, by the batches' multi-instance, in this transaction: a large council's list of
    // reviews is not kept as case data; each batch keeps only its own part.
    COHORT_BATCHES.set(execution, Variables.objectValue(found.batches(), true).create());
  }
}
