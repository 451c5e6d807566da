package org.ehcflow.phasetransfer;

import static org.ehcflow.phasetransfer.PhaseTransferCohortProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.platform.EngineClock;
import org.springframework.stereotype.Component;

@Component("startPhaseTransferCohortDelegate")
public class StartPhaseTransferCohortDelegate implements JavaDelegate {

  private final PhaseTransferCohort cohort;

  public StartPhaseTransferCohortDelegate(PhaseTransferCohort cohort) {
    this.cohort = cohort;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PhaseTransferCohort.Result result = cohort.run(EngineClock.today());
    execution.setVariable(COHORT_PLANS_CHECKED, result.plansChecked());
    execution.setVariable(COHORT_STARTED, result.started());
    execution.setVariable(COHORT_ALREADY_IN_TRANSFER, result.alreadyInTransfer());
  }
}
