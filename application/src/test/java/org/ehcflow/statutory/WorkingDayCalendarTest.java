package org.ehcflow.statutory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The working days the regulations count (reg 15, regs 33 to 37), against the bank holidays of
 * England and Wales as gov.uk/bank-holidays lists them.
 */
class WorkingDayCalendarTest {

  private final WorkingDayCalendar calendar = WorkingDayCalendar.withExtraClosedDays(List.of());

  @Test
  void the_closed_weekdays_of_2026_are_gov_uks_bank_holidays_for_england_and_wales() {
    assertThat(calendar.closedDays(2026).keySet())
        .containsExactly(
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 4, 3),
            LocalDate.of(2026, 4, 6),
            LocalDate.of(2026, 5, 4),
            LocalDate.of(2026, 5, 25),
            LocalDate.of(2026, 8, 31),
            LocalDate.of(2026, 12, 25),
            LocalDate.of(2026, 12, 28));
  }

  @Test
  void the_closed_weekdays_of_2027_include_both_christmas_substitute_days() {
    assertThat(calendar.closedDays(2027).keySet())
        .containsExactly(
            LocalDate.of(2027, 1, 1),
            LocalDate.of(2027, 3, 26),
            LocalDate.of(2027, 3, 29),
            LocalDate.of(2027, 5, 3),
            LocalDate.of(2027, 5, 31),
            LocalDate.of(2027, 8, 30),
            LocalDate.of(2027, 12, 27),
            LocalDate.of(2027, 12, 28));
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 12, 25))).as("a Saturday").isFalse();
  }

  @Test
  void three_working_days_across_christmas_2026_skip_christmas_day_and_the_boxing_day_substitute() {
    // Told on Wednesday 23 December: Thursday 24 is the first, then Friday 25 (Christmas Day),
    // the weekend and Monday 28 (Boxing Day's substitute) are not counted.
    assertThat(calendar.after(LocalDate.of(2026, 12, 23), 3)).isEqualTo(LocalDate.of(2026, 12, 30));
    assertThat(calendar.after(LocalDate.of(2026, 12, 24), 1)).isEqualTo(LocalDate.of(2026, 12, 29));
    // ... and into the new year past New Year's Day (Friday 1 January 2027).
    assertThat(calendar.after(LocalDate.of(2026, 12, 30), 2)).isEqualTo(LocalDate.of(2027, 1, 4));
  }

  @Test
  void three_working_days_across_easter_2027_skip_good_friday_and_easter_monday() {
    assertThat(calendar.after(LocalDate.of(2027, 3, 25), 3)).isEqualTo(LocalDate.of(2027, 4, 1));
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 3, 26))).as("Good Friday").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 3, 29))).as("Easter Monday").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 3, 30))).isTrue();
  }

  @Test
  void five_working_days_before_a_limit_count_back_over_christmas_and_easter() {
    // Before Tuesday 4 January 2028: Monday 3 January is New Year's Day's substitute; 31, 30 and
    // 29 December count; 28 and 27 are the Christmas and Boxing Day substitutes; 24 and 23 count.
    assertThat(calendar.before(LocalDate.of(2028, 1, 4), 5)).isEqualTo(LocalDate.of(2027, 12, 23));
    // Before Thursday 1 April 2027: 31 and 30 March count; Easter Monday (29) and Good Friday
    // (26) do not; 25, 24 and 23 March do.
    assertThat(calendar.before(LocalDate.of(2027, 4, 1), 5)).isEqualTo(LocalDate.of(2027, 3, 23));
    assertThat(calendar.before(LocalDate.of(2027, 4, 1), 0)).isEqualTo(LocalDate.of(2027, 4, 1));
  }

  @Test
  void fifteen_working_days_over_easter_2026() {
    // Aware on Monday 23 March 2026: 24 March to 2 April are 8, Good Friday (3 April) and Easter
    // Monday (6 April) are not counted, 7 to 14 April are 6 more, Wednesday 15 April the 15th.
    assertThat(calendar.after(LocalDate.of(2026, 3, 23), 15)).isEqualTo(LocalDate.of(2026, 4, 15));
    assertThat(calendar.days().between(LocalDate.of(2026, 3, 23), LocalDate.of(2026, 4, 15)))
        .isEqualTo(15);
    assertThat(calendar.days().between(LocalDate.of(2026, 3, 23), LocalDate.of(2026, 4, 14)))
        .isEqualTo(14);
  }

  @Test
  void an_event_at_a_weekend_counts_from_the_monday() {
    assertThat(calendar.after(LocalDate.of(2026, 12, 5), 1)).isEqualTo(LocalDate.of(2026, 12, 7));
    assertThat(calendar.dueAfter("2026-12-05", 3)).isEqualTo("2026-12-09");
    assertThat(calendar.after(LocalDate.of(2026, 12, 5), 0)).isEqualTo(LocalDate.of(2026, 12, 5));
  }

  @Test
  void a_day_the_council_adds_is_not_a_working_day() {
    WorkingDayCalendar council = new WorkingDayCalendar(List.of("2027-06-07", " 2027-05-03"));

    assertThat(council.isWorkingDay(LocalDate.of(2027, 6, 7))).isFalse();
    assertThat(council.closedDays(2027))
        .containsEntry(LocalDate.of(2027, 6, 7), "Closed by the council's calendar")
        .as("a day the library has keeps its own name")
        .doesNotContainEntry(LocalDate.of(2027, 5, 3), "Closed by the council's calendar");
    assertThat(council.after(LocalDate.of(2027, 6, 4), 1)).isEqualTo(LocalDate.of(2027, 6, 8));
    assertThat(calendar.after(LocalDate.of(2027, 6, 4), 1)).isEqualTo(LocalDate.of(2027, 6, 7));
  }

  @Test
  void a_day_the_council_adds_that_is_not_a_date_is_refused_by_name() {
    assertThatThrownBy(() -> new WorkingDayCalendar(List.of("2027-06-07", "7 June 2027")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ehc.calendar.extra-closed-days: '7 June 2027' is not a date (yyyy-MM-dd)");
  }
}
