package org.ehcflow.disagreement;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Checks the day the ICB was told against the family's request. */
@Component("tellIcbAboutMediationListener")
public class TellIcbAboutMediationListener implements TaskListener {

  private final DisagreementService disagreements;

  public TellIcbAboutMediationListener(DisagreementService disagreements) {
    this.disagreements = disagreements;
  }

  @Override
  public void notify(DelegateTask task) {
    disagreements.recordIcbTold(task);
  }
}
