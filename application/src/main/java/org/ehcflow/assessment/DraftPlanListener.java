package org.ehcflow.assessment;

import static org.ehcflow.vocabulary.AssessmentVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.ehcflow.vocabulary.Variable;
import org.springframework.stereotype.Component;

/**
 * Reg 12: the draft plan's sections. Section I (the placement) stays blank in a draft, so the
 * parent's preference can be heard first.
 */
@Component("draftPlanListener")
public class DraftPlanListener implements TaskListener {

  static final List<Variable<String>> REQUIRED_SECTIONS =
      List.of(SECTION_A, SECTION_B, SECTION_E, SECTION_F);
  static final List<Variable<String>> OPTIONAL_SECTIONS =
      List.of(SECTION_C, SECTION_D, SECTION_G, SECTION_H1, SECTION_H2, SECTION_J, SECTION_K);

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    for (Variable<String> section : REQUIRED_SECTIONS) {
      data.requiredString(section, 20_000);
    }
    for (Variable<String> section : OPTIONAL_SECTIONS) {
      data.optionalString(section, 20_000);
    }
    if (filledIn(task, SECTION_I)) {
      data.problem(
          SECTION_I,
          "must be left blank in a draft plan (reg 12: the setting is named in the final plan)");
    }
    data.check("draft plan");
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
