package org.ehcflow.assessment;

import static org.ehcflow.assessment.AssessmentProcess.Vars.ADVICE_RECEIVED_DATE;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.platform.EngineClock;
import org.springframework.stereotype.Component;

@Component("recordAdviceReceivedDelegate")
public class RecordAdviceReceivedDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(ADVICE_RECEIVED_DATE,
        EngineClock.today().toString());
  }
}
