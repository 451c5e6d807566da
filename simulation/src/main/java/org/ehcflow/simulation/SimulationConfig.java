package org.ehcflow.simulation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * A what-if year: the demand a council expects and how fast each group works. Read from a process
 * owner's YAML laid over {@code simulation/default-year.yaml} (a council the size of Bury), so a
 * file need only say what it changes. Response times are in working days.
 */
public record SimulationConfig(
    long seed,
    LocalDate start,
    int months,
    Demand demand,
    Calendar calendar,
    Panel panel,
    Map<String, Group> groups,
    Map<String, Response> tasks,
    Response defaultResponse) {

  public static final String DEFAULTS = "simulation/default-year.yaml";

  /** What comes in: new requests, the plans already maintained, and how the cases turn out. */
  public record Demand(
      double requestsPerMonth,
      Shares outcomes,
      double exceptionRate,
      int exceptionDelayDays,
      double parentNamesSetting,
      double settingCannotMeetNeeds,
      int existingPlans,
      Map<String, Double> ageMix,
      ReviewShares reviewOutcomes,
      int reviewMeetingLeadDays,
      List<ScriptedRequest> requests,
      List<ScriptedPlan> plans) {}

  /** How requests end: refused an assessment, assessed without a plan, or a plan issued. */
  public record Shares(double refused, double noPlan, double plan) {}

  public record ReviewShares(double maintain, double amend, double cease) {}

  /** A request given case by case instead of generated, for replaying a known year. */
  public record ScriptedRequest(
      LocalDate received,
      String outcome,
      boolean exception,
      LocalDate dateOfBirth,
      Boolean namesSetting) {}

  /**
   * A maintained plan given case by case: the date its current review cycle counts from, and the
   * setting it names (none, an empty text, when the child is out of school and the council hosts
   * the review).
   */
  public record ScriptedPlan(
      LocalDate planIssued, LocalDate dateOfBirth, String settingPhase, String namedSetting) {}

  public record Calendar(List<LocalDate> bankHolidays) {}

  /** The multi-agency panel: it decides only at its meetings, and hears so many cases at each. */
  public record Panel(LocalDate firstMeeting, int everyWeeks, int casesPerMeeting) {}

  /**
   * A group's capacity (people, and tasks each finishes in a week; empty means no limit) and how
   * long its tasks take when no task sets its own.
   */
  public record Group(Double staff, Double tasksPerStaffPerWeek, Response response) {
    int weeklyCapacity() {
      if (staff == null || tasksPerStaffPerWeek == null) {
        return Integer.MAX_VALUE;
      }
      return Math.max(1, (int) Math.round(staff * tasksPerStaffPerWeek));
    }
  }

  /** Working days from a task appearing to its completion: a triangular distribution. */
  public record Response(double min, double mode, double max) {
    public Response {
      if (min < 0 || mode < min || max < mode) {
        throw new IllegalArgumentException(
            "a response needs 0 <= min <= mode <= max, got " + min + ", " + mode + ", " + max);
      }
    }

    /** Draws whole working days; u is uniform in [0, 1). */
    int draw(double u) {
      if (max == min) {
        return (int) Math.round(min);
      }
      double cut = (mode - min) / (max - min);
      double days =
          u < cut
              ? min + Math.sqrt(u * (max - min) * (mode - min))
              : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
      return (int) Math.round(days);
    }
  }

  public LocalDate end() {
    return start.plusMonths(months).minusDays(1);
  }

  /** The task's own setting for this group, then the task's, then the group's, then the default. */
  public Response responseFor(String taskKey, String groupId) {
    String shortKey =
        taskKey.startsWith("userTask_") ? taskKey.substring("userTask_".length()) : taskKey;
    for (String key :
        List.of(taskKey + "@" + groupId, shortKey + "@" + groupId, taskKey, shortKey)) {
      Response response = tasks.get(normalised(key));
      if (response != null) {
        return response;
      }
    }
    Group group = groupFor(groupId);
    return group.response() != null ? group.response() : defaultResponse;
  }

  public Group groupFor(String groupId) {
    Group group = groupId == null ? null : groups.get(normalised(groupId));
    return group != null ? group : new Group(null, null, null);
  }

  public boolean isPanelDay(LocalDate day) {
    long days = day.toEpochDay() - panel.firstMeeting().toEpochDay();
    return days >= 0 && days % (7L * panel.everyWeeks()) == 0;
  }

  /** Keys in YAML may be written userTask_giveAdvice, giveAdvice or give-advice. */
  static String normalised(String key) {
    return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9@]", "");
  }

  public static SimulationConfig defaults() {
    return load(null);
  }

  public static SimulationConfig load(Path file) {
    Map<String, Object> merged = readResource(DEFAULTS);
    if (file != null) {
      try (InputStream in = Files.newInputStream(file)) {
        Object own = datesAsText(new Yaml().load(in));
        if (own instanceof Map<?, ?> map) {
          merged = mergeInto(merged, map);
        } else if (own != null) {
          throw new IllegalArgumentException(
              file + ": expected settings (key: value), not " + own.getClass().getSimpleName());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return fromMap(merged);
  }

  static SimulationConfig fromMap(Map<String, Object> settings) {
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    SimulationConfig config;
    try {
      config = mapper.convertValue(settings, SimulationConfig.class);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "simulation settings: " + e.getMessage().replaceAll("\\(through reference chain.*", ""),
          e);
    }
    return config.normalisedKeys().checked();
  }

  private SimulationConfig normalisedKeys() {
    Map<String, Group> groupsByKey = new LinkedHashMap<>();
    groups.forEach((key, value) -> groupsByKey.put(normalised(key), value));
    Map<String, Response> tasksByKey = new LinkedHashMap<>();
    tasks.forEach((key, value) -> tasksByKey.put(normalised(key), value));
    return new SimulationConfig(
        seed, start, months, demand, calendar, panel, groupsByKey, tasksByKey, defaultResponse);
  }

  private SimulationConfig checked() {
    if (months < 1 || months > 60) {
      throw new IllegalArgumentException("months: must be between 1 and 60, got " + months);
    }
    Shares shares = demand.outcomes();
    double total = shares.refused() + shares.noPlan() + shares.plan();
    if (Math.abs(total - 1) > 0.001) {
      throw new IllegalArgumentException(
          "demand.outcomes: refused + no-plan + plan must be 1, got " + total);
    }
    ReviewShares reviews = demand.reviewOutcomes();
    double reviewTotal = reviews.maintain() + reviews.amend() + reviews.cease();
    if (Math.abs(reviewTotal - 1) > 0.001) {
      throw new IllegalArgumentException(
          "demand.review-outcomes: maintain + amend + cease must be 1, got " + reviewTotal);
    }
    if (panel.everyWeeks() < 1 || panel.casesPerMeeting() < 1) {
      throw new IllegalArgumentException(
          "panel: every-weeks and cases-per-meeting must be at least 1");
    }
    if (panel.firstMeeting().getDayOfWeek() == DayOfWeek.SATURDAY
        || panel.firstMeeting().getDayOfWeek() == DayOfWeek.SUNDAY) {
      throw new IllegalArgumentException(
          "panel.first-meeting: must be a weekday, got " + panel.firstMeeting());
    }
    for (ScriptedRequest request : demand.requests()) {
      if (!List.of("refused", "no-plan", "plan").contains(request.outcome())) {
        throw new IllegalArgumentException(
            "demand.requests: outcome must be refused, no-plan or plan, got " + request.outcome());
      }
    }
    return this;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> readResource(String name) {
    try (InputStream in = SimulationConfig.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      return (Map<String, Object>) datesAsText(new Yaml().load(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** YAML reads 2026-09-01 as a midnight-UTC timestamp; the settings mean a calendar date. */
  private static Object datesAsText(Object value) {
    if (value instanceof java.util.Date date) {
      return date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> converted = new LinkedHashMap<>();
      map.forEach((key, item) -> converted.put(String.valueOf(key), datesAsText(item)));
      return converted;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(SimulationConfig::datesAsText).toList();
    }
    return value;
  }

  /** Settings maps merge key by key; any other value, a list included, replaces the default. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> mergeInto(Map<String, Object> defaults, Map<?, ?> own) {
    Map<String, Object> merged = new LinkedHashMap<>(defaults);
    own.forEach(
        (key, value) -> {
          Object base = merged.get(String.valueOf(key));
          if (base instanceof Map<?, ?> baseMap && value instanceof Map<?, ?> ownMap) {
            merged.put(String.valueOf(key), mergeInto((Map<String, Object>) baseMap, ownMap));
          } else {
            merged.put(String.valueOf(key), value);
          }
        });
    return merged;
  }
}
