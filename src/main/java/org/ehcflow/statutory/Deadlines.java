package org.ehcflow.statutory;

import java.time.LocalDate;
import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * The deadlines as the models use them, in expressions such as
 * {@code ${deadlines.overdueFrom(decisionToAssessDue)}}: every timer date and task due date of a
 * model comes from here, from the stored {@code yyyy-MM-dd} variables, so no diagram holds a
 * duration of its own.
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
   * When the 20-week limit is missed. A process-wide timer is armed as the case starts, before
   * the registered dates exist, so it works from the request date itself.
   */
  public Date finalPlanOverdue(String requestReceivedDate) {
    return StatutoryDates.overdueFrom(StatutoryClock.finalPlanDue(StatutoryDates.parse(requestReceivedDate)));
  }

  /** When an adviser is reminded of advice due on this date. */
  public Date adviceReminder(String adviceDue) {
    return StatutoryDates.startOfDay(StatutoryDates.parse(adviceDue).minusDays(targets.adviceReminderDaysBefore()));
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
