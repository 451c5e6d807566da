package org.ehcflow.cease;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("endAnnualReviewDelegate")
public class EndAnnualReviewDelegate implements JavaDelegate {

  private final CeasePlanService cease;

  public EndAnnualReviewDelegate(CeasePlanService cease) {
    this.cease = cease;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cease.endAnnualReview(execution);
  }
}
