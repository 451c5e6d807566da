package org.ehcflow.tribunal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Opens the order's next step, after the parent has been told of the one done. */
@Component("openNextComplianceStepDelegate")
public class OpenNextComplianceStepDelegate implements JavaDelegate {

  private final TribunalOrderService orders;

  public OpenNextComplianceStepDelegate(TribunalOrderService orders) {
    this.orders = orders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    orders.openNextStep(execution);
  }
}
