package org.ehcflow.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.springframework.stereotype.Component;

@Component("submitReviewReportListener")
public class SubmitReviewReportListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task.getVariables());
    data.requiredString(AnnualReviewProcess.Recorded.REVIEW_REPORT, 20_000);
    data.optionalString(AnnualReviewProcess.Recorded.RECOMMENDED_CHANGES, 10_000);
    data.check("review report");
  }
}
