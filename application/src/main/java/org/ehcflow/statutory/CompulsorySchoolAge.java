package org.ehcflow.statutory;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/**
 * Education Act 1996 s.8: a child reaches compulsory school age on the first prescribed day on or
 * after their fifth birthday (31 December, 31 March, 31 August: the start of the term after it).
 * The prescribed days are data, passed in, so a change in the law is a change of settings.
 */
public final class CompulsorySchoolAge {

  private static final int AGE = 5;

  private CompulsorySchoolAge() {}

  public static LocalDate startsOn(LocalDate dateOfBirth, List<MonthDay> prescribedDays) {
    LocalDate fifthBirthday = dateOfBirth.plusYears(AGE);
    LocalDate earliest = null;
    for (MonthDay day : prescribedDays) {
      LocalDate candidate = day.atYear(fifthBirthday.getYear());
      if (candidate.isBefore(fifthBirthday)) {
        candidate = day.atYear(fifthBirthday.getYear() + 1);
      }
      if (earliest == null || candidate.isBefore(earliest)) {
        earliest = candidate;
      }
    }
    if (earliest == null) {
      throw new IllegalArgumentException("no prescribed days configured");
    }
    return earliest;
  }

  public static boolean isUnder(
      LocalDate dateOfBirth, LocalDate on, List<MonthDay> prescribedDays) {
    return on.isBefore(startsOn(dateOfBirth, prescribedDays));
  }
}
