package org.ehcflow.cease;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

@Component("recordAppealOutcomeListener")
public class RecordAppealOutcomeListener implements TaskListener {

  private final CeasePlanService cease;

  public RecordAppealOutcomeListener(CeasePlanService cease) {
    this.cease = cease;
  }

  @Override
  public void notify(DelegateTask task) {
    cease.recordAppealOutcome(task);
  }
}
