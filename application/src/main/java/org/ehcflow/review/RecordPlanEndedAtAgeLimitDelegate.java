package org.ehcflow.review;

import static org.ehcflow.vocabulary.AnnualReviewVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.vocabulary.CeaseReason;
import org.springframework.stereotype.Component;

/**
 * SEN2 records a plan that reached the age limit with cease reason 1, ended on the first day it is
 * no longer maintained, as a ceased plan ends the day after its appeal window.
 */
@Component("recordPlanEndedAtAgeLimitDelegate")
public class RecordPlanEndedAtAgeLimitDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    CEASE_REASON.set(execution, CeaseReason.MAXIMUM_AGE);
    PLAN_CEASED_DATE.set(execution, PLAN_LAST_DAY.require(execution).plusDays(1));
  }
}
