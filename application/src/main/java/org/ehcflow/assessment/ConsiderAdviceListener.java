package org.ehcflow.assessment;

import org.ehcflow.assessment.AssessmentProcess.Recorded;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.springframework.stereotype.Component;

/** What the advice shows, as the recommendation whether to issue a plan reads it. */
@Component("considerAdviceListener")
public class ConsiderAdviceListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    for (String finding : new String[] {Recorded.PROVISION_BEYOND_SETTING, Recorded.NEEDS_ACROSS_EDUCATION_HEALTH_CARE, Recorded.PROGRESS_WITH_SEN_SUPPORT}) {
      if (task.getVariable(finding) == null) {
        data.problem(finding, "is required (yes or no)");
      }
      data.optionalBoolean(finding);
    }
    data.optionalString(Recorded.ADVICE_CONCLUSION, 10_000);
    data.check("summary of the advice");
  }
}
