package org.ehcflow.review;

import static org.ehcflow.review.AnnualReviewProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.statutory.StatutoryDates;
import org.springframework.stereotype.Component;

/**
 * SEN2 records a plan that reached the age limit with cease reason 1, ended on the first day it
 * is no longer maintained, as a ceased plan ends the day after its appeal window.
 */
@Component("recordPlanEndedAtAgeLimitDelegate")
public class RecordPlanEndedAtAgeLimitDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String ended = StatutoryDates.parse(execution.getVariable(PLAN_LAST_DAY).toString()).plusDays(1).toString();
    execution.setVariable(CEASE_REASON, CEASE_REASON_MAXIMUM_AGE);
    execution.setVariable(PLAN_CEASED_DATE, ended);
  }
}
