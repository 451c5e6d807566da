package org.ehcflow.assessment;

import static org.ehcflow.vocabulary.AssessmentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.platform.CaseData;
import org.springframework.stereotype.Component;

/**
 * Reg 10(4): an exception to the time limits is recorded beside the deadline, never moving it, so
 * reporting can show timeliness with and without exceptions.
 */
@Component("recordExceptionDelegate")
public class RecordExceptionDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    CaseData data = CaseData.of(execution);
    data.requiredCode(EXCEPTION_GROUND);
    data.optionalString(EXCEPTION_NOTE, 5_000);
    data.check("exception to the time limits");
    EXCEPTIONS_APPLY.set(execution, true);
    EXCEPTION_RECORDED_DATE.set(execution, data.today());
  }
}
