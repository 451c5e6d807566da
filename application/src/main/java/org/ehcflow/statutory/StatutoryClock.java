package org.ehcflow.statutory;

import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.function.BiFunction;

/**
 * Every statutory deadline rule of the EHC processes, once. Pure {@code java.time}: no engine, no
 * configuration, so the rules can be read and tested on their own.
 *
 * <p>Counting follows the integration contract: "within N weeks of X" is X + 7N days; "at least 15
 * days beginning with the day of service" ends on service + 14; "within 12 months of X" is X + 12
 * months - 1 day. A deadline is a calendar date in Europe/London and never moves.
 */
public final class StatutoryClock {

  public static final ZoneId ZONE = ZoneId.of("Europe/London");

  /** Reg 5(1): decision whether to assess. */
  public static final int DECISION_TO_ASSESS_WEEKS = 6;

  /** Reg 10(1): notice that no plan will be issued. */
  public static final int NO_PLAN_NOTICE_WEEKS = 16;

  /** Reg 13(2): final plan. */
  public static final int FINAL_PLAN_WEEKS = 20;

  /** Reg 8(1): a body asked for advice replies within 6 weeks of receiving the request. */
  public static final int ADVICE_WEEKS = 6;

  /** Reg 13(1)(a), reg 22(2)(c): at least 15 days beginning with the day of service. */
  public static final int REPRESENTATION_WINDOW_DAYS = 15;

  /** Reg 20/21: review report within 2 weeks of the meeting. */
  public static final int REVIEW_REPORT_WEEKS = 2;

  /** Reg 20(10), Devon 2022: decision (with proposed amendments) within 4 weeks of the meeting. */
  public static final int REVIEW_DECISION_WEEKS = 4;

  /** Reg 22(5): final amended plan within 8 weeks of the amendment notice. */
  public static final int AMENDED_PLAN_WEEKS = 8;

  /** S.44 / reg 2: reviews at least every 12 months. */
  public static final int REVIEW_INTERVAL_MONTHS = 12;

  /** Reg 18(1)(b): post-16 to post-16 transfers, 5 months before the transfer. */
  public static final int POST16_TRANSFER_MONTHS_BEFORE = 5;

  /** FTT Rules r.20: an appeal within 2 months of the decision letter. */
  public static final int APPEAL_WINDOW_MONTHS = 2;

  /** FTT Rules r.20 / reg 33: or within 1 month of a mediation certificate, if that is later. */
  public static final int APPEAL_AFTER_CERTIFICATE_MONTHS = 1;

  /**
   * Regs 33-37: a mediation certificate within 3 working days (declined, held, or not arranged).
   */
  public static final int MEDIATION_CERTIFICATE_WORKING_DAYS = 3;

  /** Reg 36: the council tells each relevant ICB within 3 working days when health is in issue. */
  public static final int ICB_NOTICE_WORKING_DAYS = 3;

  /** Reg 37: mediation within 30 days of the family telling the council they want it. */
  public static final int MEDIATION_WITHIN_DAYS = 30;

  /** Reg 42 (as IPSEA reads it): other agreed actions within 2 weeks unless agreed otherwise. */
  public static final int AGREED_ACTION_WEEKS = 2;

  /**
   * Local choice, not law: managers hear of a Tribunal response still not sent this many working
   * days before the Tribunal's date for it.
   */
  public static final int APPEAL_RESPONSE_ESCALATION_WORKING_DAYS = 5;

  /**
   * Back-planned from a phase-transfer deadline: the amended plan follows the notice within 8
   * weeks.
   */
  public static final int TRANSFER_NOTICE_WEEKS_BEFORE_DEADLINE = AMENDED_PLAN_WEEKS;

  /** Back-planned: the notice follows the review meeting within 4 weeks. */
  public static final int TRANSFER_MEETING_WEEKS_BEFORE_DEADLINE =
      AMENDED_PLAN_WEEKS + REVIEW_DECISION_WEEKS;

  /** Reg 20(3)-(4): invitations and advice at least 2 weeks before a review meeting. */
  public static final int REVIEW_NOTICE_WEEKS = 2;

  /**
   * S.46: a plan may be kept until the end of the academic year in which the young person turns 25.
   */
  public static final int PLAN_AGE_LIMIT_YEARS = 25;

  /**
   * Reg 15(2)-(3): the old council transfers the plan on the day of the move if it knew at least
   * this many working days before it, otherwise within this many working days of becoming aware.
   * The same count applies to the old ICB telling the new one.
   */
  public static final int TRANSFER_OUT_WORKING_DAYS = 15;

  /** Reg 15(4): the new council tells the family within 6 weeks of the transfer. */
  public static final int TRANSFER_IN_NOTICE_WEEKS = 6;

  /**
   * Reg 15(5): the new council reviews the plan by the later of 12 months from its making or last
   * review and this many months from the transfer.
   */
  public static final int TRANSFER_IN_REVIEW_MONTHS = 3;

  /** CFA s.44 as councils publish it: the answer to a request for re-assessment within 15 days. */
  public static final int REASSESSMENT_DECISION_DAYS = 15;

  /**
   * The final plan within 14 weeks of the decision to re-assess, as Kent CC publishes it; the
   * reference marks it uncertain (not checked against the regulations' text).
   */
  public static final int REASSESSMENT_FINAL_PLAN_WEEKS = 14;

  /**
   * Not given by the reference: a decision not to amend after re-assessment keeps the first
   * assessment's 4 weeks between the no-plan notice (reg 10) and the final plan (reg 13).
   */
  public static final int REASSESSMENT_NOT_AMENDING_WEEKS =
      REASSESSMENT_FINAL_PLAN_WEEKS - (FINAL_PLAN_WEEKS - NO_PLAN_NOTICE_WEEKS);

  private StatutoryClock() {}

  public static LocalDate reassessmentDecisionDue(LocalDate requestReceived) {
    return requestReceived.plusDays(REASSESSMENT_DECISION_DAYS);
  }

  public static LocalDate reassessmentFinalPlanDue(LocalDate decisionToReassess) {
    return weeksAfter(decisionToReassess, REASSESSMENT_FINAL_PLAN_WEEKS);
  }

  public static LocalDate reassessmentNotAmendingDue(LocalDate decisionToReassess) {
    return weeksAfter(decisionToReassess, REASSESSMENT_NOT_AMENDING_WEEKS);
  }

  /**
   * Reg 15: the day the old council must transfer the plan. Working days are the caller's calendar
   * (England and Wales bank holidays), passed in so that this class stays free of configuration.
   *
   * @param moveDate the day of the move, or null when it is not known
   * @param workingDaysAfter the Nth working day after a day ({@code WorkingDayCalendar::after})
   */
  public static LocalDate transferOutDue(
      LocalDate awareDate,
      LocalDate moveDate,
      BiFunction<LocalDate, Integer, LocalDate> workingDaysAfter) {
    LocalDate limit = workingDaysAfter.apply(awareDate, TRANSFER_OUT_WORKING_DAYS);
    return moveDate != null && !limit.isAfter(moveDate) ? moveDate : limit;
  }

  /** Reg 15(4): the new council's notice to the family. */
  public static LocalDate transferInNoticeDue(LocalDate transferDate) {
    return weeksAfter(transferDate, TRANSFER_IN_NOTICE_WEEKS);
  }

  /**
   * Reg 15(5): the later of 12 months from the plan's making or last review and 3 months from the
   * transfer. The regulation's own words ("12 months from", "3 months from") give the same day of
   * the month, not the day before.
   */
  public static LocalDate transferInReviewDue(LocalDate lastReviewDate, LocalDate transferDate) {
    LocalDate fromReview = lastReviewDate.plusMonths(REVIEW_INTERVAL_MONTHS);
    LocalDate fromTransfer = transferDate.plusMonths(TRANSFER_IN_REVIEW_MONTHS);
    return fromReview.isAfter(fromTransfer) ? fromReview : fromTransfer;
  }

  public static LocalDate decisionToAssessDue(LocalDate requestReceived) {
    return weeksAfter(requestReceived, DECISION_TO_ASSESS_WEEKS);
  }

  public static LocalDate noPlanNoticeDue(LocalDate requestReceived) {
    return weeksAfter(requestReceived, NO_PLAN_NOTICE_WEEKS);
  }

  public static LocalDate finalPlanDue(LocalDate requestReceived) {
    return weeksAfter(requestReceived, FINAL_PLAN_WEEKS);
  }

  public static LocalDate adviceDue(LocalDate adviceRequestSent) {
    return weeksAfter(adviceRequestSent, ADVICE_WEEKS);
  }

  /** The last day on which the parent or young person may comment on a served draft. */
  public static LocalDate commentWindowEnds(LocalDate served) {
    return daysBeginningWith(served, REPRESENTATION_WINDOW_DAYS);
  }

  /**
   * The next review is due within 12 months of the later of the plan and the last review decision.
   */
  public static LocalDate reviewDue(LocalDate planIssued, LocalDate lastReviewDecision) {
    LocalDate from = later(planIssued, lastReviewDecision);
    if (from == null) {
      throw new IllegalArgumentException(
          "a plan issued date or a last review decision date is needed");
    }
    return monthsWithin(from, REVIEW_INTERVAL_MONTHS);
  }

  public static LocalDate reviewReportDue(LocalDate meeting) {
    return weeksAfter(meeting, REVIEW_REPORT_WEEKS);
  }

  public static LocalDate reviewDecisionDue(LocalDate meeting) {
    return weeksAfter(meeting, REVIEW_DECISION_WEEKS);
  }

  public static LocalDate amendedPlanDue(LocalDate amendmentNotice) {
    return weeksAfter(amendmentNotice, AMENDED_PLAN_WEEKS);
  }

  /** Reg 18: the final amended plan naming the next setting is due by this date. */
  public static LocalDate phaseTransferDeadline(TransferType type, LocalDate transferDate) {
    return switch (type) {
      case SECONDARY_TO_POST16 -> LocalDate.of(transferDate.getYear(), Month.MARCH, 31);
      case POST16_TO_POST16 -> transferDate.minusMonths(POST16_TRANSFER_MONTHS_BEFORE);
      default -> LocalDate.of(transferDate.getYear(), Month.FEBRUARY, 15);
    };
  }

  /** The last day to appeal a decision: 2 months from the decision letter. */
  public static LocalDate appealWindowEnds(LocalDate decisionLetter) {
    return decisionLetter.plusMonths(APPEAL_WINDOW_MONTHS);
  }

  /**
   * The last day to appeal once a mediation certificate is issued: 2 months from the decision
   * letter or 1 month from the certificate, whichever is later.
   */
  public static LocalDate appealWindowEnds(LocalDate decisionLetter, LocalDate certificate) {
    LocalDate afterCertificate = certificate.plusMonths(APPEAL_AFTER_CERTIFICATE_MONTHS);
    LocalDate afterLetter = appealWindowEnds(decisionLetter);
    return afterCertificate.isAfter(afterLetter) ? afterCertificate : afterLetter;
  }

  /** The last day mediation may be held: 30 days after the family told the council. */
  public static LocalDate mediationDue(LocalDate mediationRequested) {
    return mediationRequested.plusDays(MEDIATION_WITHIN_DAYS);
  }

  /** An agreed action outside the reg 44 table: 2 weeks from the agreement. */
  public static LocalDate agreedActionDue(LocalDate agreement) {
    return weeksAfter(agreement, AGREED_ACTION_WEEKS);
  }

  /** The latest date for a phase-transfer review meeting that still meets the deadline. */
  public static LocalDate transferMeetingBy(LocalDate phaseTransferDeadline) {
    return phaseTransferDeadline.minusWeeks(TRANSFER_MEETING_WEEKS_BEFORE_DEADLINE);
  }

  /** The latest date for a phase-transfer amendment notice that still meets the deadline. */
  public static LocalDate transferAmendmentNoticeBy(LocalDate phaseTransferDeadline) {
    return phaseTransferDeadline.minusWeeks(TRANSFER_NOTICE_WEEKS_BEFORE_DEADLINE);
  }

  /** Invitations to a review meeting and its advice must go out by this date. */
  public static LocalDate reviewNoticeBy(LocalDate meeting) {
    return meeting.minusWeeks(REVIEW_NOTICE_WEEKS);
  }

  /** "Within N weeks of X": X + 7N calendar days. */
  /**
   * The last day a plan may be maintained (s.46, reg 46(1)): the end of the academic year in which
   * the young person turns 25, and never on or after their 26th birthday. Reg 46(1) ends that year
   * on a day that depends on the provision (31 July for a further education institution), so the
   * day is the caller's, from configuration.
   */
  public static LocalDate planLastDay(LocalDate dateOfBirth, MonthDay academicYearEnds) {
    LocalDate turns25 = dateOfBirth.plusYears(PLAN_AGE_LIMIT_YEARS);
    LocalDate yearEnds = academicYearEnds.atYear(turns25.getYear());
    if (yearEnds.isBefore(turns25)) {
      yearEnds = academicYearEnds.atYear(turns25.getYear() + 1);
    }
    LocalDate dayBefore26th = dateOfBirth.plusYears(PLAN_AGE_LIMIT_YEARS + 1).minusDays(1);
    return yearEnds.isAfter(dayBefore26th) ? dayBefore26th : yearEnds;
  }

  public static LocalDate weeksAfter(LocalDate from, int weeks) {
    return from.plusDays(7L * weeks);
  }

  /** "At least N days beginning with X": X is day 1, so the last day is X + N - 1. */
  public static LocalDate daysBeginningWith(LocalDate first, int days) {
    return first.plusDays(days - 1L);
  }

  /** "Within N months of X": X + N months - 1 day. */
  public static LocalDate monthsWithin(LocalDate from, int months) {
    return from.plusMonths(months).minusDays(1);
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.isAfter(b) ? a : b;
  }
}
