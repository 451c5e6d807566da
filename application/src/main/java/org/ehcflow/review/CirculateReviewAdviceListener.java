package org.ehcflow.review;

import static org.ehcflow.vocabulary.AnnualReviewVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.springframework.stereotype.Component;

@Component("circulateReviewAdviceListener")
public class CirculateReviewAdviceListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    data.notInTheFuture(ADVICE_CIRCULATED_DATE, data.requiredDate(ADVICE_CIRCULATED_DATE));
    data.optionalString(ADVICE_CIRCULATION_NOTE, 5_000);
    data.check("circulation of advice");
  }
}
