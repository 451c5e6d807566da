package org.ehcflow.disagreement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Runs in the message's transaction, so a request the case refuses is refused to its sender. */
@Component("recordMediationRequestDelegate")
public class RecordMediationRequestDelegate implements JavaDelegate {

  private final DisagreementService disagreements;

  public RecordMediationRequestDelegate(DisagreementService disagreements) {
    this.disagreements = disagreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    disagreements.recordMediationRequest(execution);
  }
}
