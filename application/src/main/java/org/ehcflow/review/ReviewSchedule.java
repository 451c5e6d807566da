package org.ehcflow.review;

import java.time.LocalDate;
import java.time.MonthDay;
import org.ehcflow.statutory.StatutoryClock;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a review is due and when its preparation starts ({@code ehc.review.*}).
 *
 * @param preparationWeeks the review's preparation opens this many weeks before it is due
 * @param underFiveIntervalMonths reviews of a child under 5 fall due after this many months (CoP
 *     9.178: every 3 to 6 months); 12 to follow the statutory maximum only
 * @param academicYearEnds the last day of the academic year in which a young person turns 25, after
 *     which their plan ends (s.46, reg 46(1)); 31 July for a further education institution
 */
@ConfigurationProperties("ehc.review")
public record ReviewSchedule(
    int preparationWeeks, int underFiveIntervalMonths, MonthDay academicYearEnds) {

  public LocalDate reviewDue(
      LocalDate planIssued, LocalDate lastReviewDecision, LocalDate dateOfBirth) {
    LocalDate statutory = StatutoryClock.reviewDue(planIssued, lastReviewDecision);
    LocalDate from = statutory.plusDays(1).minusMonths(StatutoryClock.REVIEW_INTERVAL_MONTHS);
    if (from.isBefore(dateOfBirth.plusYears(5))
        && underFiveIntervalMonths < StatutoryClock.REVIEW_INTERVAL_MONTHS) {
      return StatutoryClock.monthsWithin(from, underFiveIntervalMonths);
    }
    return statutory;
  }

  /** The last day the young person's plan may be maintained. */
  public LocalDate planLastDay(LocalDate dateOfBirth) {
    return StatutoryClock.planLastDay(dateOfBirth, academicYearEnds);
  }

  public LocalDate preparationOpens(LocalDate reviewDue) {
    return reviewDue.minusWeeks(preparationWeeks);
  }
}
