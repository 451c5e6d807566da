package org.ehcflow.transfer;

import static org.ehcflow.vocabulary.CouncilTransferVariables.ESCALATION_NOTE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.springframework.stereotype.Component;

/** A manager's record of what is being done about a reg 15 limit that has passed. */
@Component("escalateLateCouncilTransferListener")
public class EscalateLateCouncilTransferListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    data.requiredString(ESCALATION_NOTE, 5_000);
    data.check("escalation");
  }
}
