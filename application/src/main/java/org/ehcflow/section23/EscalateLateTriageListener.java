package org.ehcflow.section23;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.ehcflow.vocabulary.Section23Variables;
import org.springframework.stereotype.Component;

@Component("escalateLateTriageListener")
public class EscalateLateTriageListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    data.requiredString(Section23Variables.ESCALATION_NOTE, 5_000);
    data.check("escalation");
  }
}
