package org.ehcflow.review;

import static org.ehcflow.vocabulary.AnnualReviewVariables.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.springframework.stereotype.Component;

@Component("recordAppealOutcomeListener")
public class RecordAppealOutcomeListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    data.requiredCode(APPEAL_OUTCOME);
    LocalDate decided =
        data.notInTheFuture(APPEAL_OUTCOME_DATE, data.requiredDate(APPEAL_OUTCOME_DATE));
    data.optionalString(APPEAL_NOTE, 5_000);
    data.check("appeal outcome");
    // As checked, so the date the plan ceased is read from it as a date.
    CaseData.setIfChanged(task, APPEAL_OUTCOME_DATE, decided);
  }
}
