package org.ehcflow.assessment;

import static org.ehcflow.assessment.AssessmentProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.platform.CaseData;
import org.ehcflow.platform.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Reg 10(4): an exception to the time limits is recorded beside the deadline, never moving it,
 * so reporting can show timeliness with and without exceptions.
 */
@Component("recordExceptionDelegate")
public class RecordExceptionDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    CaseData data = CaseData.of(execution.getVariables());
    data.requiredOneOf(EXCEPTION_GROUND, EXCEPTION_GROUNDS);
    data.optionalString(EXCEPTION_NOTE, 5_000);
    data.check("exception to the time limits");
    execution.setVariable(EXCEPTIONS_APPLY, true);
    execution.setVariable(EXCEPTION_RECORDED_DATE, EngineClock.todayIso());
  }
}
