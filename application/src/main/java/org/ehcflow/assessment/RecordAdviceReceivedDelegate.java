package org.ehcflow.assessment;

import static org.ehcflow.vocabulary.AssessmentVariables.ADVICE_RECEIVED_DATE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.platform.EngineClock;
import org.springframework.stereotype.Component;

@Component("recordAdviceReceivedDelegate")
public class RecordAdviceReceivedDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    ADVICE_RECEIVED_DATE.set(execution, EngineClock.today());
  }
}
