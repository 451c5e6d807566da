package org.ehcflow.review;

import static org.ehcflow.vocabulary.AnnualReviewVariables.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * SEN2 records the date the plan actually ended, not the decision date: the day after the appeal
 * window closed, or the date an appeal upheld the decision.
 */
@Component("recordPlanCeasedDelegate")
public class RecordPlanCeasedDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate appealOutcomeDate = APPEAL_OUTCOME_DATE.get(execution);
    PLAN_CEASED_DATE.set(
        execution,
        appealOutcomeDate != null
            ? appealOutcomeDate
            : APPEAL_WINDOW_ENDS.require(execution).plusDays(1));
  }
}
