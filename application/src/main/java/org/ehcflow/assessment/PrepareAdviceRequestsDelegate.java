package org.ehcflow.assessment;

import static org.ehcflow.assessment.AssessmentProcess.Vars.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("prepareAdviceRequestsDelegate")
public class PrepareAdviceRequestsDelegate implements JavaDelegate {

  private final AssessmentService assessments;

  public PrepareAdviceRequestsDelegate(AssessmentService assessments) {
    this.assessments = assessments;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    List<Map<String, Object>> required = (List<Map<String, Object>>) execution.getVariable(ADVICE_REQUIRED);
    execution.setVariable(ADVICE_REQUESTS,
        assessments.adviceRequests(required, AssessmentService.stringSet(execution.getVariable(REUSED_ADVICE))));
    // Declared on the case before the advisers start, so their parallel answers all append to
    // one list rather than each creating it.
    if (execution.getProcessInstance().getVariable(ADVICE_RECEIVED) == null) {
      execution.getProcessInstance().setVariableLocal(ADVICE_RECEIVED, GiveAdviceListener.emptyList());
    }
  }
}
