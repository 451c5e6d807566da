package org.ehcflow.assessment;

import org.ehcflow.assessment.AssessmentProcess.Recorded;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.springframework.stereotype.Component;

/**
 * Reg 12: the draft plan's sections. Section I (the placement) stays blank in a draft, so the
 * parent's preference can be heard first.
 */
@Component("draftPlanListener")
public class DraftPlanListener implements TaskListener {

  static final String[] REQUIRED_SECTIONS = {Recorded.SECTION_A, Recorded.SECTION_B, Recorded.SECTION_E, Recorded.SECTION_F};
  static final String[] OPTIONAL_SECTIONS = {Recorded.SECTION_C, Recorded.SECTION_D, Recorded.SECTION_G, Recorded.SECTION_H1, Recorded.SECTION_H2, Recorded.SECTION_J,
      Recorded.SECTION_K};

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    for (String section : REQUIRED_SECTIONS) {
      data.requiredString(section, 20_000);
    }
    for (String section : OPTIONAL_SECTIONS) {
      data.optionalString(section, 20_000);
    }
    if (task.getVariable(Recorded.SECTION_I) != null && !task.getVariable(Recorded.SECTION_I).toString().isBlank()) {
      data.problem(Recorded.SECTION_I, "must be left blank in a draft plan (reg 12: the setting is named in the final plan)");
    }
    data.check("draft plan");
  }
}
