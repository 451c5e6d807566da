package org.ehcflow.assessment;

import static org.ehcflow.vocabulary.CaseEventVariables.*;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.platform.CaseData;
import org.ehcflow.vocabulary.CaseEvent;
import org.ehcflow.vocabulary.Pathways;
import org.ehcflow.vocabulary.Variable;
import org.springframework.stereotype.Component;

/**
 * Passes the caseworker's event to the running assessment in the same transaction, so a case that
 * does not exist or has ended refuses the whole action with a message the caseworker sees.
 */
@Component("recordCaseEventDelegate")
public class RecordCaseEventDelegate implements JavaDelegate {

  static final Set<String> START_VARIABLES =
      Variable.names(
          CASE_BUSINESS_KEY, CASE_EVENT, EXCEPTION_GROUND, EXCEPTION_NOTE, WITHDRAWN_REASON);

  @Override
  public void execute(DelegateExecution execution) {
    CaseData data = CaseData.of(execution);
    data.noOtherVariablesThan(START_VARIABLES);
    String caseKey = data.requiredString(CASE_BUSINESS_KEY, 255);
    CaseEvent event = data.requiredCode(CASE_EVENT);
    if (event == CaseEvent.EXCEPTION_RECORDED) {
      data.requiredCode(EXCEPTION_GROUND);
      data.optionalString(EXCEPTION_NOTE, 5_000);
    } else {
      data.optionalString(WITHDRAWN_REASON, 5_000);
    }
    data.check("case event");

    Map<String, Object> payload = new HashMap<>();
    String message;
    if (event == CaseEvent.EXCEPTION_RECORDED) {
      message = Pathways.Messages.EXCEPTION_RECORDED;
      EXCEPTION_GROUND.put(payload, EXCEPTION_GROUND.get(execution));
      EXCEPTION_NOTE.put(payload, EXCEPTION_NOTE.get(execution));
    } else {
      message = Pathways.Messages.REQUEST_WITHDRAWN;
      WITHDRAWN_REASON.put(payload, WITHDRAWN_REASON.get(execution));
    }
    try {
      execution
          .getProcessEngineServices()
          .getRuntimeService()
          .createMessageCorrelation(message)
          .processInstanceBusinessKey(caseKey)
          .setVariables(payload)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      data.problem(CASE_BUSINESS_KEY, "no open assessment has the reference '" + caseKey + "'");
      data.check("case event");
    }
  }
}
