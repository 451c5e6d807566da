package org.ehcflow.amendment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Checks a start before anything is kept. Only an annual review calling this pathway (an instance
 * with a caller) may give the review as the trigger: a start from Tasklist or REST cannot claim to
 * come from a review.
 */
@Component("amendPlanStartValidator")
public class AmendPlanStartValidator implements ExecutionListener {

  private final AmendPlanService amendments;

  public AmendPlanStartValidator(AmendPlanService amendments) {
    this.amendments = amendments;
  }

  @Override
  public void notify(DelegateExecution execution) {
    amendments.acceptStart(execution, execution.getSuperExecution() != null);
  }
}
