package org.ehcflow.reassessment;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The caseworker's answer to a request to re-assess, with reasons and its date. */
@Component("decideWhetherToReassessListener")
public class DecideWhetherToReassessListener implements TaskListener {

  private final ReassessmentService reassessments;

  public DecideWhetherToReassessListener(ReassessmentService reassessments) {
    this.reassessments = reassessments;
  }

  @Override
  public void notify(DelegateTask task) {
    reassessments.decide(task);
  }
}
