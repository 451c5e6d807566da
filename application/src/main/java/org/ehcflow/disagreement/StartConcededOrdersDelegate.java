package org.ehcflow.disagreement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.vocabulary.OrderSource;
import org.springframework.stereotype.Component;

/** Reg 45: each conceded order runs against its own compliance clock. */
@Component("startConcededOrdersDelegate")
public class StartConcededOrdersDelegate implements JavaDelegate {

  private final DisagreementService disagreements;

  public StartConcededOrdersDelegate(DisagreementService disagreements) {
    this.disagreements = disagreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    disagreements.startOrders(execution, OrderSource.UNOPPOSED);
  }
}
