package org.ehcflow.assessment;

import static org.ehcflow.vocabulary.AssessmentVariables.CONSULTATION_COMMENTS;
import static org.ehcflow.vocabulary.AssessmentVariables.CONSULTATION_RESPONSE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.springframework.stereotype.Component;

@Component("respondToConsultationListener")
public class RespondToConsultationListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    data.requiredCode(CONSULTATION_RESPONSE);
    data.optionalString(CONSULTATION_COMMENTS, 10_000);
    data.check("consultation response");
  }
}
