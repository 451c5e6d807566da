package org.ehcflow.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Reg 31: whether to cease, after consultation, and the appeal window a decision to cease opens.
 */
@Component("confirmCeaseDecisionListener")
public class ConfirmCeaseDecisionListener implements TaskListener {

  private final AnnualReviewService reviews;

  public ConfirmCeaseDecisionListener(AnnualReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void notify(DelegateTask task) {
    reviews.confirmCease(task);
  }
}
