package org.ehcflow.review;

import static org.ehcflow.review.AnnualReviewProcess.Vars.*;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.ehcflow.review.AnnualReviewProcess.Recorded;
import org.springframework.stereotype.Component;

@Component("recordAppealOutcomeListener")
public class RecordAppealOutcomeListener implements TaskListener {

  static final String CEASE_UPHELD = "cease-upheld";
  static final String PLAN_CONTINUES = "plan-continues";

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    data.requiredOneOf(APPEAL_OUTCOME, Set.of(CEASE_UPHELD, PLAN_CONTINUES));
    data.notInTheFuture(APPEAL_OUTCOME_DATE, data.requiredDate(APPEAL_OUTCOME_DATE));
    data.optionalString(Recorded.APPEAL_NOTE, 5_000);
    data.check("appeal outcome");
  }
}
