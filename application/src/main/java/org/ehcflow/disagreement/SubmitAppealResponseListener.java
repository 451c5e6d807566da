package org.ehcflow.disagreement;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Checks a defence's date, or a concession's date and orders. */
@Component("submitAppealResponseListener")
public class SubmitAppealResponseListener implements TaskListener {

  private final DisagreementService disagreements;

  public SubmitAppealResponseListener(DisagreementService disagreements) {
    this.disagreements = disagreements;
  }

  @Override
  public void notify(DelegateTask task) {
    disagreements.recordResponse(task);
  }
}
