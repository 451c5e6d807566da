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
    data.requiredString("reviewReport", 20_000);
    data.optionalString("recommendedChanges", 10_000);
    data.check("review report");
  }
}
