package org.ehcflow.review;

import static org.ehcflow.review.AnnualReviewProcess.Start.DATE_OF_BIRTH;
import static org.ehcflow.review.AnnualReviewProcess.Vars.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.statutory.StatutoryDates;
import org.springframework.stereotype.Component;

/**
 * Before a kept plan goes round to another review: a plan may not be maintained past the end of
 * the academic year in which the young person turns 25 (s.46), so a review that would fall due
 * after that day is never started and the plan ends on it instead.
 */
@Component("checkPlanAgeLimitDelegate")
public class CheckPlanAgeLimitDelegate implements JavaDelegate {

  private final ReviewSchedule schedule;

  public CheckPlanAgeLimitDelegate(ReviewSchedule schedule) {
    this.schedule = schedule;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate dateOfBirth = StatutoryDates.parse(execution.getVariable(DATE_OF_BIRTH).toString());
    LocalDate decisionLetter = StatutoryDates.parse(StartNextReviewDelegate.decisionLetter(execution).toString());
    LocalDate lastDay = schedule.planLastDay(dateOfBirth);
    LocalDate nextReviewDue = schedule.reviewDue(null, decisionLetter, dateOfBirth);
    execution.setVariable(PLAN_LAST_DAY, lastDay.toString());
    execution.setVariable(PLAN_RUNS_TO_NEXT_REVIEW, !nextReviewDue.isAfter(lastDay));
  }
}
