package org.ehcflow.disagreement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.vocabulary.OrderSource;
import org.springframework.stereotype.Component;

/** Reg 42: each agreed action runs against its own compliance clock. */
@Component("startAgreedActionsDelegate")
public class StartAgreedActionsDelegate implements JavaDelegate {

  private final DisagreementService disagreements;

  public StartAgreedActionsDelegate(DisagreementService disagreements) {
    this.disagreements = disagreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    disagreements.startOrders(execution, OrderSource.MEDIATION_AGREEMENT);
  }
}
