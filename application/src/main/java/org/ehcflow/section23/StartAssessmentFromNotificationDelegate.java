package org.ehcflow.section23;

import static org.ehcflow.vocabulary.Section23Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.vocabulary.ChildIdentity;
import org.springframework.stereotype.Component;

/**
 * Starts the EHC needs assessment for the child with what health already told us, so nobody retells
 * the story. Runs in the triage's own transaction: if the assessment refuses to start, the triage
 * is not recorded either and the early years worker sees why.
 */
@Component("startAssessmentFromNotificationDelegate")
public class StartAssessmentFromNotificationDelegate implements JavaDelegate {

  private final Section23Service section23;

  public StartAssessmentFromNotificationDelegate(Section23Service section23) {
    this.section23 = section23;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey =
        section23.startAssessment(
            ChildIdentity.of(execution),
            PARENT_EMAIL.get(execution),
            NOTIFICATION_DATE.require(execution),
            TRIAGE_DATE.require(execution),
            execution.getProcessBusinessKey());
    ASSESSMENT_BUSINESS_KEY.set(execution, businessKey);
  }
}
