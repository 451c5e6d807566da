package org.ehcflow.phasetransfer;

import static org.ehcflow.phasetransfer.PhaseTransferCohortProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.ehcflow.platform.EngineClock;
import org.springframework.stereotype.Component;

@Component("findPhaseTransferCohortDelegate")
public class FindPhaseTransferCohortDelegate implements JavaDelegate {

  private final PhaseTransferCohort cohort;

  public FindPhaseTransferCohortDelegate(PhaseTransferCohort cohort) {
    this.cohort = cohort;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String runDate = EngineClock.today().toString();
    PhaseTransferCohort.Cohort found = cohort.find(EngineClock.today());
    execution.setVariable(COHORT_RUN_DATE, runDate);
    execution.setVariable(COHORT_PLANS_CHECKED, found.plansChecked());
    execution.setVariable(COHORT_ALREADY_IN_TRANSFER, found.alreadyInTransfer());
    execution.setVariable(COHORT_STARTED, 0);
    // Read once, by the batches' multi-instance, in this transaction: a large council's list of
    // reviews is not kept as case data; each batch keeps only its own part.
    execution.setVariable(COHORT_BATCHES, Variables.objectValue(found.batches(), true).create());
  }
}
