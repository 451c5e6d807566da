package org.ehcflow.review;

import static org.ehcflow.review.AnnualReviewProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.statutory.StatutoryDates;
import org.springframework.stereotype.Component;

/**
 * SEN2 records the date the plan actually ended, not the decision date: the day after the
 * appeal window closed, or the date an appeal upheld the decision.
 */
@Component("recordPlanCeasedDelegate")
public class RecordPlanCeasedDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Object appealOutcomeDate = execution.getVariable(APPEAL_OUTCOME_DATE);
    String ended = appealOutcomeDate != null ? appealOutcomeDate.toString()
        : StatutoryDates.parse(execution.getVariable(APPEAL_WINDOW_ENDS).toString()).plusDays(1).toString();
    execution.setVariable(PLAN_CEASED_DATE, ended);
  }
}
