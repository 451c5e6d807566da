package org.ehcflow.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.ehcflow.review.AnnualReviewProcess.Recorded;
import org.springframework.stereotype.Component;

/** Reg 20(7): the report and what the review found, as the outcome table reads it. */
@Component("submitReviewReportListener")
public class SubmitReviewReportListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    data.requiredString(Recorded.REVIEW_REPORT, 20_000);
    data.optionalString(Recorded.RECOMMENDED_CHANGES, 10_000);
    for (String finding : new String[] {Recorded.NEEDS_CHANGED, Recorded.OUTCOMES_STILL_APPROPRIATE,
        Recorded.STILL_NEEDS_PLAN}) {
      if (task.getVariable(finding) == null) {
        data.problem(finding, "is required (yes or no)");
      }
      data.optionalBoolean(finding);
    }
    data.optionalBoolean(Recorded.PFA_DISCUSSED);
    data.check("review report");
  }
}
