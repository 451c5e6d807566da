package org.ehcflow.review;

import static org.ehcflow.vocabulary.AnnualReviewVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Fixes the review's due date, once; who hosts it (the child's setting, or the council for a child
 * not in a setting, reg 21); whether it covers preparing for adulthood (Year 9 on, reg 20(6)); and
 * who is invited (reg 20(2)). A plan whose last day (s.46, age 25) comes before that due date holds
 * no review: the case goes straight to telling the young person when the plan ends.
 */
@Component("scheduleReviewDelegate")
public class ScheduleReviewDelegate implements JavaDelegate {

  private final AnnualReviewService reviews;

  public ScheduleReviewDelegate(AnnualReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AnnualReviewService.ReviewPlan plan =
        reviews.scheduleReview(
            DATE_OF_BIRTH.require(execution),
            PLAN_ISSUED_DATE.get(execution),
            LAST_REVIEW_DECISION_DATE.get(execution),
            NAMED_SETTING.get(execution),
            PARENT_EMAIL.require(execution),
            REVIEW_DUE_BY.get(execution));
    AnnualReviewService.PlanAgeLimit limit =
        reviews.planAgeLimitForReviewDue(DATE_OF_BIRTH.require(execution), plan.due());
    PLAN_LAST_DAY.set(execution, limit.planLastDay());
    PLAN_RUNS_TO_NEXT_REVIEW.set(execution, limit.runsToNextReview());
    REVIEW_HELD_THIS_CYCLE.set(execution, false);
    if (!limit.runsToNextReview()) {
      // No review will be held, so none is due: the review figures and SEN2 count only reviews
      // that have a due date.
      return;
    }
    REVIEW_DUE.set(execution, plan.due());
    PREPARATION_OPENS.set(execution, plan.preparationOpens());
    AGE_IN_YEARS.set(execution, plan.ageInYears());
    PREPARING_FOR_ADULTHOOD.set(execution, plan.preparingForAdulthood());
    REVIEW_HOST_GROUP.set(execution, plan.hostGroup());
    REVIEW_INVITEES.set(execution, plan.invitees());
  }
}
