package org.ehcflow.simulation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.EhcFlowApplication;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.assessment.CaseEventProcess;
import org.ehcflow.phasetransfer.PhaseTransferProcess;
import org.ehcflow.platform.CaseDataException;
import org.ehcflow.platform.TaskNoLongerOpenException;
import org.ehcflow.reporting.ComplianceFigures;
import org.ehcflow.reporting.ComplianceReport;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.vocabulary.AnnualReviewVariables;
import org.ehcflow.vocabulary.AssessmentVariables;
import org.ehcflow.vocabulary.CaseEvent;
import org.ehcflow.vocabulary.CaseEventVariables;
import org.ehcflow.vocabulary.CaseKeys;
import org.ehcflow.vocabulary.Code;
import org.ehcflow.vocabulary.EhcGroups;
import org.ehcflow.vocabulary.ExceptionGround;
import org.ehcflow.vocabulary.Pathways;
import org.ehcflow.vocabulary.Requester;
import org.ehcflow.vocabulary.SettingPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A simulated year on the real models and glue: its own engine on its own in-memory database, a
 * mail sink, and the engine's clock moved day by day. Each working day people complete the tasks
 * whose time has come, in the capacity their group has; every timer and asynchronous step that
 * falls due runs as the job executor would run it. The engine's clock is shared by the whole JVM,
 * so one simulation runs at a time in a JVM; {@link PartitionedSimulation} runs parts of the
 * caseload in JVMs of their own.
 */
public final class Simulation {

  private static final Logger log = LoggerFactory.getLogger(Simulation.class);
  private static final int JOB_BATCH = 500;
  private static final String PANEL = EhcGroups.EHC_PANEL.id();

  /** Where the engine keeps its data and which models it runs; null means the defaults. */
  public record Options(Path models, String jdbcUrl, String jdbcUser, String jdbcPassword) {
    public static Options inMemory() {
      return new Options(null, null, null, null);
    }

    public Options withModels(Path folder) {
      return new Options(folder, jdbcUrl, jdbcUser, jdbcPassword);
    }
  }

  /**
   * The share of the caseload one engine runs: every {@code count}-th request and plan from the
   * {@code index}-th, with that share of each group's capacity and of the panel's agenda.
   */
  record Partition(int index, int count) {
    static final Partition WHOLE = new Partition(0, 1);

    Partition {
      if (count < 1 || index < 0 || index >= count) {
        throw new IllegalArgumentException("partition " + index + " of " + count);
      }
    }

    boolean holds(int caseIndex) {
      return caseIndex % count == index;
    }

    /**
     * This partition's part of a capacity the whole caseload shares in one slot (a week of a
     * group's time, a panel meeting's agenda). The remainder goes round the partitions slot by
     * slot, so in every slot the parts add up to the whole and none is short of it for long.
     */
    int shareOf(int capacity, long slot) {
      if (capacity == Integer.MAX_VALUE || count == 1) {
        return capacity;
      }
      return capacity / count + (Math.floorMod(slot + index, count) < capacity % count ? 1 : 0);
    }
  }

  private final SimulationConfig config;
  private final Options options;
  private final Partition partition;
  private final WorkingCalendar calendar;
  private final TaskResponses responses;
  private final Map<String, Demand.Request> requestsByKey = new HashMap<>();
  private final TreeMap<LocalDate, List<PlannedTask>> planned = new TreeMap<>();
  private final Map<String, Integer> bookedByGroupWeek = new HashMap<>();
  private final Map<String, Integer> occurrences = new HashMap<>();
  private final Set<String> seenTasks = new HashSet<>();
  private final Set<String> exceptionsRecorded = new HashSet<>();
  private final Map<String, String> businessKeys = new HashMap<>();
  private final Counters counters = new Counters();
  private ProcessEngine engine;
  private Date lastPoll;

  private record PlannedTask(
      String taskId,
      String taskKey,
      String group,
      String businessKey,
      String sortKey,
      Random random) {}

  /** What the run did, for the report and for finding what the models refused. */
  public static final class Counters {
    /** The refusals kept word for word: the first ones, by simulated day. */
    static final int REFUSALS_KEPT = 20;

    int requestsStarted;
    int plansStarted;
    int tasksCompleted;
    int tasksOvertaken;
    int completionsRefused;
    int jobsExecuted;
    int jobsFailed;
    int exceptionsRecorded;
    final Map<String, Integer> completedByGroup = new TreeMap<>();
    final List<String> refusals = new ArrayList<>();

    /** The open incidents at the end, by step and cause, the commonest first. */
    final List<String> incidentCauses = new ArrayList<>();
  }

  private Simulation(SimulationConfig config, Options options, Partition partition) {
    this.config = config;
    this.options = options;
    this.partition = partition;
    this.calendar = new WorkingCalendar(config.calendar().bankHolidays());
    this.responses = new TaskResponses(config.demand());
  }

  /** The whole caseload on one engine in this JVM. */
  public static SimulationResult run(SimulationConfig config, Options options) {
    return new Simulation(config, options, Partition.WHOLE).run();
  }

  /** One partition of the caseload on one engine in this JVM, as a child JVM runs it. */
  static SimulationResult run(SimulationConfig config, Options options, Partition partition) {
    return new Simulation(config, options, partition).run();
  }

  private SimulationResult run() {
    long wallStart = System.nanoTime();
    // The whole year is drawn in every partition, so each case is the one the same seed gives an
    // unpartitioned run; the partition then keeps its own.
    Demand demand = Demand.draw(config, calendar).partition(partition::holds);
    demand.requests().forEach(request -> requestsByKey.put(request.businessKey(), request));
    Path workDir;
    try {
      workDir = Files.createTempDirectory("ehc-simulation-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    MailSink mail = new MailSink();
    // Timers the models start with (the yearly cohort run) are scheduled from the engine's clock
    // when the models are deployed, so the clock is at the simulated start before the engine is.
    setClock(config.start(), 0);
    ConfigurableApplicationContext context = null;
    try {
      context =
          new SpringApplicationBuilder(EhcFlowApplication.class)
              .initializers(
                  ctx ->
                      ((GenericApplicationContext) ctx)
                          .registerBean("simulationMailSink", MailSink.class, () -> mail))
              .logStartupInfo(false)
              .run(arguments(workDir));
      engine = context.getBean(ProcessEngine.class);
      long engineReady = System.nanoTime();
      List<SimulationResult.Month> months = new ArrayList<>();
      startPlans(demand.plans());
      log.info(
          "{} maintained plans started in {} s",
          demand.plans().size(),
          Math.round((System.nanoTime() - engineReady) / 1e8) / 10.0);
      Map<LocalDate, List<Demand.Request>> arrivals =
          demand.requests().stream()
              .collect(
                  Collectors.groupingBy(
                      request ->
                          request.received().isBefore(config.start())
                              ? config.start()
                              : request.received(),
                      TreeMap::new,
                      Collectors.toList()));
      lastPoll = ClockUtil.getCurrentTime();
      for (LocalDate day = config.start(); !day.isAfter(config.end()); day = day.plusDays(1)) {
        simulate(day, arrivals.getOrDefault(day, List.of()));
        if (day.equals(YearMonth.from(day).atEndOfMonth()) || day.equals(config.end())) {
          months.add(snapshot(YearMonth.from(day), day));
          log.info(
              "simulated {}{}: {} tasks completed, {} jobs run",
              YearMonth.from(day),
              partition.count() == 1
                  ? ""
                  : " (partition " + (partition.index() + 1) + " of " + partition.count() + ")",
              counters.tasksCompleted,
              counters.jobsExecuted);
        }
      }
      ComplianceFigures figures =
          context
              .getBean(ComplianceReport.class)
              .figures(config.start(), config.end(), config.end());
      List<Incident> open = engine.getRuntimeService().createIncidentQuery().list();
      long incidents = open.size();
      // A what-if that leaves incidents means the redesigned model would stop real cases: say where
      // and why.
      open.stream()
          .collect(
              Collectors.groupingBy(
                  incident ->
                      incident.getProcessDefinitionId().split(":")[0]
                          + " "
                          + incident.getActivityId()
                          + ": "
                          + firstLine(incident.getIncidentMessage()),
                  TreeMap::new,
                  Collectors.counting()))
          .entrySet()
          .stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(cause -> counters.incidentCauses.add(cause.getValue() + " x " + cause.getKey()));
      double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
      double engineSeconds = (System.nanoTime() - engineReady) / 1e9;
      return new SimulationResult(
          config,
          options.models(),
          figures,
          months,
          counters,
          mail.accepted(),
          incidents,
          wallSeconds,
          engineSeconds,
          1);
    } finally {
      if (context != null) {
        context.close();
      }
      ClockUtil.reset();
      deleteQuietly(workDir);
    }
  }

  /**
   * Command-line arguments outrank every other source of settings, so the simulation's own database
   * is used even where a server's environment names the production one.
   */
  private String[] arguments(Path workDir) {
    List<String> args = new ArrayList<>();
    args.add("--spring.profiles.active=simulation");
    if (options.jdbcUrl() != null) {
      args.add("--spring.datasource.url=" + options.jdbcUrl());
      args.add(
          "--spring.datasource.username=" + (options.jdbcUser() != null ? options.jdbcUser() : ""));
      args.add(
          "--spring.datasource.password="
              + (options.jdbcPassword() != null ? options.jdbcPassword() : ""));
    } else {
      args.add(
          "--spring.datasource.url=jdbc:h2:mem:ehc-simulation-"
              + UUID.randomUUID()
              + ";LOCK_TIMEOUT=10000");
      args.add("--spring.datasource.username=sa");
      args.add("--spring.datasource.password=");
    }
    args.add("--ehc.data-dir=" + workDir);
    // Random, and within the password policy (upper and lower case, a digit, a special character).
    args.add("--ehc.security.admin-password=Sim-" + UUID.randomUUID() + "-X9");
    args.add("--camunda.bpm.process-engine-name=simulation");
    args.add("--camunda.bpm.job-execution.enabled=false");
    if (options.models() != null) {
      Path models = modelsOverlaid(options.models(), workDir.resolve("models"));
      String base = models.toUri().toString();
      args.add("--camunda.bpm.deployment-resource-pattern[0]=" + base + "**/*.bpmn");
      args.add("--camunda.bpm.deployment-resource-pattern[1]=" + base + "**/*.dmn");
      args.add("--camunda.bpm.deployment-resource-pattern[2]=" + base + "**/*.form");
    }
    return args.toArray(String[]::new);
  }

  /**
   * The deployed models with the folder's laid over them: a process owner's folder may hold only
   * the model they redesigned, and every other model and form stays as deployed.
   */
  static Path modelsOverlaid(Path folder, Path target) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("--models: " + folder + " is not a folder");
    }
    try {
      Files.createDirectories(target);
      PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
      for (String pattern :
          List.of(
              "classpath*:processes/**/*.bpmn",
              "classpath*:processes/**/*.dmn",
              "classpath*:forms/**/*.form")) {
        for (Resource resource : resolver.getResources(pattern)) {
          try (InputStream in = resource.getInputStream()) {
            Files.copy(
                in, target.resolve(resource.getFilename()), StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      int own = 0;
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          String name = file.getFileName().toString();
          if (name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form")) {
            Files.copy(file, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            own++;
          }
        }
      }
      if (own == 0) {
        throw new IllegalArgumentException(
            "--models: " + folder + " holds no .bpmn, .dmn or .form file");
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void startPlans(List<Demand.Plan> plans) {
    setClock(config.start(), 9);
    for (Demand.Plan plan : plans) {
      Map<String, Object> start = new LinkedHashMap<>();
      AnnualReviewVariables.CHILD_ID.put(start, plan.childId());
      AnnualReviewVariables.CHILD_NAME.put(start, "Child " + plan.childId());
      AnnualReviewVariables.DATE_OF_BIRTH.put(start, plan.dateOfBirth());
      AnnualReviewVariables.PARENT_EMAIL.put(
          start, "parent." + plan.childId().toLowerCase() + "@example.org");
      AnnualReviewVariables.PLAN_ISSUED_DATE.put(start, plan.cycleFrom());
      if (!plan.namedSetting().isBlank()) {
        AnnualReviewVariables.NAMED_SETTING.put(start, plan.namedSetting());
      }
      AnnualReviewVariables.SETTING_PHASE.put(
          start, Code.parse(SettingPhase.class, plan.settingPhase()));
      engine
          .getRuntimeService()
          .startProcessInstanceByKey(
              Pathways.ANNUAL_REVIEW,
              CaseKeys.annualReview(plan.childId(), plan.cycleFrom(), null),
              start);
      counters.plansStarted++;
    }
  }

  private void simulate(LocalDate day, List<Demand.Request> arrivals) {
    setClock(day, 9);
    runDueJobs();
    for (Demand.Request request : arrivals) {
      startRequest(request);
    }
    runDueJobs();
    pollNewTasks(day);
    if (!calendar.isWorkingDay(day)) {
      return;
    }
    for (int round = 0; round < 10; round++) {
      List<PlannedTask> due = planned.remove(day);
      if (due == null || due.isEmpty()) {
        return;
      }
      due.sort(Comparator.comparing(PlannedTask::sortKey));
      Set<String> stillOpen = stillOpen(due);
      for (PlannedTask task : due) {
        if (stillOpen.contains(task.taskId())) {
          complete(task, day);
        } else {
          // A timer or another step closed the task first, as when a comment window ends.
          counters.tasksOvertaken++;
        }
      }
      runDueJobs();
      pollNewTasks(day);
    }
  }

  private Set<String> stillOpen(List<PlannedTask> due) {
    Set<String> open = new HashSet<>();
    for (int from = 0; from < due.size(); from += JOB_BATCH) {
      String[] ids =
          due.subList(from, Math.min(due.size(), from + JOB_BATCH)).stream()
              .map(PlannedTask::taskId)
              .toArray(String[]::new);
      engine
          .getTaskService()
          .createTaskQuery()
          .taskIdIn(ids)
          .list()
          .forEach(task -> open.add(task.getId()));
    }
    return open;
  }

  private void startRequest(Demand.Request request) {
    Map<String, Object> start = new LinkedHashMap<>();
    AssessmentVariables.CHILD_ID.put(start, request.childId());
    AssessmentVariables.CHILD_NAME.put(start, "Child " + request.childId());
    AssessmentVariables.DATE_OF_BIRTH.put(start, request.dateOfBirth());
    AssessmentVariables.REQUEST_RECEIVED_DATE.put(start, request.received());
    AssessmentVariables.REQUESTER.put(start, Requester.PARENT);
    AssessmentVariables.PARENT_EMAIL.put(
        start, "parent." + request.childId().toLowerCase() + "@example.org");
    engine
        .getRuntimeService()
        .startProcessInstanceByKey(Pathways.NEEDS_ASSESSMENT, request.businessKey(), start);
    counters.requestsStarted++;
  }

  private void complete(PlannedTask task, LocalDate day) {
    Demand.Request request = requestsByKey.get(task.businessKey());
    Map<String, Object> entries =
        responses.variables(task.taskKey(), request, day, task.random(), calendar);
    try {
      engine.getTaskService().complete(task.taskId(), entries);
      counters.tasksCompleted++;
      counters.completedByGroup.merge(task.group(), 1, Integer::sum);
    } catch (TaskNoLongerOpenException e) {
      // Closed earlier the same day by another step of its case, as a late-decision escalation is
      // when the panel decides.
      counters.tasksOvertaken++;
    } catch (CaseDataException e) {
      counters.completionsRefused++;
      if (counters.refusals.size() < Counters.REFUSALS_KEPT) {
        counters.refusals.add(
            day + " " + task.taskKey() + " " + task.businessKey() + ": " + e.getMessage());
      }
    } catch (ProcessEngineException e) {
      counters.completionsRefused++;
      if (counters.refusals.size() < Counters.REFUSALS_KEPT) {
        counters.refusals.add(
            day + " " + task.taskKey() + " " + task.businessKey() + ": " + e.getMessage());
      }
    }
  }

  /** Every job due by the engine's clock, with the jobs those create, as the job executor would. */
  private void runDueJobs() {
    for (int round = 0; round < 1000; round++) {
      // Every job has a due date in the simulation's engine (ensure-job-due-date-not-null), so
      // "due by now" is a range on the due-date index.
      List<Job> due =
          engine
              .getManagementService()
              .createJobQuery()
              .duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1))
              .withRetriesLeft()
              .active()
              .orderByJobDuedate()
              .asc()
              .listPage(0, JOB_BATCH);
      if (due.isEmpty()) {
        return;
      }
      int ran = 0;
      for (Job job : due) {
        try {
          engine.getManagementService().executeJob(job.getId());
          counters.jobsExecuted++;
          ran++;
        } catch (RuntimeException e) {
          // A step's own exception reaches here as it was thrown (not always a
          // ProcessEngineException):
          // the engine has recorded the failure either way, as the job executor's would be.
          if (engine.getManagementService().createJobQuery().jobId(job.getId()).count() > 0) {
            // The engine has lowered the job's retries and set its next attempt, or made an
            // incident.
            counters.jobsFailed++;
          }
          // Otherwise an earlier job of the batch removed it, as a completed task removes its
          // timers.
        }
      }
      if (ran == 0) {
        return;
      }
    }
  }

  /** Tasks that appeared since the last look, booked in to the day their group will do them. */
  private void pollNewTasks(LocalDate day) {
    Date since = new Date(lastPoll.getTime() - 1);
    lastPoll = ClockUtil.getCurrentTime();
    List<Task> created =
        engine.getTaskService().createTaskQuery().taskCreatedAfter(since).list().stream()
            .filter(task -> seenTasks.add(task.getId()))
            .toList();
    if (created.isEmpty()) {
      return;
    }
    Set<String> unknownInstances =
        created.stream()
            .map(Task::getProcessInstanceId)
            .filter(id -> id != null && !businessKeys.containsKey(id))
            .collect(Collectors.toSet());
    if (!unknownInstances.isEmpty()) {
      for (ProcessInstance instance :
          engine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .processInstanceIds(unknownInstances)
              .list()) {
        businessKeys.put(
            instance.getId(),
            instance.getBusinessKey() != null ? instance.getBusinessKey() : instance.getId());
      }
    }
    List<PlannedTask> fresh = new ArrayList<>();
    for (Task task : created) {
      String group = candidateGroup(task.getId());
      String businessKey =
          businessKeys.getOrDefault(
              task.getProcessInstanceId(), String.valueOf(task.getProcessInstanceId()));
      String identity = businessKey + "/" + task.getTaskDefinitionKey() + "/" + group;
      int occurrence = occurrences.merge(identity, 1, Integer::sum);
      String sortKey = identity + "/" + occurrence;
      // Each task's draws depend only on the seed and the task, not on the order tasks are found.
      Random random = new Random(config.seed() * 1_000_003L + sortKey.hashCode());
      fresh.add(
          new PlannedTask(
              task.getId(), task.getTaskDefinitionKey(), group, businessKey, sortKey, random));
    }
    fresh.sort(Comparator.comparing(PlannedTask::sortKey));
    for (PlannedTask task : fresh) {
      book(task, day);
    }
  }

  private String candidateGroup(String taskId) {
    for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(taskId)) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        return link.getGroupId();
      }
    }
    return "unassigned";
  }

  private void book(PlannedTask task, LocalDate created) {
    SimulationConfig.Response response = config.responseFor(task.taskKey(), task.group());
    int days = response.draw(task.random().nextDouble());
    Demand.Request request = requestsByKey.get(task.businessKey());
    if (request != null
        && request.exception()
        && task.taskKey().equals(AssessmentProcess.Elements.GIVE_ADVICE)) {
      recordException(request);
      days += config.demand().exceptionDelayDays();
    }
    LocalDate earliest = calendar.plusWorkingDays(created, days);
    LocalDate on =
        task.group().equals(PANEL) ? panelMeetingFrom(earliest) : slotFrom(task.group(), earliest);
    planned.computeIfAbsent(on, d -> new ArrayList<>()).add(task);
  }

  /** The first meeting on or after the day with room on its agenda. */
  private LocalDate panelMeetingFrom(LocalDate earliest) {
    LocalDate day = earliest;
    for (int i = 0; i < 3660; i++, day = day.plusDays(1)) {
      if (config.isPanelDay(day) && calendar.isWorkingDay(day)) {
        String key = PANEL + "@" + day;
        int booked = bookedByGroupWeek.getOrDefault(key, 0);
        int agenda =
            partition.shareOf(
                config.panel().casesPerMeeting(),
                day.toEpochDay() / (7L * config.panel().everyWeeks()));
        if (booked < agenda) {
          bookedByGroupWeek.put(key, booked + 1);
          return day;
        }
      }
    }
    throw new IllegalStateException("the panel has no meeting within ten years of " + earliest);
  }

  /** The first working day on or after the day in a week the group still has time in. */
  private LocalDate slotFrom(String group, LocalDate earliest) {
    int weekly = config.groupFor(group).weeklyCapacity();
    LocalDate day = earliest;
    while (true) {
      int capacity =
          partition.shareOf(weekly, day.with(java.time.DayOfWeek.MONDAY).toEpochDay() / 7);
      String key =
          group
              + "@"
              + day.get(IsoFields.WEEK_BASED_YEAR)
              + "-"
              + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      int booked = bookedByGroupWeek.getOrDefault(key, 0);
      if (booked < capacity) {
        bookedByGroupWeek.put(key, booked + 1);
        return day;
      }
      day = calendar.onOrAfter(day.with(java.time.DayOfWeek.SUNDAY).plusDays(1));
    }
  }

  /**
   * The caseworker records the exception as the first adviser is asked, as the case file would show
   * it.
   */
  private void recordException(Demand.Request request) {
    if (!exceptionsRecorded.add(request.businessKey())) {
      return;
    }
    Map<String, Object> event = new HashMap<>();
    CaseEventVariables.CASE_BUSINESS_KEY.put(event, request.businessKey());
    CaseEventVariables.CASE_EVENT.put(event, CaseEvent.EXCEPTION_RECORDED);
    CaseEventVariables.EXCEPTION_GROUND.put(
        event, ExceptionGround.EXCEPTIONAL_PERSONAL_CIRCUMSTANCES);
    CaseEventVariables.EXCEPTION_NOTE.put(event, "Simulated exception");
    engine.getRuntimeService().startProcessInstanceByKey(CaseEventProcess.KEY, event);
    counters.exceptionsRecorded++;
  }

  private SimulationResult.Month snapshot(YearMonth month, LocalDate day) {
    String today = day.toString();
    long openAssessments =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(Pathways.NEEDS_ASSESSMENT)
            .count();
    long pastTwentyWeeks =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(Pathways.NEEDS_ASSESSMENT)
            .variableValueLessThan(AssessmentVariables.FINAL_PLAN_DUE.name(), today)
            .count();
    long openTransfers =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(PhaseTransferProcess.KEY)
            .count();
    long openTasks = engine.getTaskService().createTaskQuery().count();
    long overdueTasks =
        engine.getTaskService().createTaskQuery().dueBefore(ClockUtil.getCurrentTime()).count();
    return new SimulationResult.Month(
        month.toString(), openAssessments, pastTwentyWeeks, openTransfers, openTasks, overdueTasks);
  }

  private static void setClock(LocalDate day, int hour) {
    ClockUtil.setCurrentTime(
        Date.from(
            LocalDateTime.of(day, java.time.LocalTime.of(hour, 0))
                .atZone(StatutoryClock.ZONE)
                .toInstant()));
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      log.debug("could not remove {}", dir, e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    String line = message.lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
