package org.ehcflow.disagreement;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Checks the Tribunal's decision and its orders. */
@Component("recordTribunalDecisionListener")
public class RecordTribunalDecisionListener implements TaskListener {

  private final DisagreementService disagreements;

  public RecordTribunalDecisionListener(DisagreementService disagreements) {
    this.disagreements = disagreements;
  }

  @Override
  public void notify(DelegateTask task) {
    disagreements.recordDecision(task);
  }
}
