package org.ehcflow.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Reg 22(3): the final amended plan, within 8 weeks of the amendment notice; the plan itself goes
 * into the case file.
 */
@Component("issueAmendedPlanListener")
public class IssueAmendedPlanListener implements TaskListener {

  private final AnnualReviewService reviews;

  public IssueAmendedPlanListener(AnnualReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void notify(DelegateTask task) {
    reviews.issueAmendedPlan(task);
  }
}
