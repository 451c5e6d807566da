package org.ehcflow.amendment;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Reg 22(2): the parent's comments on the proposed amendments, a meeting, a setting asked for. */
@Component("recordAmendmentResponseListener")
public class RecordAmendmentResponseListener implements TaskListener {

  private final AmendPlanService amendments;

  public RecordAmendmentResponseListener(AmendPlanService amendments) {
    this.amendments = amendments;
  }

  @Override
  public void notify(DelegateTask task) {
    amendments.recordResponse(task);
  }
}
