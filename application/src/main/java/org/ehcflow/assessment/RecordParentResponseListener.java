package org.ehcflow.assessment;

import static org.ehcflow.vocabulary.AssessmentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.ehcflow.vocabulary.Variable;
import org.springframework.stereotype.Component;

/** The parent's comments on the draft, a meeting request and their preferred setting (s.38). */
@Component("recordParentResponseListener")
public class RecordParentResponseListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    data.optionalString(PARENT_COMMENTS, 20_000);
    data.optionalBoolean(MEETING_REQUESTED);
    String setting = data.optionalString(PREFERRED_SETTING, 200);
    String email = data.optionalEmail(PREFERRED_SETTING_EMAIL);
    if (setting != null && !filledIn(task, PREFERRED_SETTING_EMAIL)) {
      data.problem(PREFERRED_SETTING_EMAIL, "is required to consult the preferred setting");
    }
    data.check("parent's response to the draft plan");
    // A form sends empty fields as ""; no setting named means no consultation.
    CaseData.setIfChanged(task, PREFERRED_SETTING, setting);
    CaseData.setIfChanged(task, PREFERRED_SETTING_EMAIL, email);
    PARENT_RESPONDED.set(task, true);
  }

  /** Whether the form filled the field in: anything but nothing or blank text. */
  private static boolean filledIn(DelegateTask task, Variable<String> field) {
    try {
      String text = field.get(task);
      return text != null && !text.isBlank();
    } catch (IllegalStateException notText) {
      return true;
    }
  }
}
