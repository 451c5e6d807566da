package org.ehcflow.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.statutory.StatutoryDates;

/**
 * A case a test asks for at a stage of its pathway: the builder starts it and completes each task
 * on the way with what the person would submit, on the engine clock, until the case waits at the
 * stage asked for. It is the {@link TestCase} itself, so the test goes on from there with {@link
 * #complete}, {@link #task}, {@link #variable} and the mail helpers. See the package documentation
 * for how to write a route test with it.
 *
 * <p>The clock: until the test moves it with {@link #on}, the case starts and each step happens on
 * the reference calendar of its pathway (the dates the route tests use). Once the test has moved
 * the clock, every later step happens at the clock as the test left it, and only a date the case
 * waits for (a timer, such as a meeting day) moves it forward. Dates a person records (a draft
 * served, a plan issued) are the London date of the clock when the step is done.
 *
 * @param <B> the pathway's builder, returned by each method so calls chain
 */
public abstract class CaseBuilder<B extends CaseBuilder<B>> extends TestCase {

  private static final AtomicInteger CHILDREN = new AtomicInteger();

  protected final ProcessEngine engine;
  private final Map<String, Object> startVariables = new LinkedHashMap<>();
  private final Set<String> removed = new HashSet<>();
  private final Map<String, Map<String, Object>> submissions = new HashMap<>();
  private String businessKey;
  private boolean clockTaken;
  private boolean started;

  protected CaseBuilder(ProcessEngine engine, GreenMailExtension mail) {
    super(engine, mail);
    this.engine = engine;
  }

  // --- What the case starts with and what people submit
  // -------------------------------------------

  /** A start variable, set or changed: the rest keep their defaults. */
  public B with(String name, Object value) {
    beforeStart(name);
    startVariables.put(name, value);
    removed.remove(name);
    return self();
  }

  /** Start variables, set or changed, for example a test's own request map. */
  public B with(Map<String, ?> variables) {
    variables.forEach(this::with);
    return self();
  }

  /** A default start variable left out. */
  public B without(String name) {
    beforeStart(name);
    startVariables.remove(name);
    removed.add(name);
    return self();
  }

  /** The case's business key, instead of the pathway's default. */
  public B businessKey(String key) {
    beforeStart("businessKey");
    businessKey = key;
    return self();
  }

  /**
   * What the person submits at a task from now on, instead of the default values (all of them: the
   * map replaces the defaults, it is not merged with them).
   */
  public B submitting(String taskKey, Map<String, Object> values) {
    submissions.put(taskKey, new HashMap<>(values));
    return self();
  }

  /**
   * Moves the engine clock to a London date and time and runs what has fallen due. From then on the
   * builder does each step at the clock the test sets, not on the reference calendar.
   */
  @Override
  public B on(String londonDateTime) {
    clockTaken = true;
    super.on(londonDateTime);
    return self();
  }

  // --- For the pathways' builders ---------------------------------------------------------------

  protected abstract String processKey();

  /** The start variables, before the test's changes, for a case started on this date. */
  protected abstract Map<String, Object> defaults(LocalDate startDate);

  protected abstract String defaultBusinessKey(Map<String, Object> variables);

  /** When the case starts on the reference calendar. */
  protected abstract LocalDateTime referenceStart();

  /** The stages in pathway order: open task ids, or names of waiting or ended states. */
  protected abstract List<String> route();

  /** Where the case is now: one of {@link #route()}, or something off it. */
  protected abstract String position();

  /** Does what the case waits for at this position, so it moves on. */
  protected abstract void step(String position);

  /** A start variable as the test gave it, or null. */
  protected final Object given(String name) {
    return startVariables.get(name);
  }

  /** The child id the test gave, or a new one unique to this run. */
  protected final String childId() {
    Object given = given("childId");
    if (given == null) {
      given =
          "CASE-"
              + CHILDREN.incrementAndGet()
              + "-"
              + Long.toString(System.nanoTime(), 36).toUpperCase();
      startVariables.put("childId", given);
    }
    return given.toString();
  }

  /** Starts the case unless it has started, then walks it to the stage and returns it there. */
  protected final B walkTo(String stage) {
    startIfNeeded();
    int goal = route().indexOf(stage);
    if (goal < 0) {
      throw new IllegalArgumentException(stage + " is not a stage of " + processKey());
    }
    for (int steps = 0; steps < 50; steps++) {
      String here = position();
      int at = route().indexOf(here);
      if (at == goal) {
        return self();
      }
      if (at < 0 || at > goal) {
        throw new IllegalStateException(
            "the case " + id() + " is at " + here + ", so it cannot be brought to " + stage);
      }
      step(here);
      if (position().equals(here)) {
        throw new IllegalStateException("the case " + id() + " did not move on from " + here);
      }
    }
    throw new IllegalStateException("the case " + id() + " did not reach " + stage);
  }

  /** The task ids open in the case now. */
  protected final Set<String> openTasks() {
    Set<String> open = new HashSet<>();
    for (Task task : engine.getTaskService().createTaskQuery().processInstanceId(id()).list()) {
      open.add(task.getTaskDefinitionKey());
    }
    return open;
  }

  /** The first of these tasks that is open, or null. */
  protected final String firstOpen(List<String> tasks) {
    Set<String> open = openTasks();
    return tasks.stream().filter(open::contains).findFirst().orElse(null);
  }

  /** Completes the task with what the test said to submit there, or with these defaults. */
  protected final void completeWith(String taskKey, Map<String, Object> defaults) {
    complete(taskKey, submission(taskKey, defaults));
  }

  protected final Map<String, Object> submission(String taskKey, Map<String, Object> defaults) {
    return submissions.getOrDefault(taskKey, defaults);
  }

  /**
   * A step's time on the reference calendar: the clock moves there, unless the test has taken it.
   */
  protected final void at(LocalDateTime reference) {
    if (!clockTaken) {
      until(reference);
    }
  }

  /** A date the case waits for: the clock moves forward to it (never back), whoever drives it. */
  protected final void until(LocalDateTime moment) {
    if (moment.isAfter(now())) {
      setClock(moment);
      runJobs();
    }
  }

  /** The London date of the engine clock. */
  protected static LocalDate today() {
    return StatutoryDates.londonDateOf(ClockUtil.getCurrentTime());
  }

  /** A date variable of the running case. */
  protected final LocalDate dateVariable(String name) {
    Object value = engine.getRuntimeService().getVariable(id(), name);
    if (value == null) {
      throw new IllegalStateException("the case " + id() + " has no " + name);
    }
    return LocalDate.parse(value.toString());
  }

  /** A start variable's date as the test gave it, or null. */
  protected final LocalDate givenDate(String name) {
    Object value = given(name);
    return value == null ? null : LocalDate.parse(value.toString());
  }

  private void startIfNeeded() {
    if (started) {
      return;
    }
    if (!clockTaken) {
      setClock(referenceStart());
    }
    Map<String, Object> variables = new LinkedHashMap<>(defaults(today()));
    variables.putAll(startVariables);
    removed.forEach(variables::remove);
    start(
        processKey(), businessKey != null ? businessKey : defaultBusinessKey(variables), variables);
    started = true;
  }

  private void beforeStart(String what) {
    if (started) {
      throw new IllegalStateException(what + " must be given before the case starts");
    }
  }

  private static LocalDateTime now() {
    return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), StatutoryClock.ZONE);
  }

  private static void setClock(LocalDateTime londonDateTime) {
    ClockUtil.setCurrentTime(Date.from(londonDateTime.atZone(StatutoryClock.ZONE).toInstant()));
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
