package org.ehcflow.assessment;

import static org.ehcflow.vocabulary.AssessmentVariables.COMMENT_WINDOW_ENDS;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Reg 13(1): the parent has at least 15 days, beginning with the day of service, to comment. */
@Component("serveDraftPlanListener")
public class ServeDraftPlanListener implements TaskListener {

  private final AssessmentService assessments;

  public ServeDraftPlanListener(AssessmentService assessments) {
    this.assessments = assessments;
  }

  @Override
  public void notify(DelegateTask task) {
    COMMENT_WINDOW_ENDS.set(task, assessments.serveDraftPlan(task));
  }
}
