package org.ehcflow.assessment;

import org.ehcflow.assessment.AssessmentProcess.Recorded;

import static org.ehcflow.assessment.AssessmentProcess.Vars.CONSULTATION_RESPONSE;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.springframework.stereotype.Component;

@Component("respondToConsultationListener")
public class RespondToConsultationListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    data.requiredOneOf(CONSULTATION_RESPONSE, Set.of("can-meet-needs", "cannot-meet-needs"));
    data.optionalString(Recorded.CONSULTATION_COMMENTS, 10_000);
    data.check("consultation response");
  }
}
