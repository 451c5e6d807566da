package org.ehcflow.disagreement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Refuses a dispute that does not say what is disputed, before anything is kept. */
@Component("disagreementStartValidator")
public class DisagreementStartValidator implements ExecutionListener {

  private final DisagreementService disagreements;

  public DisagreementStartValidator(DisagreementService disagreements) {
    this.disagreements = disagreements;
  }

  @Override
  public void notify(DelegateExecution execution) {
    disagreements.acceptDispute(execution);
  }
}
