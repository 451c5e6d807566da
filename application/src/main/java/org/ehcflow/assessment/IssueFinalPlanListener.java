package org.ehcflow.assessment;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Reg 13(2)-(3): the final plan, naming the setting; it is the SEN2 assessment outcome "plan
 * issued", and the plan itself goes into the case file.
 */
@Component("issueFinalPlanListener")
public class IssueFinalPlanListener implements TaskListener {

  private final AssessmentService assessments;

  public IssueFinalPlanListener(AssessmentService assessments) {
    this.assessments = assessments;
  }

  @Override
  public void notify(DelegateTask task) {
    assessments.issueFinalPlan(task);
  }
}
