package org.ehcflow.assessment;

import static org.ehcflow.assessment.AssessmentProcess.Start.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import java.util.List;
import java.util.stream.Collectors;

import org.ehcflow.section23.EarlierNotifications;
import org.ehcflow.statutory.StatutoryDates;
import org.springframework.stereotype.Component;

@Component("registerRequestDelegate")
public class RegisterRequestDelegate implements JavaDelegate {

  private final AssessmentService assessments;
  private final EarlierNotifications earlierNotifications;

  public RegisterRequestDelegate(AssessmentService assessments, EarlierNotifications earlierNotifications) {
    this.assessments = assessments;
    this.earlierNotifications = earlierNotifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(assessments.registration(
        StatutoryDates.parse((String) execution.getVariable(REQUEST_RECEIVED_DATE)),
        StatutoryDates.parse((String) execution.getVariable(DATE_OF_BIRTH)),
        (String) execution.getVariable(SETTING_EMAIL)));
    // Health may have told us about this child already: the caseworker and panel see it, and
    // nobody has to retell the story.
    List<EarlierNotifications.Found> earlier = earlierNotifications.find((String) execution.getVariable(NHS_NUMBER),
        (String) execution.getVariable(CHILD_NAME), (String) execution.getVariable(DATE_OF_BIRTH));
    if (!earlier.isEmpty()) {
      execution.setVariable(AssessmentProcess.Vars.SECTION_23_SUMMARY,
          earlier.stream().map(EarlierNotifications.Found::summary).collect(Collectors.joining("\n")));
      if (execution.getVariable(SECTION_23_NOTIFICATION_ID) == null) {
        execution.setVariable(SECTION_23_NOTIFICATION_ID, earlier.get(0).notificationId());
      }
    }
  }
}
