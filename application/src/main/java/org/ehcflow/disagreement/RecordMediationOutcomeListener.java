package org.ehcflow.disagreement;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Checks the mediation's outcome and sets the certificate's due date. */
@Component("recordMediationOutcomeListener")
public class RecordMediationOutcomeListener implements TaskListener {

  private final DisagreementService disagreements;

  public RecordMediationOutcomeListener(DisagreementService disagreements) {
    this.disagreements = disagreements;
  }

  @Override
  public void notify(DelegateTask task) {
    disagreements.recordMediationOutcome(task);
  }
}
