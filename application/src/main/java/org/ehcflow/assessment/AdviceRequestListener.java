package org.ehcflow.assessment;

import static org.ehcflow.vocabulary.AssessmentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.ehcflow.assessment.AdviceService.AdviceRequest;
import org.springframework.stereotype.Component;

/**
 * Opens one adviser's request: its own scope holds the adviser, the date the request goes out and
 * the reg 8 due date, so each adviser's advice is kept apart and reported on its own.
 */
@Component("adviceRequestListener")
public class AdviceRequestListener implements ExecutionListener {

  private final AdviceService advice;

  public AdviceRequestListener(AdviceService advice) {
    this.advice = advice;
  }

  @Override
  public void notify(DelegateExecution execution) {
    AdviceRequest request = advice.openRequest(ADVICE_REQUEST.get(execution));
    ADVICE_TYPE.setLocal(execution, request.adviceType());
    ADVISER_GROUP.setLocal(execution, request.adviserGroup());
    ADVICE_LABEL.setLocal(execution, request.label());
    ADVICE_REQUESTED_DATE.setLocal(execution, request.requested());
    ADVICE_DUE.setLocal(execution, request.due());
    // Declared here so the adviser's answer stays with this request, not the whole case.
    ADVICE_SUMMARY.setLocal(execution, null);
    ADVICE_RECEIVED_DATE.setLocal(execution, null);
  }
}
