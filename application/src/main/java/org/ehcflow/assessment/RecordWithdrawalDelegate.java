package org.ehcflow.assessment;

import static org.ehcflow.assessment.AssessmentProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.platform.CaseData;
import org.ehcflow.platform.EngineClock;
import org.springframework.stereotype.Component;

/**
 * A withdrawn request is the SEN2 request outcome W only while no decision has been made: an
 * outcome already recorded is never overwritten (SEN2 keeps the first decision).
 */
@Component("recordWithdrawalDelegate")
public class RecordWithdrawalDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    CaseData data = CaseData.of(execution.getVariables());
    data.optionalString(WITHDRAWN_REASON, 5_000);
    data.check("withdrawal");
    String today = EngineClock.todayIso();
    execution.setVariable(WITHDRAWN_DATE, today);
    if (execution.getVariable(REQUEST_OUTCOME) == null) {
      execution.setVariable(REQUEST_OUTCOME, AssessmentProcess.Outcome.WITHDRAWN);
      execution.setVariable(REQUEST_OUTCOME_DATE, today);
    }
  }
}
