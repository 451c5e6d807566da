package org.ehcflow.amendment;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Reg 22(3) and (4): after the parent's representations, within 8 weeks of the amendment notice,
 * the final amended plan (stored in the case file) or the decision not to amend, with reasons.
 */
@Component("issueAmendedPlanListener")
public class IssueAmendedPlanListener implements TaskListener {

  private final AmendPlanService amendments;

  public IssueAmendedPlanListener(AmendPlanService amendments) {
    this.amendments = amendments;
  }

  @Override
  public void notify(DelegateTask task) {
    amendments.decide(task);
  }
}
