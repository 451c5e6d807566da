package org.ehcflow.cease;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("recordPlanCeasedDelegate")
public class RecordPlanCeasedDelegate implements JavaDelegate {

  private final CeasePlanService cease;

  public RecordPlanCeasedDelegate(CeasePlanService cease) {
    this.cease = cease;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cease.recordPlanCeased(execution);
  }
}
