package org.ehcflow.statutory;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The working days of England and Wales, for the models ({@code ${workingDays.dueAfter(...)}}) and
 * the services: the bank holidays from Jollyday's data for England (the same as Wales, and kept in
 * step with gov.uk/bank-holidays by that project), Christmas Day and Good Friday always, and any
 * day the council adds in {@code ehc.calendar.extra-closed-days} (a one-off bank holiday announced
 * before the library knows it, say).
 */
@Component("workingDays")
public class WorkingDayCalendar {

  /** Jollyday's subdivision of the United Kingdom whose bank holidays are England's and Wales's. */
  static final String ENGLAND = "eng";

  private static final MonthDay CHRISTMAS_DAY = MonthDay.of(12, 25);

  private final HolidayManager holidays =
      HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
  private final Set<LocalDate> extraClosedDays;
  private final Map<Integer, Map<LocalDate, String>> closedByYear = new ConcurrentHashMap<>();
  private final WorkingDays workingDays = new WorkingDays(this::isClosedWeekday);

  /**
   * @param extraClosedDays the council's own additions, as {@code yyyy-MM-dd} dates; one that is
   *     not a date stops the application starting, naming it
   */
  @Autowired
  public WorkingDayCalendar(
      @Value("${ehc.calendar.extra-closed-days:}") List<String> extraClosedDays) {
    this(
        extraClosedDays.stream()
            .filter(day -> !day.isBlank())
            .map(
                day -> {
                  try {
                    return LocalDate.parse(day.strip());
                  } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(
                        "ehc.calendar.extra-closed-days: '" + day + "' is not a date (yyyy-MM-dd)",
                        e);
                  }
                })
            .toList(),
        true);
    // Read the holiday data now, so a packaging fault stops the start instead of a case's step.
    closedDays(Year.now(StatutoryClock.ZONE).getValue());
  }

  WorkingDayCalendar(List<LocalDate> extraClosedDays, boolean checked) {
    this.extraClosedDays = Set.copyOf(extraClosedDays);
  }

  /** A calendar with the council's additions given as dates. */
  public static WorkingDayCalendar withExtraClosedDays(List<LocalDate> extraClosedDays) {
    return new WorkingDayCalendar(extraClosedDays, true);
  }

  /** The counting itself, for a service that counts many days against this calendar. */
  WorkingDays days() {
    return workingDays;
  }

  /** The working days after {@code from} up to and including {@code to}. */
  public int between(LocalDate from, LocalDate to) {
    return workingDays.between(from, to);
  }

  public boolean isWorkingDay(LocalDate day) {
    return workingDays.isWorkingDay(day);
  }

  /** The Nth working day before a limit's day (the limit's day not counted). */
  public LocalDate before(LocalDate limit, int count) {
    return workingDays.before(limit, count);
  }

  /** The Nth working day after an event's day (the event's day not counted). */
  public LocalDate after(LocalDate event, int count) {
    return workingDays.after(event, count);
  }

  /**
   * As {@link #after(LocalDate, int)}, for a model's {@code yyyy-MM-dd} variable ({@code
   * ${workingDays.dueAfter(toldOn, 3)}}): a separate name, because an expression chooses a method
   * by its name.
   */
  public String dueAfter(String isoDate, int count) {
    return after(StatutoryDates.parse(isoDate), count).toString();
  }

  /** The days of a year that are not working days though not at a weekend, with their names. */
  public Map<LocalDate, String> closedDays(int year) {
    return closedByYear.computeIfAbsent(year, this::load);
  }

  private boolean isClosedWeekday(LocalDate day) {
    return closedDays(day.getYear()).containsKey(day);
  }

  private Map<LocalDate, String> load(int year) {
    Map<LocalDate, String> closed = new TreeMap<>();
    for (Holiday holiday : holidays.getHolidays(Year.of(year), ENGLAND)) {
      // A holiday at a weekend is kept on its substitute weekday (Boxing Day on a Saturday: the
      // Monday after), which is the day that stops counting.
      closed.put(holiday.getDate(), holiday.getDescription());
    }
    closed.putIfAbsent(CHRISTMAS_DAY.atYear(year), "Christmas Day");
    closed.keySet().removeIf(day -> day.getDayOfWeek().getValue() >= 6);
    extraClosedDays.stream()
        .filter(day -> day.getYear() == year)
        .forEach(day -> closed.putIfAbsent(day, "Closed by the council's calendar"));
    return closed.entrySet().stream()
        .collect(
            Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
  }
}
