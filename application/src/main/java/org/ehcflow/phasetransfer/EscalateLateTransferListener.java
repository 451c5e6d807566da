package org.ehcflow.phasetransfer;

import static org.ehcflow.vocabulary.PhaseTransferVariables.ESCALATION_NOTE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.springframework.stereotype.Component;

@Component("escalateLateTransferListener")
public class EscalateLateTransferListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    data.requiredString(ESCALATION_NOTE, 5_000);
    data.check("escalation");
  }
}
