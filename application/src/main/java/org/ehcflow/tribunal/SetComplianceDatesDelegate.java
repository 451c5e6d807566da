package org.ehcflow.tribunal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sets every limit of the order from the decision table's row, and opens the first step. */
@Component("setComplianceDatesDelegate")
public class SetComplianceDatesDelegate implements JavaDelegate {

  private final TribunalOrderService orders;

  public SetComplianceDatesDelegate(TribunalOrderService orders) {
    this.orders = orders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    orders.setComplianceDates(execution);
  }
}
