package org.ehcflow.assessment;

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

  static final String[] REQUIRED_SECTIONS = {"sectionA", "sectionB", "sectionE", "sectionF"};
  static final String[] OPTIONAL_SECTIONS = {"sectionC", "sectionD", "sectionG", "sectionH1", "sectionH2", "sectionJ",
      "sectionK"};

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task.getVariables());
    for (String section : REQUIRED_SECTIONS) {
      data.requiredString(section, 20_000);
    }
    for (String section : OPTIONAL_SECTIONS) {
      data.optionalString(section, 20_000);
    }
    if (task.getVariable("sectionI") != null && !task.getVariable("sectionI").toString().isBlank()) {
      data.problem("sectionI", "must be left blank in a draft plan (reg 12: the setting is named in the final plan)");
    }
    data.check("draft plan");
  }
}
