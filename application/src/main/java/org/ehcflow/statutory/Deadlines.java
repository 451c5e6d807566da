package org.ehcflow.statutory;

import java.time.LocalDate;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The deadlines as the models use them, in expressions such as {@code
 * ${deadlines.overdueFrom(decisionToAssessDue)}}: every timer date and task due date of a model
 * comes from here, from the stored {@code yyyy-MM-dd} variables, so no diagram holds a duration of
 * its own.
 */
@Component("deadlines")
public class Deadlines {

  private final LocalTargets targets;

  public Deadlines(LocalTargets targets) {
    this.targets = targets;
  }

  /** A task's due date: the start of the deadline's day in London. */
  public Date dueOn(String isoDate) {
    return StatutoryDates.startOfDay(StatutoryDates.parse(isoDate));
  }

  /** When an escalation fires: the deadline's whole day has passed. */
  public Date overdueFrom(String isoDate) {
    return StatutoryDates.overdueFrom(StatutoryDates.parse(isoDate));
  }

  /**
   * When the 20-week limit is missed. A process-wide timer is armed as the case is created, before
   * start validation has run, so it reads the request date itself. A missing or malformed date is
   * refused by that validation in the same transaction; the placeholder returned for it only lets
   * the clearer refusal happen, and is never stored.
   */
  public Date finalPlanOverdue(Object requestReceivedDate) {
    LocalDate received;
    try {
      received = StatutoryDates.parse(String.valueOf(requestReceivedDate));
    } catch (IllegalArgumentException refusedByStartValidation) {
      return StatutoryDates.startOfDay(LocalDate.of(9999, 12, 31));
    }
    return StatutoryDates.overdueFrom(StatutoryClock.finalPlanDue(received));
  }

  /**
   * When the final plan is late: 20 weeks from the request, or, for a re-assessment, 14 weeks from
   * the decision to re-assess. Read before start validation, as {@link #finalPlanOverdue(Object)}.
   */
  public Date finalPlanOverdue(Object requestReceivedDate, Object reassessDecisionDate) {
    if (reassessDecisionDate == null) {
      return finalPlanOverdue(requestReceivedDate);
    }
    try {
      return StatutoryDates.overdueFrom(
          StatutoryClock.reassessmentFinalPlanDue(
              StatutoryDates.parse(String.valueOf(reassessDecisionDate))));
    } catch (IllegalArgumentException refusedByStartValidation) {
      return StatutoryDates.startOfDay(LocalDate.of(9999, 12, 31));
    }
  }

  /** When an adviser is reminded of advice due on this date. */
  public Date adviceReminder(String adviceDue) {
    return StatutoryDates.startOfDay(
        StatutoryDates.parse(adviceDue).minusDays(targets.adviceReminderDaysBefore()));
  }

  /** The yearly phase-transfer cohort run, as a cron expression for a timer start event. */
  public String phaseTransferCohortCycle() {
    return targets.phaseTransferCohortCron();
  }

  public LocalDate draftPlanTarget(LocalDate requestReceived) {
    return StatutoryClock.weeksAfter(requestReceived, targets.draftPlanWeeks());
  }

  public LocalDate consultationResponseDue(LocalDate consultationSent) {
    return consultationSent.plusDays(targets.consultationResponseDays());
  }

  public LocalDate decideWithoutConsultationReplyFrom(LocalDate consultationResponseDue) {
    return consultationResponseDue.plusDays(targets.consultationGraceDays());
  }
}
