package org.ehcflow.cease;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Reg 31: whether to cease, after consultation, and the appeal window a decision to cease opens.
 */
@Component("confirmCeaseDecisionListener")
public class ConfirmCeaseDecisionListener implements TaskListener {

  private final CeasePlanService cease;

  public ConfirmCeaseDecisionListener(CeasePlanService cease) {
    this.cease = cease;
  }

  @Override
  public void notify(DelegateTask task) {
    cease.confirmCease(task);
  }
}
