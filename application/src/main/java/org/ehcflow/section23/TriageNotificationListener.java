package org.ehcflow.section23;

import static org.ehcflow.section23.Section23Process.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.ehcflow.platform.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Whether a notification starts the council's consideration of an EHC needs assessment is a
 * local choice with legal risk, so any other outcome must say why.
 */
@Component("triageNotificationListener")
public class TriageNotificationListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    String outcome = data.requiredOneOf(TRIAGE_OUTCOME, TRIAGE_OUTCOMES);
    String reason = data.optionalString(TRIAGE_REASON, 5_000);
    String parentEmail = data.optionalEmail(Section23Process.Start.PARENT_EMAIL);
    String childId = data.optionalString(CHILD_ID, 64);
    if (outcome != null && !CONSIDER_EHC_ASSESSMENT.equals(outcome) && reason == null) {
      data.problem(TRIAGE_REASON, "is required: say why the notification is not treated as the start of an EHC needs assessment");
    }
    if (CONSIDER_EHC_ASSESSMENT.equals(outcome) && parentEmail == null) {
      data.problem(Section23Process.Start.PARENT_EMAIL, "is required to consider an assessment: notices go to the parent");
    }
    data.check("triage of the notification");
    CaseData.setIfChanged(task, TRIAGE_REASON, reason == null ? "" : reason);
    CaseData.setIfChanged(task, Section23Process.Start.PARENT_EMAIL, parentEmail);
    CaseData.setIfChanged(task, CHILD_ID, childId == null ? "NHS-" + task.getVariable(Section23Process.Start.NHS_NUMBER) : childId);
    task.setVariable(TRIAGE_DATE, EngineClock.todayIso());
  }
}
