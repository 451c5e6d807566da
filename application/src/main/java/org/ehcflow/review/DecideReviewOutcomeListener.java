package org.ehcflow.review;

import static org.ehcflow.review.AnnualReviewProcess.Vars.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.ehcflow.review.AnnualReviewProcess.Recorded;
import org.ehcflow.statutory.StatutoryClock;
import org.springframework.stereotype.Component;

/**
 * Reg 20(10) and Devon (2022): the decision letter goes within 4 weeks of the meeting and, when
 * amending, is itself the amendment notice with the proposed amendments; the parent then has
 * 15 days to comment and the final amended plan is due within 8 weeks of the notice.
 */
@Component("decideReviewOutcomeListener")
public class DecideReviewOutcomeListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    String decision = data.requiredOneOf(REVIEW_DECISION, DECISIONS);
    data.requiredString(Recorded.REVIEW_DECISION_REASON, 10_000);
    LocalDate letter = data.notInTheFuture(REVIEW_DECISION_DATE, data.requiredDate(REVIEW_DECISION_DATE));
    LocalDate meeting = data.optionalDate(REVIEW_MEETING_DATE);
    if (letter != null && meeting != null && letter.isBefore(meeting)) {
      data.problem(REVIEW_DECISION_DATE, "cannot be before the review meeting (" + meeting + ")");
    }
    if ("amend".equals(decision)) {
      data.requiredString(Recorded.PROPOSED_AMENDMENTS, 20_000);
    }
    if ("cease".equals(decision)) {
      data.requiredOneOf(CEASE_REASON, CEASE_REASONS);
    }
    data.check("review decision");
    CaseData.setIfChanged(task, REVIEW_DECISION_DATE, letter.toString());
    if ("amend".equals(decision)) {
      task.setVariable(AMENDMENT_NOTICE_DATE, letter.toString());
      task.setVariable(AMENDMENT_COMMENT_WINDOW_ENDS, StatutoryClock.commentWindowEnds(letter).toString());
      task.setVariable(AMENDED_PLAN_DUE, StatutoryClock.amendedPlanDue(letter).toString());
    }
  }
}
