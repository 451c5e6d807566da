package org.ehcflow.cease;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Checks a start before anything is kept. Only an annual review calling this pathway (an instance
 * with a caller) skips the eligibility facts: a start from Tasklist or REST cannot claim to come
 * from a review.
 */
@Component("ceasePlanStartValidator")
public class CeasePlanStartValidator implements ExecutionListener {

  private final CeasePlanService cease;

  public CeasePlanStartValidator(CeasePlanService cease) {
    this.cease = cease;
  }

  @Override
  public void notify(DelegateExecution execution) {
    cease.acceptStart(execution, execution.getSuperExecution() != null);
  }
}
