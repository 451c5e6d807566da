package org.ehcflow.assessment;

import static org.ehcflow.assessment.AssessmentProcess.Vars.*;
import static org.ehcflow.assessment.CaseEventProcess.*;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.platform.CaseData;
import org.springframework.stereotype.Component;

/**
 * Passes the caseworker's event to the running assessment in the same transaction, so a case
 * that does not exist or has ended refuses the whole action with a message the caseworker sees.
 */
@Component("recordCaseEventDelegate")
public class RecordCaseEventDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    CaseData data = CaseData.of(execution.getVariables());
    data.noOtherVariablesThan(START_VARIABLES);
    String caseKey = data.requiredString(CASE_BUSINESS_KEY, 255);
    String event = data.requiredOneOf(CASE_EVENT, Set.of(EXCEPTION_RECORDED, REQUEST_WITHDRAWN));
    if (EXCEPTION_RECORDED.equals(event)) {
      data.requiredOneOf(EXCEPTION_GROUND, EXCEPTION_GROUNDS);
      data.optionalString(EXCEPTION_NOTE, 5_000);
    } else {
      data.optionalString(WITHDRAWN_REASON, 5_000);
    }
    data.check("case event");

    Map<String, Object> payload = new HashMap<>();
    String message;
    if (EXCEPTION_RECORDED.equals(event)) {
      message = AssessmentProcess.Messages.EXCEPTION_RECORDED;
      payload.put(EXCEPTION_GROUND, execution.getVariable(EXCEPTION_GROUND));
      payload.put(EXCEPTION_NOTE, execution.getVariable(EXCEPTION_NOTE));
    } else {
      message = AssessmentProcess.Messages.REQUEST_WITHDRAWN;
      payload.put(WITHDRAWN_REASON, execution.getVariable(WITHDRAWN_REASON));
    }
    try {
      execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(message)
          .processInstanceBusinessKey(caseKey)
          .setVariables(payload)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      data.problem(CASE_BUSINESS_KEY, "no open assessment has the reference '" + caseKey + "'");
      data.check("case event");
    }
  }
}
