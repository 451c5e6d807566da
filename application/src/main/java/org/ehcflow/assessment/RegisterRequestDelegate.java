package org.ehcflow.assessment;

import static org.ehcflow.vocabulary.AssessmentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.assessment.AssessmentService.Registration;
import org.springframework.stereotype.Component;

@Component("registerRequestDelegate")
public class RegisterRequestDelegate implements JavaDelegate {

  private final AssessmentService assessments;

  public RegisterRequestDelegate(AssessmentService assessments) {
    this.assessments = assessments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean reassessment = Boolean.TRUE.equals(REASSESSMENT.get(execution));
    // Set either way: the model's gateways read it, and reports tell re-assessments apart by it.
    REASSESSMENT.set(execution, reassessment);
    Registration registration =
        reassessment
            ? assessments.registerReassessment(
                REASSESS_DECISION_DATE.require(execution),
                DATE_OF_BIRTH.require(execution),
                SETTING_EMAIL.get(execution),
                NHS_NUMBER.get(execution),
                CHILD_NAME.get(execution))
            : assessments.register(
                REQUEST_RECEIVED_DATE.require(execution),
                DATE_OF_BIRTH.require(execution),
                SETTING_EMAIL.get(execution),
                NHS_NUMBER.get(execution),
                CHILD_NAME.get(execution));
    if (registration.decisionToAssessDue() != null) {
      DECISION_TO_ASSESS_DUE.set(execution, registration.decisionToAssessDue());
    }
    NO_PLAN_NOTICE_DUE.set(execution, registration.noPlanNoticeDue());
    FINAL_PLAN_DUE.set(execution, registration.finalPlanDue());
    DRAFT_PLAN_TARGET.set(execution, registration.draftPlanTarget());
    AGE_IN_YEARS.set(execution, registration.ageInYears());
    EXCEPTIONS_APPLY.set(execution, false);
    REGULATION_4_RECIPIENTS.set(execution, registration.regulation4Recipients());
    // Health may have told us about this child already: the caseworker and panel see it, and
    // nobody has to retell the story.
    if (registration.section23Summary() != null) {
      SECTION_23_SUMMARY.set(execution, registration.section23Summary());
      if (!SECTION_23_NOTIFICATION_ID.isSet(execution)) {
        SECTION_23_NOTIFICATION_ID.set(execution, registration.section23NotificationId());
      }
    }
  }
}
