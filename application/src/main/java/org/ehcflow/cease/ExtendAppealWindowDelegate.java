package org.ehcflow.cease;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Runs in the transaction of the message that records a mediation certificate, so a certificate the
 * case refuses is refused to its sender and changes nothing.
 */
@Component("extendAppealWindowDelegate")
public class ExtendAppealWindowDelegate implements JavaDelegate {

  private final CeasePlanService cease;

  public ExtendAppealWindowDelegate(CeasePlanService cease) {
    this.cease = cease;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cease.extendAppealWindow(execution);
  }
}
