package org.ehcflow.assessment;

import static org.ehcflow.vocabulary.AssessmentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("prepareAdviceRequestsDelegate")
public class PrepareAdviceRequestsDelegate implements JavaDelegate {

  private final AdviceService advice;

  public PrepareAdviceRequestsDelegate(AdviceService advice) {
    this.advice = advice;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ADVICE_REQUESTS.set(
        execution,
        advice.adviceRequests(ADVICE_REQUIRED.get(execution), REUSED_ADVICE.get(execution)));
    // Declared on the case before the advisers start, so their parallel answers all append to
    // one list rather than each creating it.
    DelegateExecution processInstance = execution.getProcessInstance();
    if (!ADVICE_RECEIVED.isSet(processInstance)) {
      ADVICE_RECEIVED.setLocal(processInstance, AdviceService.emptyAdviceList());
    }
  }
}
