package org.ehcflow.statutory;

import java.time.LocalDate;
import java.time.Month;

/**
 * English school years: an academic year runs from 1 September to 31 August, and a child starts
 * reception (year 0) in the September after their fourth birthday, so a child born on 31 August is
 * a year ahead of one born the next day.
 */
public final class SchoolYears {

  private static final int AGE_STARTING_RECEPTION = 4;

  private SchoolYears() {}

  /** The calendar year in which the academic year containing this date began. */
  public static int academicYearOf(LocalDate date) {
    return date.getMonth().compareTo(Month.SEPTEMBER) >= 0 ? date.getYear() : date.getYear() - 1;
  }

  /**
   * The national curriculum year group in the academic year that began in September of that year.
   */
  public static int yearGroupIn(int academicYearStart, LocalDate dateOfBirth) {
    int birthAcademicYear = academicYearOf(dateOfBirth);
    return academicYearStart - birthAcademicYear - AGE_STARTING_RECEPTION - 1;
  }

  /** The first day of the next academic year after this date: when phase transfers happen. */
  public static LocalDate nextSeptember(LocalDate date) {
    return LocalDate.of(academicYearOf(date) + 1, Month.SEPTEMBER, 1);
  }
}
