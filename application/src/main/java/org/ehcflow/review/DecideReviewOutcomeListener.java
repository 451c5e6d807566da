package org.ehcflow.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Reg 20(10): the council's decision after the review, and the amendment timetable it starts. */
@Component("decideReviewOutcomeListener")
public class DecideReviewOutcomeListener implements TaskListener {

  private final AnnualReviewService reviews;

  public DecideReviewOutcomeListener(AnnualReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void notify(DelegateTask task) {
    reviews.decideOutcome(task);
  }
}
