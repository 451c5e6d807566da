package org.ehcflow.statutory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** The contract's reference dates, rule by rule. */
class StatutoryClockTest {

  private static final LocalDate REFERENCE_REQUEST = LocalDate.of(2026, 1, 5);

  @Test
  void a_request_received_on_5_january_2026_must_be_decided_by_16_february() {
    assertThat(StatutoryClock.decisionToAssessDue(REFERENCE_REQUEST)).isEqualTo("2026-02-16");
  }

  @Test
  void a_request_received_on_5_january_2026_has_its_no_plan_notice_due_on_27_april() {
    assertThat(StatutoryClock.noPlanNoticeDue(REFERENCE_REQUEST)).isEqualTo("2026-04-27");
  }

  @Test
  void a_request_received_on_5_january_2026_has_its_final_plan_due_on_25_may() {
    assertThat(StatutoryClock.finalPlanDue(REFERENCE_REQUEST)).isEqualTo("2026-05-25");
  }

  @Test
  void the_appeal_window_is_the_later_of_2_months_from_the_letter_and_1_month_from_a_certificate() {
    LocalDate letter = LocalDate.of(2026, 11, 25);
    assertThat(StatutoryClock.appealWindowEnds(letter)).isEqualTo("2027-01-25");
    assertThat(StatutoryClock.appealWindowEnds(letter, LocalDate.of(2026, 12, 1)))
        .isEqualTo("2027-01-25");
    assertThat(StatutoryClock.appealWindowEnds(letter, LocalDate.of(2026, 12, 25)))
        .isEqualTo("2027-01-25");
    assertThat(StatutoryClock.appealWindowEnds(letter, LocalDate.of(2027, 1, 10)))
        .isEqualTo("2027-02-10");
    // Month ends: a month from 31 January is the last day of February.
    assertThat(
            StatutoryClock.appealWindowEnds(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 31)))
        .isEqualTo("2027-02-28");
  }

  @Test
  void
      mediation_is_due_30_days_after_the_request_and_other_agreed_actions_2_weeks_after_agreement() {
    assertThat(StatutoryClock.mediationDue(LocalDate.of(2026, 12, 24))).isEqualTo("2027-01-23");
    assertThat(StatutoryClock.mediationDue(LocalDate.of(2027, 1, 31))).isEqualTo("2027-03-02");
    assertThat(StatutoryClock.agreedActionDue(LocalDate.of(2027, 2, 10))).isEqualTo("2027-02-24");
  }

  @Test
  void advice_is_due_six_weeks_after_the_request_to_the_adviser() {
    assertThat(StatutoryClock.adviceDue(LocalDate.of(2026, 2, 17))).isEqualTo("2026-03-31");
  }

  @Test
  void the_comment_window_on_a_draft_served_1_april_ends_on_15_april() {
    assertThat(StatutoryClock.commentWindowEnds(LocalDate.of(2026, 4, 1))).isEqualTo("2026-04-15");
  }

  @Test
  void a_plan_issued_20_may_2026_is_reviewed_by_19_may_2027() {
    assertThat(StatutoryClock.reviewDue(LocalDate.of(2026, 5, 20), null)).isEqualTo("2027-05-19");
  }

  @Test
  void the_next_review_runs_from_the_later_of_plan_and_last_review_decision() {
    assertThat(StatutoryClock.reviewDue(LocalDate.of(2025, 3, 1), LocalDate.of(2026, 2, 10)))
        .isEqualTo("2027-02-09");
    assertThat(StatutoryClock.reviewDue(null, LocalDate.of(2026, 2, 10))).isEqualTo("2027-02-09");
  }

  @Test
  void a_review_needs_a_plan_or_a_last_review_date() {
    assertThatThrownBy(() -> StatutoryClock.reviewDue(null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_plan_issued_on_29_february_is_reviewed_by_27_february_next_year() {
    assertThat(StatutoryClock.reviewDue(LocalDate.of(2028, 2, 29), null)).isEqualTo("2029-02-27");
  }

  @Test
  void a_review_meeting_on_2_november_gives_report_by_16_november_and_decision_by_30_november() {
    LocalDate meeting = LocalDate.of(2026, 11, 2);
    assertThat(StatutoryClock.reviewReportDue(meeting)).isEqualTo("2026-11-16");
    assertThat(StatutoryClock.reviewDecisionDue(meeting)).isEqualTo("2026-11-30");
  }

  @Test
  void an_amendment_notice_on_27_november_gives_the_amended_plan_by_22_january() {
    assertThat(StatutoryClock.amendedPlanDue(LocalDate.of(2026, 11, 27))).isEqualTo("2027-01-22");
  }

  @Test
  void a_primary_to_secondary_transfer_in_september_2027_is_due_by_15_february_2027() {
    assertThat(
            StatutoryClock.phaseTransferDeadline(
                TransferType.PRIMARY_TO_SECONDARY, LocalDate.of(2027, 9, 1)))
        .isEqualTo("2027-02-15");
  }

  @Test
  void a_secondary_to_post16_transfer_in_september_2027_is_due_by_31_march_2027() {
    assertThat(
            StatutoryClock.phaseTransferDeadline(
                TransferType.SECONDARY_TO_POST16, LocalDate.of(2027, 9, 1)))
        .isEqualTo("2027-03-31");
  }

  @Test
  void a_post16_to_post16_transfer_on_10_january_2027_is_due_by_10_august_2026() {
    assertThat(
            StatutoryClock.phaseTransferDeadline(
                TransferType.POST16_TO_POST16, LocalDate.of(2027, 1, 10)))
        .isEqualTo("2026-08-10");
  }

  @Test
  void every_other_transfer_is_due_by_15_february_of_the_transfer_year() {
    for (TransferType type : TransferType.values()) {
      if (type != TransferType.SECONDARY_TO_POST16 && type != TransferType.POST16_TO_POST16) {
        assertThat(StatutoryClock.phaseTransferDeadline(type, LocalDate.of(2027, 9, 3)))
            .as(type.code())
            .isEqualTo("2027-02-15");
      }
    }
  }

  @Test
  void transfer_types_are_known_by_their_contract_codes() {
    assertThat(TransferType.fromCode("secondary-to-post16"))
        .isEqualTo(TransferType.SECONDARY_TO_POST16);
    assertThatThrownBy(() -> TransferType.fromCode("primary-to-university"))
        .hasMessageContaining("primary-to-university");
  }

  @Test
  void a_due_date_falls_at_the_start_of_its_day_in_london_in_summer_and_winter() {
    Date summer = StatutoryDates.startOfDay(LocalDate.of(2026, 5, 25));
    Date winter = StatutoryDates.startOfDay(LocalDate.of(2026, 2, 16));
    assertThat(summer.toInstant()).hasToString("2026-05-24T23:00:00Z");
    assertThat(winter.toInstant()).hasToString("2026-02-16T00:00:00Z");
    assertThat(StatutoryDates.londonDateOf(summer)).isEqualTo("2026-05-25");
  }

  @Test
  void a_deadline_is_overdue_only_from_the_next_day() {
    assertThat(StatutoryDates.londonDateOf(StatutoryDates.overdueFrom(LocalDate.of(2026, 2, 16))))
        .isEqualTo("2026-02-17");
  }

  @Test
  void a_malformed_date_is_refused_with_the_value() {
    assertThatThrownBy(() -> StatutoryDates.parse("16/02/2026"))
        .hasMessageContaining("16/02/2026")
        .hasMessageContaining("yyyy-MM-dd");
  }

  @Test
  void
      a_plan_may_be_kept_to_the_end_of_the_academic_year_of_the_25th_birthday_and_never_to_the_26th() {
    MonthDay furtherEducation = MonthDay.of(7, 31);
    assertThat(StatutoryClock.planLastDay(LocalDate.of(2001, 10, 15), furtherEducation))
        .isEqualTo("2027-07-31");
    assertThat(StatutoryClock.planLastDay(LocalDate.of(2001, 3, 1), furtherEducation))
        .isEqualTo("2026-07-31");
    assertThat(StatutoryClock.planLastDay(LocalDate.of(2001, 7, 31), furtherEducation))
        .as("turns 25 on the last day of the year")
        .isEqualTo("2026-07-31");
    assertThat(StatutoryClock.planLastDay(LocalDate.of(2001, 8, 1), furtherEducation))
        .isEqualTo("2027-07-31");
    MonthDay schoolYear = MonthDay.of(8, 31);
    assertThat(StatutoryClock.planLastDay(LocalDate.of(2001, 8, 15), schoolYear))
        .isEqualTo("2026-08-31");
    assertThat(StatutoryClock.planLastDay(LocalDate.of(2001, 9, 1), schoolYear))
        .as("the day before the 26th birthday at the latest")
        .isEqualTo("2027-08-31");
  }

  @Test
  void
      a_plan_moving_away_goes_on_the_move_date_if_known_15_working_days_ahead_else_15_working_days_after_awareness() {
    WorkingDayCalendar calendar = WorkingDayCalendar.withExtraClosedDays(java.util.List.of());
    LocalDate aware = LocalDate.of(2026, 12, 14);
    assertThat(StatutoryClock.transferOutDue(aware, LocalDate.of(2027, 1, 7), calendar::after))
        .as("exactly 15 working days ahead, across Christmas: on the move date")
        .isEqualTo("2027-01-07");
    assertThat(StatutoryClock.transferOutDue(aware, LocalDate.of(2027, 1, 5), calendar::after))
        .as("13 working days ahead")
        .isEqualTo("2027-01-07");
    assertThat(StatutoryClock.transferOutDue(aware, null, calendar::after))
        .as("move date not known")
        .isEqualTo("2027-01-07");
    assertThat(
            StatutoryClock.transferOutDue(
                LocalDate.of(2027, 3, 15), LocalDate.of(2027, 4, 6), calendar::after))
        .as("across Good Friday and Easter Monday")
        .isEqualTo("2027-04-07");
  }

  @Test
  void
      a_plan_transferred_in_on_1_february_2027_has_its_notice_due_15_march_and_its_review_by_the_later_date() {
    LocalDate transfer = LocalDate.of(2027, 2, 1);
    assertThat(StatutoryClock.transferInNoticeDue(transfer)).isEqualTo("2027-03-15");
    assertThat(StatutoryClock.transferInReviewDue(LocalDate.of(2026, 6, 20), transfer))
        .isEqualTo("2027-06-20");
    assertThat(StatutoryClock.transferInReviewDue(LocalDate.of(2026, 1, 10), transfer))
        .isEqualTo("2027-05-01");
  }
}
