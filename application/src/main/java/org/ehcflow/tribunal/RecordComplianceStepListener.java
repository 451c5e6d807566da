package org.ehcflow.tribunal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A step of the order done: what was done and when, whether by its limit, and any reg 44(3)
 * exception beside it.
 */
@Component("recordComplianceStepListener")
public class RecordComplianceStepListener implements TaskListener {

  private final TribunalOrderService orders;

  public RecordComplianceStepListener(TribunalOrderService orders) {
    this.orders = orders;
  }

  @Override
  public void notify(DelegateTask task) {
    orders.recordStep(task);
  }
}
