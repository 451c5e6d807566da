package org.ehcflow.assessment;

import org.ehcflow.assessment.AssessmentProcess.Recorded;

import static org.ehcflow.assessment.AssessmentProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.springframework.stereotype.Component;

/** The parent's comments on the draft, a meeting request and their preferred setting (s.38). */
@Component("recordParentResponseListener")
public class RecordParentResponseListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    data.optionalString(Recorded.PARENT_COMMENTS, 20_000);
    data.optionalBoolean(Recorded.MEETING_REQUESTED);
    String setting = data.optionalString(PREFERRED_SETTING, 200);
    String email = data.optionalEmail(PREFERRED_SETTING_EMAIL);
    Object emailGiven = task.getVariable(PREFERRED_SETTING_EMAIL);
    if (setting != null && (emailGiven == null || emailGiven.toString().isBlank())) {
      data.problem(PREFERRED_SETTING_EMAIL, "is required to consult the preferred setting");
    }
    data.check("parent's response to the draft plan");
    // A form sends empty fields as ""; no setting named means no consultation.
    CaseData.setIfChanged(task, PREFERRED_SETTING, setting);
    CaseData.setIfChanged(task, PREFERRED_SETTING_EMAIL, email);
    task.setVariable(PARENT_RESPONDED, true);
  }
}
