package org.ehcflow.section23;

import static org.ehcflow.vocabulary.Section23Variables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.ehcflow.vocabulary.TriageOutcome;
import org.springframework.stereotype.Component;

/**
 * Whether a notification starts the council's consideration of an EHC needs assessment is a local
 * choice with legal risk, so any other outcome must say why.
 */
@Component("triageNotificationListener")
public class TriageNotificationListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    TriageOutcome outcome = data.requiredCode(TRIAGE_OUTCOME);
    String reason = data.optionalString(TRIAGE_REASON, 5_000);
    String parentEmail = data.optionalEmail(PARENT_EMAIL);
    String childId = data.optionalString(CHILD_ID, 64);
    if (outcome != null && outcome != TriageOutcome.CONSIDER_EHC_ASSESSMENT && reason == null) {
      data.problem(
          TRIAGE_REASON,
          "is required: say why the notification is not treated as the start of an EHC needs assessment");
    }
    if (outcome == TriageOutcome.CONSIDER_EHC_ASSESSMENT && parentEmail == null) {
      data.problem(PARENT_EMAIL, "is required to consider an assessment: notices go to the parent");
    }
    data.check("triage of the notification");
    CaseData.setIfChanged(task, TRIAGE_REASON, reason == null ? "" : reason);
    CaseData.setIfChanged(task, PARENT_EMAIL, parentEmail);
    CaseData.setIfChanged(
        task, CHILD_ID, childId == null ? "NHS-" + NHS_NUMBER.get(task) : childId);
    TRIAGE_DATE.set(task, data.today());
  }
}
