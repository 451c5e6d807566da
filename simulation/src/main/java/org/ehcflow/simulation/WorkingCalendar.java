package org.ehcflow.simulation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Monday to Friday less the bank holidays of the simulation's settings. */
final class WorkingCalendar {

  private final Set<LocalDate> bankHolidays;

  WorkingCalendar(List<LocalDate> bankHolidays) {
    this.bankHolidays = new HashSet<>(bankHolidays);
  }

  boolean isWorkingDay(LocalDate day) {
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY
        && weekday != DayOfWeek.SUNDAY
        && !bankHolidays.contains(day);
  }

  LocalDate onOrAfter(LocalDate day) {
    LocalDate working = day;
    while (!isWorkingDay(working)) {
      working = working.plusDays(1);
    }
    return working;
  }

  /**
   * The working day {@code days} working days after {@code from}; 0 is {@code from} itself if it is
   * one.
   */
  LocalDate plusWorkingDays(LocalDate from, int days) {
    LocalDate day = onOrAfter(from);
    for (int i = 0; i < days; i++) {
      day = onOrAfter(day.plusDays(1));
    }
    return day;
  }
}
