package org.ehcflow.reporting.sen2;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The SEN2 return a reporting year stands for: the activity of the calendar year before it
 * (requests, assessments, plans started or ceased, reviews) and the plans active on the census date
 * in January of the reporting year. Reporting year 2027 = activity from 1 January to 31 December
 * 2026 and plans active on the census date, by default 21 January 2027.
 *
 * <p>Everything is reported as it stood at the end of the census day: a fact whose statutory date
 * falls after the census date (a decision, a plan issued or ceased) is treated as not yet having
 * happened, so the same return comes out whenever it is run.
 *
 * @param year the reporting year (the year of the census date)
 * @param periodStart 1 January of the year before
 * @param periodEnd 31 December of the year before
 * @param censusDate the census date, in January of the reporting year unless given otherwise
 */
public record Sen2Period(
    int year, LocalDate periodStart, LocalDate periodEnd, LocalDate censusDate) {

  public static final int FIRST_YEAR = 2000;
  public static final int LAST_YEAR = 2100;

  public Sen2Period {
    if (censusDate.isBefore(periodEnd.plusDays(1)) || censusDate.getYear() != year) {
      throw new IllegalArgumentException(
          "censusDate: must be a date in the reporting year "
              + year
              + " (the collection covers calendar year "
              + (year - 1)
              + ")");
    }
  }

  /** The reporting year with its default census date. */
  public static Sen2Period of(int year) {
    return of(year, defaultCensusDate(year));
  }

  public static Sen2Period of(int year, LocalDate censusDate) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new IllegalArgumentException(
          "year: must be a reporting year from " + FIRST_YEAR + " to " + LAST_YEAR);
    }
    return new Sen2Period(
        year, LocalDate.of(year - 1, 1, 1), LocalDate.of(year - 1, 12, 31), censusDate);
  }

  /**
   * The third Thursday of January of the reporting year, the day of the spring school census (15
   * January 2026, 21 January 2027). The DfE publishes the SEN2 census date in each year's guide;
   * pass it explicitly when it differs.
   */
  public static LocalDate defaultCensusDate(int year) {
    return LocalDate.of(year, 1, 1).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.THURSDAY));
  }

  /**
   * Parses the HTTP parameters: {@code year} (required) and {@code censusDate} (optional,
   * yyyy-MM-dd).
   */
  public static Sen2Period parse(String year, String censusDate) {
    if (year == null || year.isBlank()) {
      throw new IllegalArgumentException(
          "year: is required, the SEN2 reporting year (e.g. year=2027 for calendar year 2026"
              + " and the January 2027 census)");
    }
    int reportingYear;
    try {
      reportingYear = Integer.parseInt(year.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("year: must be a four-digit reporting year, e.g. 2027");
    }
    if (censusDate == null || censusDate.isBlank()) {
      return of(reportingYear);
    }
    LocalDate census;
    try {
      census = LocalDate.parse(censusDate.trim());
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("censusDate: must be a date in the form yyyy-MM-dd");
    }
    return of(reportingYear, census);
  }

  public boolean inPeriod(LocalDate date) {
    return date != null && !date.isBefore(periodStart) && !date.isAfter(periodEnd);
  }

  /** Whether a dated fact had happened by the end of the census day. */
  public boolean byCensus(LocalDate date) {
    return date != null && !date.isAfter(censusDate);
  }
}
