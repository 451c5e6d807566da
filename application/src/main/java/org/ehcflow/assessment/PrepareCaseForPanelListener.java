package org.ehcflow.assessment;

import static org.ehcflow.vocabulary.AssessmentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.springframework.stereotype.Component;

/** The evidence the panel's recommendation table reads, checked as the caseworker submits it. */
@Component("prepareCaseForPanelListener")
public class PrepareCaseForPanelListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    Integer cycles = data.optionalInteger(GRADUATED_APPROACH_CYCLES, 0, 50);
    data.optionalBoolean(PROGRESS_DESPITE_SUPPORT);
    data.optionalBoolean(NEEDS_ACROSS_EDUCATION_HEALTH_CARE);
    data.optionalString(EVIDENCE_SUMMARY, 10_000);
    if (!GRADUATED_APPROACH_CYCLES.isSet(task)) {
      data.problem(
          GRADUATED_APPROACH_CYCLES, "is required (0 if no cycle of SEN support is evidenced)");
    }
    data.check("evidence for the panel");
    CaseData.setIfChanged(task, GRADUATED_APPROACH_CYCLES, cycles);
  }
}
