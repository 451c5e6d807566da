package org.ehcflow.section23;

import static org.ehcflow.section23.Section23Process.Start.*;
import static org.ehcflow.section23.Section23Process.Vars.*;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.assessment.AssessmentProcess;
import org.springframework.stereotype.Component;

/**
 * Starts the EHC needs assessment for the child with what health already told us, so nobody
 * retells the story. Runs in the triage's own transaction: if the assessment refuses to start,
 * the triage is not recorded either and the early years worker sees why.
 */
@Component("startAssessmentFromNotificationDelegate")
public class StartAssessmentFromNotificationDelegate implements JavaDelegate {

  private final RuntimeService runtime;
  private final Section23Settings settings;

  public StartAssessmentFromNotificationDelegate(RuntimeService runtime, Section23Settings settings) {
    this.runtime = runtime;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String received = Section23Settings.FROM_NOTIFICATION.equals(settings.assessmentClockStarts())
        ? execution.getVariable(NOTIFICATION_DATE).toString()
        : execution.getVariable(TRIAGE_DATE).toString();
    String childId = execution.getVariable(CHILD_ID).toString();
    Map<String, Object> request = new LinkedHashMap<>();
    request.put(AssessmentProcess.Start.CHILD_ID, childId);
    request.put(AssessmentProcess.Start.CHILD_NAME, execution.getVariable(CHILD_NAME));
    request.put(AssessmentProcess.Start.DATE_OF_BIRTH, execution.getVariable(DATE_OF_BIRTH));
    request.put(AssessmentProcess.Start.REQUEST_RECEIVED_DATE, received);
    request.put(AssessmentProcess.Start.REQUESTER, "other");
    request.put(AssessmentProcess.Start.PARENT_EMAIL, execution.getVariable(PARENT_EMAIL));
    request.put(AssessmentProcess.Start.NHS_NUMBER, execution.getVariable(NHS_NUMBER));
    request.put(AssessmentProcess.Start.SECTION_23_NOTIFICATION_ID, execution.getProcessBusinessKey());
    String businessKey = "EHCNA-" + childId + "-" + received;
    runtime.startProcessInstanceByKey(AssessmentProcess.KEY, businessKey, request);
    execution.setVariable(ASSESSMENT_BUSINESS_KEY, businessKey);
  }
}
