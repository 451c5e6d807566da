package org.ehcflow.review;

import static org.ehcflow.review.AnnualReviewProcess.Vars.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.ehcflow.statutory.StatutoryClock;
import org.springframework.stereotype.Component;

/**
 * Reg 20(10) and Devon (2022): the decision, with any proposed amendments, goes to the parent
 * within 4 weeks of the meeting; a final amended plan follows within 8 weeks of that notice.
 */
@Component("decideReviewOutcomeListener")
public class DecideReviewOutcomeListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task.getVariables());
    String decision = data.requiredOneOf(REVIEW_DECISION, DECISIONS);
    data.requiredString(AnnualReviewProcess.Recorded.REVIEW_DECISION_REASON, 10_000);
    LocalDate notice = null;
    if ("amend".equals(decision)) {
      notice = data.notInTheFuture(AMENDMENT_NOTICE_DATE, data.requiredDate(AMENDMENT_NOTICE_DATE));
      data.requiredString(AnnualReviewProcess.Recorded.PROPOSED_AMENDMENTS, 20_000);
    }
    data.check("review decision");
    if (notice != null) {
      task.setVariable(AMENDMENT_NOTICE_DATE, notice.toString());
      task.setVariable(AMENDED_PLAN_DUE, StatutoryClock.amendedPlanDue(notice).toString());
    }
  }
}
