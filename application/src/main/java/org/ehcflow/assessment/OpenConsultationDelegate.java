package org.ehcflow.assessment;

import static org.ehcflow.vocabulary.AssessmentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.assessment.AssessmentService.Consultation;
import org.springframework.stereotype.Component;

/** CoP 9.83: the setting should reply within 15 days; the council decides even without a reply. */
@Component("openConsultationDelegate")
public class OpenConsultationDelegate implements JavaDelegate {

  private final AssessmentService assessments;

  public OpenConsultationDelegate(AssessmentService assessments) {
    this.assessments = assessments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Consultation consultation = assessments.openConsultation();
    CONSULTATION_SENT_DATE.set(execution, consultation.sent());
    CONSULTATION_RESPONSE_DUE.set(execution, consultation.responseDue());
    CONSULTATION_DECIDE_WITHOUT_REPLY_FROM.set(execution, consultation.decideWithoutReplyFrom());
  }
}
