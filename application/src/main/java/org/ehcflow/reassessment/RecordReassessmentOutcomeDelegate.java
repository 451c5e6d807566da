package org.ehcflow.reassessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("recordReassessmentOutcomeDelegate")
public class RecordReassessmentOutcomeDelegate implements JavaDelegate {

  private final ReassessmentService reassessments;

  public RecordReassessmentOutcomeDelegate(ReassessmentService reassessments) {
    this.reassessments = reassessments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reassessments.recordOutcome(execution);
  }
}
