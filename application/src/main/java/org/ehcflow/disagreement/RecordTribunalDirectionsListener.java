package org.ehcflow.disagreement;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Checks the Tribunal's dates and sets when managers hear of a late response. */
@Component("recordTribunalDirectionsListener")
public class RecordTribunalDirectionsListener implements TaskListener {

  private final DisagreementService disagreements;

  public RecordTribunalDirectionsListener(DisagreementService disagreements) {
    this.disagreements = disagreements;
  }

  @Override
  public void notify(DelegateTask task) {
    disagreements.recordDirections(task);
  }
}
