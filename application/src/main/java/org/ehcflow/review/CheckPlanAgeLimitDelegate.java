package org.ehcflow.review;

import static org.ehcflow.vocabulary.AnnualReviewVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Before a kept plan goes round to another review: a plan may not be maintained past the end of the
 * academic year in which the young person turns 25 (s.46), so a review that would fall due after
 * that day is never started and the plan ends on it instead.
 */
@Component("checkPlanAgeLimitDelegate")
public class CheckPlanAgeLimitDelegate implements JavaDelegate {

  private final AnnualReviewService reviews;

  public CheckPlanAgeLimitDelegate(AnnualReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AnnualReviewService.PlanAgeLimit limit =
        reviews.planAgeLimit(
            DATE_OF_BIRTH.require(execution), AnnualReviewService.decisionLetter(execution));
    PLAN_LAST_DAY.set(execution, limit.planLastDay());
    PLAN_RUNS_TO_NEXT_REVIEW.set(execution, limit.runsToNextReview());
    REVIEW_HELD_THIS_CYCLE.set(execution, true);
  }
}
