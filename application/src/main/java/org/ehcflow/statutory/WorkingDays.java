package org.ehcflow.statutory;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * Counting in working days, as regulations 15 (moving between councils) and 33 to 37 (mediation)
 * do: a working day is any day other than a Saturday, a Sunday, Christmas Day, Good Friday or a
 * bank holiday in England and Wales. Which days are bank holidays is data ({@link
 * WorkingDayCalendar}); the counting is here, apart from where the data comes from.
 */
public final class WorkingDays {

  private final Predicate<LocalDate> closed;

  /**
   * @param closed whether a weekday is still not a working day (a bank holiday, Christmas Day, Good
   *     Friday, or a day the council adds)
   */
  public WorkingDays(Predicate<LocalDate> closed) {
    this.closed = closed;
  }

  public boolean isWorkingDay(LocalDate day) {
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !closed.test(day);
  }

  /**
   * "Within N working days of" an event: the Nth working day after the event's day, which itself is
   * not counted (told on a Friday, 3 working days runs to the Wednesday).
   */
  public LocalDate after(LocalDate event, int workingDays) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("a count of working days is not negative");
    }
    LocalDate day = event;
    int counted = 0;
    while (counted < workingDays) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /**
   * The Nth working day before a limit's day, which itself is not counted: a warning "5 working
   * days before" a Monday limit falls on the Monday before.
   */
  public LocalDate before(LocalDate limit, int workingDays) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("a count of working days is not negative");
    }
    LocalDate day = limit;
    int counted = 0;
    while (counted < workingDays) {
      day = day.minusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /**
   * The working days after {@code from} up to and including {@code to}; 0 if {@code to} is not
   * later.
   */
  public int between(LocalDate from, LocalDate to) {
    int counted = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return counted;
  }
}
