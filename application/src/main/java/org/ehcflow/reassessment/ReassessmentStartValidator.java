package org.ehcflow.reassessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Checks a request to re-assess as it starts, before anything is kept. */
@Component("reassessmentStartValidator")
public class ReassessmentStartValidator implements ExecutionListener {

  private final ReassessmentService reassessments;

  public ReassessmentStartValidator(ReassessmentService reassessments) {
    this.reassessments = reassessments;
  }

  @Override
  public void notify(DelegateExecution execution) {
    reassessments.acceptStart(execution);
  }
}
