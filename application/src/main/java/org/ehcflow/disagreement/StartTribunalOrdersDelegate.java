package org.ehcflow.disagreement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.vocabulary.OrderSource;
import org.springframework.stereotype.Component;

/** Reg 44: each of the Tribunal's orders runs against its own compliance clock. */
@Component("startTribunalOrdersDelegate")
public class StartTribunalOrdersDelegate implements JavaDelegate {

  private final DisagreementService disagreements;

  public StartTribunalOrdersDelegate(DisagreementService disagreements) {
    this.disagreements = disagreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    disagreements.startOrders(execution, OrderSource.TRIBUNAL);
  }
}
