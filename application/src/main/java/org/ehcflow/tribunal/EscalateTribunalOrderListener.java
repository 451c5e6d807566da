package org.ehcflow.tribunal;

import static org.ehcflow.vocabulary.TribunalOrderVariables.ESCALATION_NOTE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.springframework.stereotype.Component;

/** A manager's escalation of an order's limit is closed only with what they did about it. */
@Component("escalateTribunalOrderListener")
public class EscalateTribunalOrderListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    data.requiredString(ESCALATION_NOTE, 5_000);
    data.check("escalation");
  }
}
