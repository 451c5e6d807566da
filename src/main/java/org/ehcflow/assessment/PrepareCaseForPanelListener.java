package org.ehcflow.assessment;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.springframework.stereotype.Component;

/** The evidence the panel's recommendation table reads, checked as the caseworker submits it. */
@Component("prepareCaseForPanelListener")
public class PrepareCaseForPanelListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task.getVariables());
    Integer cycles = data.optionalInteger("graduatedApproachCycles", 0, 50);
    data.optionalBoolean("progressDespiteSupport");
    data.optionalBoolean("needsAcrossEducationHealthCare");
    data.optionalString("evidenceSummary", 10_000);
    if (task.getVariable("graduatedApproachCycles") == null) {
      data.problem("graduatedApproachCycles", "is required (0 if no cycle of SEN support is evidenced)");
    }
    data.check("evidence for the panel");
    task.setVariable("graduatedApproachCycles", cycles);
  }
}
