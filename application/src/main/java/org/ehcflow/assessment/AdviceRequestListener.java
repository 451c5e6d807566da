package org.ehcflow.assessment;

import static org.ehcflow.assessment.AssessmentProcess.Vars.*;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.ehcflow.platform.EngineClock;
import org.ehcflow.statutory.StatutoryClock;
import org.springframework.stereotype.Component;

/**
 * Opens one adviser's request: its own scope holds the adviser, the date the request goes out
 * and the reg 8 due date, so each adviser's advice is kept apart and reported on its own.
 */
@Component("adviceRequestListener")
public class AdviceRequestListener implements ExecutionListener {

  @Override
  @SuppressWarnings("unchecked")
  public void notify(DelegateExecution execution) {
    Map<String, Object> request = (Map<String, Object>) execution.getVariable(ADVICE_REQUEST);
    LocalDate sent = EngineClock.today();
    execution.setVariableLocal(ADVICE_TYPE, request.get(ADVICE_TYPE));
    execution.setVariableLocal(ADVISER_GROUP, request.get(ADVISER_GROUP));
    execution.setVariableLocal(ADVICE_LABEL, request.get(ADVICE_LABEL));
    execution.setVariableLocal(ADVICE_REQUESTED_DATE, sent.toString());
    execution.setVariableLocal(ADVICE_DUE, StatutoryClock.adviceDue(sent).toString());
    // Declared here so the adviser's answer stays with this request, not the whole case.
    execution.setVariableLocal(ADVICE_SUMMARY, null);
    execution.setVariableLocal(ADVICE_RECEIVED_DATE, null);
  }
}
