package org.ehcflow.assessment;

import static org.ehcflow.assessment.AssessmentProcess.Start.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.statutory.StatutoryDates;
import org.springframework.stereotype.Component;

@Component("registerRequestDelegate")
public class RegisterRequestDelegate implements JavaDelegate {

  private final AssessmentService assessments;

  public RegisterRequestDelegate(AssessmentService assessments) {
    this.assessments = assessments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(assessments.registration(
        StatutoryDates.parse((String) execution.getVariable(REQUEST_RECEIVED_DATE)),
        StatutoryDates.parse((String) execution.getVariable(DATE_OF_BIRTH)),
        (String) execution.getVariable(SETTING_EMAIL)));
  }
}
