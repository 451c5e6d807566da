package org.ehcflow.cease;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Runs in the start's transaction (nothing before it is asynchronous), so a refused proposal leaves
 * no case behind.
 */
@Component("refuseUnlessMayConsiderDelegate")
public class RefuseUnlessMayConsiderDelegate implements JavaDelegate {

  private final CeasePlanService cease;

  public RefuseUnlessMayConsiderDelegate(CeasePlanService cease) {
    this.cease = cease;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cease.refuseUnlessMayConsider(execution);
  }
}
