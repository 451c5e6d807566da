package org.ehcflow.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Reg 20: the meeting's date, and the report's and the decision's due dates it fixes. */
@Component("arrangeReviewMeetingListener")
public class ArrangeReviewMeetingListener implements TaskListener {

  private final AnnualReviewService reviews;

  public ArrangeReviewMeetingListener(AnnualReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void notify(DelegateTask task) {
    reviews.arrangeMeeting(task);
  }
}
