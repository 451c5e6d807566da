package org.ehcflow.review;

import static org.ehcflow.review.AnnualReviewProcess.Start.*;
import static org.ehcflow.review.AnnualReviewProcess.Vars.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.security.EhcGroups;
import org.ehcflow.statutory.StatutoryDates;
import org.springframework.stereotype.Component;

/**
 * Fixes the review's due date, once, and who hosts it: the child's setting, or the council
 * for a child not in a setting (reg 21).
 */
@Component("scheduleReviewDelegate")
public class ScheduleReviewDelegate implements JavaDelegate {

  private final ReviewSchedule schedule;

  public ScheduleReviewDelegate(ReviewSchedule schedule) {
    this.schedule = schedule;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate due = schedule.reviewDue(date(execution, PLAN_ISSUED_DATE), date(execution, LAST_REVIEW_DECISION_DATE),
        date(execution, DATE_OF_BIRTH));
    execution.setVariable(REVIEW_DUE, due.toString());
    execution.setVariable(PREPARATION_OPENS, schedule.preparationOpens(due).toString());
    Object setting = execution.getVariable(NAMED_SETTING);
    execution.setVariable(REVIEW_HOST_GROUP, setting == null || setting.toString().isBlank()
        ? EhcGroups.LA_CASEWORKER.id() : EhcGroups.EDUCATION_SETTING.id());
  }

  private static LocalDate date(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : StatutoryDates.parse(value.toString());
  }
}
