package org.ehcflow.review;

import static org.ehcflow.vocabulary.AnnualReviewVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.ehcflow.vocabulary.Variable;
import org.springframework.stereotype.Component;

/** Reg 20(7): the report and what the review found, as the outcome table reads it. */
@Component("submitReviewReportListener")
public class SubmitReviewReportListener implements TaskListener {

  private static final List<Variable<Boolean>> FINDINGS =
      List.of(NEEDS_CHANGED, OUTCOMES_STILL_APPROPRIATE, STILL_NEEDS_PLAN);

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    data.requiredString(REVIEW_REPORT, 20_000);
    data.optionalString(RECOMMENDED_CHANGES, 10_000);
    for (Variable<Boolean> finding : FINDINGS) {
      if (!finding.isSet(task)) {
        data.problem(finding, "is required (yes or no)");
      }
      data.optionalBoolean(finding);
    }
    data.optionalBoolean(PFA_DISCUSSED);
    data.check("review report");
  }
}
