package org.ehcflow.statutory;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

/**
 * Statutory dates as the engine holds them: ISO {@code yyyy-MM-dd} strings in process variables,
 * and instants at the start of the day in Europe/London for task due dates and timers.
 */
public final class StatutoryDates {

  private StatutoryDates() {}

  public static String iso(LocalDate date) {
    return date.toString();
  }

  public static LocalDate parse(String isoDate) {
    try {
      return LocalDate.parse(isoDate);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a date in the form yyyy-MM-dd: " + isoDate, e);
    }
  }

  /** A task due on this date sorts and shows under this date in Tasklist. */
  public static Date startOfDay(LocalDate date) {
    return Date.from(date.atStartOfDay(StatutoryClock.ZONE).toInstant());
  }

  /** A deadline is missed only once its whole day has passed: escalations fire at this instant. */
  public static Date overdueFrom(LocalDate deadline) {
    return startOfDay(deadline.plusDays(1));
  }

  public static LocalDate londonDateOf(Date instant) {
    return ZonedDateTime.ofInstant(instant.toInstant(), StatutoryClock.ZONE).toLocalDate();
  }
}
