package org.ehcflow.benchmark;

import static org.ehcflow.assessment.AssessmentProcess.Elements.CONSIDER_ADVICE;
import static org.ehcflow.assessment.AssessmentProcess.Elements.DECIDE_WHETHER_TO_ASSESS;
import static org.ehcflow.assessment.AssessmentProcess.Elements.DECIDE_WHETHER_TO_ISSUE;
import static org.ehcflow.assessment.AssessmentProcess.Elements.DRAFT_PLAN;
import static org.ehcflow.assessment.AssessmentProcess.Elements.GIVE_ADVICE;
import static org.ehcflow.assessment.AssessmentProcess.Elements.ISSUE_FINAL_PLAN;
import static org.ehcflow.assessment.AssessmentProcess.Elements.PLAN_ADVICE_REQUESTS;
import static org.ehcflow.assessment.AssessmentProcess.Elements.PREPARE_CASE_FOR_PANEL;
import static org.ehcflow.assessment.AssessmentProcess.Elements.RECORD_PARENT_RESPONSE;
import static org.ehcflow.assessment.AssessmentProcess.Elements.RESPOND_TO_CONSULTATION;
import static org.ehcflow.assessment.AssessmentProcess.Elements.SERVE_DRAFT_PLAN;

import com.icegreen.greenmail.util.GreenMail;
import com.sun.management.GarbageCollectionNotificationInfo;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.assessment.AssessmentService;
import org.ehcflow.notification.NoticeDelivery;
import org.ehcflow.phasetransfer.PhaseTransferCohort;
import org.ehcflow.phasetransfer.PhaseTransferCohortProcess;
import org.ehcflow.phasetransfer.PhaseTransferProcess;
import org.ehcflow.review.AnnualReviewProcess;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.statutory.StatutoryDates;
import org.ehcflow.support.AppRunner;
import org.ehcflow.vocabulary.PhaseTransferCohortVariables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the engine costs us, on PostgreSQL from the embedded binaries, in one run and one table
 * (target/benchmark/engine.md):
 *
 * <ol>
 *   <li>per step of a needs assessment from request to final plan, against a bare Camunda model of
 *       the same size on the same engine, interleaved case by case;
 *   <li>the same for one annual review cycle;
 *   <li>per task completion and per due timer as the number of open cases grows;
 *   <li>a phase-transfer cohort started at once over a large register of plans.
 * </ol>
 *
 * <p>Each section has its own new database, so one section's rows never slow another's. Mail goes
 * to a GreenMail server in this JVM, so notices are really rendered, recorded and sent. The job
 * executor is off: jobs are run by hand, and timed as steps. Asserts nothing about time, since
 * these machines are shared and noisy; a section that breaks is reported in the table and fails the
 * test once the table is written.
 *
 * <p>Sizes: {@code -Dehc.benchmark.cases} (cases per side, default 100), {@code
 * -Dehc.benchmark.scale} (open cases, default 1000,10000,100000), {@code -Dehc.benchmark.cohort}
 * (plans in the cohort, default 20000), {@code -Dehc.benchmark.rounds} (rounds of completions and
 * due timers at each open-case size, default 3), {@code -Dehc.benchmark.cohort-budget-minutes} (how
 * long one cohort run may take, default 30); and {@code -Dehc.benchmark.sections} (which sections
 * to run, default 1,2,3,4).
 */
@Tag("benchmark")
class EngineBenchmark {

  private static final int CASES = Integer.getInteger("ehc.benchmark.cases", 100);
  private static final int WARM_UP = 5;
  private static final List<Integer> SCALE =
      sizes(System.getProperty("ehc.benchmark.scale", "1000,10000,100000"));
  private static final int COHORT = Integer.getInteger("ehc.benchmark.cohort", 20_000);

  /** How long each way of running the cohort may take before the benchmark stops it. */
  private static final int COHORT_BUDGET_MINUTES =
      Integer.getInteger("ehc.benchmark.cohort-budget-minutes", 30);

  /** For a quick look at one part: {@code -Dehc.benchmark.sections=1,3}. */
  private static final Set<String> SECTIONS =
      Set.of(System.getProperty("ehc.benchmark.sections", "1,2,3,4,5").replace(" ", "").split(","));

  /** Task completions and due timers measured in each round. */
  private static final int SAMPLE = 200;

  /**
   * Rounds measured at each size, whose median is the size's figure: one pass swung by up to 40%
   * between runs on this shared machine. The smallest size must hold the rounds' completions.
   */
  private static final int ROUNDS = Math.max(1, Integer.getInteger("ehc.benchmark.rounds", 3));

  /** Untimed completions and timers before each size's measurement. */
  private static final int WARM_UP_STEPS = 50;

  /** Bulk cases started per transaction while growing the database. */
  private static final int BULK_BATCH = 50;

  /** The machine has two cores; more threads would only queue behind PostgreSQL. */
  private static final int THREADS = 2;

  private static final String RATIO_GOAL = "at most 1.25";
  private static final String FLAT_GOAL = "flat within 20%";

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void engine_costs_on_postgresql() throws Exception {
    long runStarted = System.nanoTime();
    Report report = new Report();
    List<Throwable> failures = new ArrayList<>();
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    GreenMail mail = BenchmarkMail.start(true);
    // pg_stat_statements (shipped with the binaries) counts each side's SQL, to explain its time.
    try (EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setServerConfig("shared_preload_libraries", "pg_stat_statements")
            .start()) {
      machine(report, postgres, loadBefore);
      mailCost(report, mail);
      section(
          report,
          failures,
          "1. needs assessment",
          () -> needsAssessmentSteps(postgres, mail, report));
      section(
          report, failures, "2. annual review", () -> annualReviewSteps(postgres, mail, report));
      section(report, failures, "3. open cases", () -> openCaseScale(postgres, mail, report));
      section(
          report,
          failures,
          "4. phase-transfer cohort",
          () -> phaseTransferCohort(postgres, mail, report));
      section(
          report, failures, "5. simulated year", () -> SimulatedYears.measure(postgres, report));
    } finally {
      ClockUtil.reset();
      mail.stop();
    }
    report.row(
        "run",
        "load average at start / at end (2 cores; another build may share them)",
        String.format(
            Locale.ROOT,
            "%.2f / %.2f",
            loadBefore,
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()),
        "",
        "");
    report.row(
        "run", "wall time of the whole run", minutes(System.nanoTime() - runStarted), "", "");

    String table = report.markdown();
    System.out.println(table);
    Path out = Path.of("target", "benchmark", "engine.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, "# Engine benchmark\n\n" + table);
    if (!failures.isEmpty()) {
      AssertionError failed =
          new AssertionError(failures.size() + " benchmark section(s) failed; see the table");
      failures.forEach(failed::addSuppressed);
      throw failed;
    }
  }

  // --- 1. Needs assessment, per step, against a bare baseline ----------------------------------

  private void needsAssessmentSteps(EmbeddedPostgres postgres, GreenMail mail, Report report)
      throws Exception {
    String section = "1. needs assessment";
    try (Section app = Section.start(postgres, mail, "bench_assessment")) {
      LocalDate day = LocalDate.of(2026, 3, 2);
      // Every step of a case on one day: no deadline falls due, so the case runs its happy path
      // and no timer fires, as none of the baseline's does.
      CaseRun ours =
          (driver, name) -> {
            ClockUtil.setCurrentTime(at(day, 10, 0));
            return needsAssessment(driver, name, day);
          };
      compare(report, section, app, mail, AssessmentProcess.KEY, ours);
    }
  }

  /** Request to final plan, with the variables the tests' {@code CaseDriver} submits. */
  private static String needsAssessment(Driver driver, String childId, LocalDate day) {
    Map<String, Object> request = new HashMap<>();
    request.put("childId", childId);
    request.put("childName", "Child " + childId);
    request.put("dateOfBirth", "2016-03-14");
    request.put("requestReceivedDate", day.toString());
    request.put("requester", "parent");
    request.put("parentEmail", "parent" + Math.abs(childId.hashCode() % 50) + "@example.org");
    String id = driver.start(AssessmentProcess.KEY, "EHCNA-" + childId, request);
    driver.runDueJobs();
    driver.complete(
        id,
        PREPARE_CASE_FOR_PANEL,
        Map.of(
            "graduatedApproachCycles",
            3,
            "progressDespiteSupport",
            false,
            "needsAcrossEducationHealthCare",
            true));
    driver.complete(
        id,
        DECIDE_WHETHER_TO_ASSESS,
        Map.of("assessDecision", "assess", "assessDecisionReason", "May need a plan"));
    driver.complete(id, PLAN_ADVICE_REQUESTS, Map.of());
    List<Task> advice =
        driver
            .engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(id)
            .taskDefinitionKey(GIVE_ADVICE)
            .list();
    if (advice.isEmpty()) {
      throw new IllegalStateException("no adviser was asked in " + id);
    }
    for (Task task : advice) {
      driver.complete(task, Map.of("adviceSummary", "Advice"));
    }
    driver.complete(
        id,
        CONSIDER_ADVICE,
        Map.of(
            "provisionBeyondSetting",
            true,
            "needsAcrossEducationHealthCare",
            false,
            "progressWithSenSupport",
            false));
    driver.complete(
        id,
        DECIDE_WHETHER_TO_ISSUE,
        Map.of("issueDecision", "issue", "issueDecisionReason", "Necessary"));
    Map<String, Object> sections = new HashMap<>();
    for (String name : new String[] {"sectionA", "sectionB", "sectionE", "sectionF"}) {
      sections.put(name, name);
    }
    driver.complete(id, DRAFT_PLAN, sections);
    driver.complete(id, SERVE_DRAFT_PLAN, Map.of("draftServedDate", day.toString()));
    driver.complete(id, RECORD_PARENT_RESPONSE, Map.of("parentComments", "Agreed"));
    for (int round = 0; driver.running(id); round++) {
      List<Task> open =
          driver.engine.getTaskService().createTaskQuery().processInstanceId(id).list();
      if (open.isEmpty() || round > 5) {
        throw new IllegalStateException("case " + id + " is stuck with tasks " + keys(open));
      }
      for (Task task : open) {
        switch (task.getTaskDefinitionKey()) {
          case RESPOND_TO_CONSULTATION ->
              driver.complete(task, Map.of("consultationResponse", "can-meet-needs"));
          case ISSUE_FINAL_PLAN ->
              driver.complete(
                  task,
                  Map.of("finalPlanIssuedDate", day.toString(), "namedSetting", "Local School"));
          default ->
              throw new IllegalStateException(
                  "unexpected task " + task.getTaskDefinitionKey() + " in " + id);
        }
      }
    }
    return id;
  }

  // --- 2. Annual review, per step, against a bare baseline -------------------------------------

  private void annualReviewSteps(EmbeddedPostgres postgres, GreenMail mail, Report report)
      throws Exception {
    try (Section app = Section.start(postgres, mail, "bench_review")) {
      compare(
          report,
          "2. annual review",
          app,
          mail,
          AnnualReviewProcess.KEY,
          EngineBenchmark::annualReview);
    }
  }

  /**
   * One cycle on the dates of the annual review tests: plan issued 20 November 2025, preparation
   * opens 10 September 2026, meeting 2 November, decision to maintain 20 November; it ends when the
   * next cycle waits for its own preparation window.
   */
  private static String annualReview(Driver driver, String childId) {
    driver.clock("2025-11-20T10:00");
    Map<String, Object> plan = new HashMap<>();
    plan.put("childId", childId);
    plan.put("childName", "Child " + childId);
    plan.put("dateOfBirth", "2014-02-03");
    plan.put("parentEmail", "parent" + Math.abs(childId.hashCode() % 50) + "@example.org");
    plan.put("planIssuedDate", "2025-11-20");
    plan.put("namedSetting", "Hillside Primary");
    plan.put("settingPhase", "primary");
    String id = driver.start(AnnualReviewProcess.KEY, "AR-" + childId + "-2025-11-20", plan);
    driver.runDueJobs();
    driver.clock("2026-09-10T00:00");
    driver.runDueJobs();
    driver.clock("2026-09-14T10:00");
    driver.complete(
        id,
        AnnualReviewProcess.Elements.ARRANGE_MEETING,
        Map.of("reviewMeetingDate", "2026-11-02"));
    driver.clock("2026-10-15T10:00");
    driver.complete(
        id,
        AnnualReviewProcess.Elements.CIRCULATE_ADVICE,
        Map.of("adviceCirculatedDate", "2026-10-15"));
    driver.clock("2026-11-02T00:00");
    driver.runDueJobs();
    driver.clock("2026-11-10T10:00");
    driver.complete(
        id,
        AnnualReviewProcess.Elements.SUBMIT_REPORT,
        Map.of(
            "reviewReport",
            "Good progress in reading",
            "needsChanged",
            false,
            "outcomesStillAppropriate",
            true,
            "stillNeedsPlan",
            true));
    driver.clock("2026-11-20T10:00");
    driver.complete(
        id,
        AnnualReviewProcess.Elements.DECIDE_OUTCOME,
        Map.of(
            "reviewDecision",
            "maintain",
            "reviewDecisionReason",
            "Still right",
            "reviewDecisionDate",
            "2026-11-20"));
    if (driver.running(id)) {
      throw new IllegalStateException("review " + id + " did not end after its decision");
    }
    if (driver
            .engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey("AR-" + childId + "-2026-11-20")
            .count()
        != 1) {
      throw new IllegalStateException("no next review cycle for " + childId);
    }
    return id;
  }

  // --- Shared by 1 and 2 ---------------------------------------------------------------------

  interface CaseRun {
    String run(Driver driver, String name);
  }

  /**
   * Ours and the baseline on one engine, case by case in turn, so a slow minute on a shared machine
   * falls on both. Our first warm-up case counts the jobs a case runs, which the baseline then gets
   * as many of.
   */
  private static void compare(
      Report report, String section, Section app, GreenMail mail, String ourKey, CaseRun ours)
      throws SQLException {
    long started = System.nanoTime();
    ProcessEngine engine = app.engine();
    String prefix = ourKey.equals(AssessmentProcess.KEY) ? "NA" : "AR";
    BpmnModelInstance ourModel =
        engine
            .getRepositoryService()
            .getBpmnModelInstance(
                engine
                    .getRepositoryService()
                    .createProcessDefinitionQuery()
                    .processDefinitionKey(ourKey)
                    .latestVersion()
                    .singleResult()
                    .getId());
    BaselineModel.Shape shape = BaselineModel.Shape.of(ourModel);

    Driver driver = new Driver(engine);
    Steps calibration = new Steps();
    driver.record(calibration);
    List<Map<String, Object>> caseData = new ArrayList<>();
    driver.capture(caseData);
    ours.run(driver, prefix + "-CALIBRATE");
    driver.capture(null);
    int asyncSteps = calibration.asyncJobs.size();

    String baselineKey = "benchmark-baseline-" + ourKey;
    engine
        .getRepositoryService()
        .createDeployment()
        .name(baselineKey)
        .addModelInstance(
            baselineKey + ".bpmn", BaselineModel.build(baselineKey, shape, asyncSteps))
        .deploy();
    CaseRun baseline = (d, name) -> baselineCase(d, baselineKey, name, List.of());
    // The same bare model given the data our case carries (its start variables, then each
    // completion's form values in order), so the engine's cost of storing case data under full
    // history is on both sides and the ratio shows what the glue adds.
    CaseRun baselineWithData = (d, name) -> baselineCase(d, baselineKey, name, caseData);

    Steps warmUp = new Steps();
    driver.record(warmUp);
    for (int n = 1; n < WARM_UP; n++) {
      ours.run(driver, prefix + "-WARM-" + n);
    }
    for (int n = 0; n < WARM_UP; n++) {
      baseline.run(driver, "BASE-WARM-" + n);
      baselineWithData.run(driver, "DATA-WARM-" + n);
    }
    log(section + ": warmed up; measuring " + CASES + " cases each, alternating");

    Steps ourSteps = new Steps();
    Steps baseSteps = new Steps();
    Steps dataSteps = new Steps();
    String firstOurs = null;
    String firstBaseline = null;
    String firstWithData = null;
    int ourMails = 0;
    double[] ourSql = new double[2];
    double[] baseSql = new double[2];
    double[] dataSql = new double[2];
    for (int n = 0; n < CASES; n++) {
      driver.record(ourSteps);
      int mailsBefore = mail.getReceivedMessages().length;
      double[] sqlBefore = app.statements();
      String ourId = ours.run(driver, prefix + "-" + n);
      add(ourSql, app.statements(), sqlBefore);
      ourMails += mail.getReceivedMessages().length - mailsBefore;
      ourSteps.cases++;
      driver.record(baseSteps);
      sqlBefore = app.statements();
      String baseId = baseline.run(driver, "BASE-" + n);
      add(baseSql, app.statements(), sqlBefore);
      baseSteps.cases++;
      driver.record(dataSteps);
      sqlBefore = app.statements();
      String dataId = baselineWithData.run(driver, "DATA-" + n);
      add(dataSql, app.statements(), sqlBefore);
      dataSteps.cases++;
      if (n == 0) {
        firstOurs = ourId;
        firstBaseline = baseId;
        firstWithData = dataId;
      }
      if ((n + 1) % 25 == 0) {
        log(section + ": " + (n + 1) + " of " + CASES + " cases each");
        purge(mail);
      }
    }
    driver.record(new Steps());
    // Each side alone for a few cases, for where its statements go.
    int profiled = 5;
    app.resetStatements();
    for (int n = 0; n < profiled; n++) {
      ours.run(driver, prefix + "-SQL-" + n);
    }
    String ourTables = app.statementsByTable(profiled, 14);
    app.resetStatements();
    for (int n = 0; n < profiled; n++) {
      baseline.run(driver, "BASE-SQL-" + n);
    }
    String baseTables = app.statementsByTable(profiled, 14);

    report.row(
        section,
        "model: user tasks / timer definitions / gateways",
        shape.toString(),
        BaselineModel.Shape.of(
                engine
                    .getRepositoryService()
                    .getBpmnModelInstance(
                        engine
                            .getRepositoryService()
                            .createProcessDefinitionQuery()
                            .processDefinitionKey(baselineKey)
                            .latestVersion()
                            .singleResult()
                            .getId()))
            .toString(),
        "same");
    report.row(
        section,
        "per case: task completions",
        perCase(ourSteps.tasks.size(), ourSteps.cases),
        perCase(baseSteps.tasks.size(), baseSteps.cases),
        "");
    report.row(
        section,
        "per case: async jobs (notices, continuations)",
        perCase(ourSteps.asyncJobs.size(), ourSteps.cases),
        perCase(baseSteps.asyncJobs.size(), baseSteps.cases),
        "same");
    report.row(
        section,
        "per case: timer jobs executed",
        perCase(ourSteps.timerJobs.size(), ourSteps.cases),
        perCase(baseSteps.timerJobs.size(), baseSteps.cases),
        "");
    report.row(
        section,
        "per case: timers created / gateways passed (first case, from history)",
        timersCreated(engine, firstOurs) + " / " + gatewaysPassed(engine, firstOurs),
        timersCreated(engine, firstBaseline) + " / " + gatewaysPassed(engine, firstBaseline),
        "");
    report.row(
        section,
        "steps per case (task completions + job executions)",
        perCase(ourSteps.all().size(), ourSteps.cases),
        perCase(baseSteps.all().size(), baseSteps.cases),
        "");
    double ourMean = mean(ourSteps.all());
    double baseMean = mean(baseSteps.all());
    double ourMedian = median(ourSteps.all());
    double baseMedian = median(baseSteps.all());
    report.row(section, "ms per step, mean", ms(ourMean), ms(baseMean), "");
    report.row(section, "ms per step, median", ms(ourMedian), ms(baseMedian), "");
    report.row(
        section,
        "ratio ours / baseline, mean ms per step",
        ratio(ourMean / baseMean),
        "",
        RATIO_GOAL);
    report.row(
        section,
        "ratio ours / baseline, median ms per step",
        ratio(ourMedian / baseMedian),
        "",
        RATIO_GOAL);
    double dataMean = mean(dataSteps.all());
    double dataMedian = median(dataSteps.all());
    report.row(
        section,
        "baseline given our case data ("
            + caseData.size()
            + " starts and completions, "
            + caseData.stream().mapToInt(Map::size).sum()
            + " values): ms per step, mean / median",
        "",
        ms(dataMean) + " / " + ms(dataMedian),
        "");
    report.row(
        section,
        "ratio ours / baseline given our case data, mean / median ms per step",
        ratio(ourMean / dataMean) + " / " + ratio(ourMedian / dataMedian),
        "",
        "");
    report.row(
        section,
        "baseline given our case data: SQL statements per case; rows written (first case)",
        "",
        perCase((int) dataSql[0], dataSteps.cases) + "; " + app.rowsWritten(firstWithData),
        "");
    // What the ratio would be if a mail cost nothing: an estimate, taking the measured time of
    // one plain mail to this server off for every mail our cases sent.
    double mailMillis = BenchmarkMail.medianSendMillis(mail, 20, true);
    double ourTotal = ourSteps.all().stream().mapToDouble(Double::doubleValue).sum();
    double withoutMail = (ourTotal - ourMails * mailMillis) / ourSteps.all().size();
    report.row(
        section,
        "mails sent per case; ratio of means with "
            + ms(mailMillis)
            + " taken off per mail (estimate)",
        perCase(ourMails, ourSteps.cases) + " mails; " + ratio(withoutMail / baseMean),
        "0 mails",
        "");
    report.row(
        section,
        "ms per task completion, mean / median",
        ms(mean(ourSteps.tasks)) + " / " + ms(median(ourSteps.tasks)),
        ms(mean(baseSteps.tasks)) + " / " + ms(median(baseSteps.tasks)),
        "");
    report.row(
        section,
        "ms per async job, mean / median",
        ms(mean(ourSteps.asyncJobs)) + " / " + ms(median(ourSteps.asyncJobs)),
        ms(mean(baseSteps.asyncJobs)) + " / " + ms(median(baseSteps.asyncJobs)),
        "");
    if (!ourSteps.timerJobs.isEmpty()) {
      report.row(
          section,
          "ms per timer job, mean / median",
          ms(mean(ourSteps.timerJobs)) + " / " + ms(median(ourSteps.timerJobs)),
          baseSteps.timerJobs.isEmpty() ? "none fire" : ms(mean(baseSteps.timerJobs)),
          "");
    }
    // The driver's own look-ups (which task, which jobs) are in these counts too, on both sides.
    report.row(
        section,
        "SQL statements per case, incl. the driver's look-ups (pg_stat_statements)",
        perCase((int) ourSql[0], ourSteps.cases),
        perCase((int) baseSql[0], baseSteps.cases),
        "");
    report.row(
        section,
        "SQL statements per case by kind and table, the largest (" + profiled + " more cases each)",
        ourTables,
        baseTables,
        "");
    report.row(
        section,
        "database execution time per case (pg_stat_statements)",
        ms(ourSql[1] / ourSteps.cases),
        ms(baseSql[1] / baseSteps.cases),
        "");
    report.row(
        section,
        "rows written per case (first case): history, notices",
        app.rowsWritten(firstOurs),
        app.rowsWritten(firstBaseline),
        "");
    report.row(
        section,
        "process start (not a step), median ms",
        ms(median(ourSteps.starts)),
        ms(median(baseSteps.starts)),
        "");
    report.row(
        section,
        "notices handed to retried delivery (mail refused)",
        String.valueOf(
            engine
                    .getRuntimeService()
                    .createProcessInstanceQuery()
                    .processDefinitionKey(NoticeDelivery.KEY)
                    .count()
                + engine
                    .getHistoryService()
                    .createHistoricProcessInstanceQuery()
                    .processDefinitionKey(NoticeDelivery.KEY)
                    .finished()
                    .count()),
        "",
        "0");
    report.row(
        section,
        "cases measured; wall time of the section",
        CASES + " each, interleaved, after " + WARM_UP + " warm-up each",
        minutes(System.nanoTime() - started),
        "");
  }

  private static void add(double[] total, double[] after, double[] before) {
    for (int i = 0; i < total.length; i++) {
      total[i] += after[i] - before[i];
    }
  }

  /**
   * @param caseData the start variables, then each completion's, in order; empty for none. The
   *     baseline has a task more than our happy path takes; those complete without values.
   */
  private static String baselineCase(
      Driver driver, String key, String name, List<Map<String, Object>> caseData) {
    Iterator<Map<String, Object>> data = caseData.iterator();
    String id = driver.start(key, name, data.hasNext() ? data.next() : Map.of());
    driver.runDueJobs();
    for (int round = 0; driver.running(id); round++) {
      List<Task> open =
          driver.engine.getTaskService().createTaskQuery().processInstanceId(id).list();
      if (open.isEmpty() || round > 1000) {
        throw new IllegalStateException("baseline case " + id + " is stuck");
      }
      for (Task task : open) {
        driver.complete(task, data.hasNext() ? data.next() : Map.of());
      }
    }
    return id;
  }

  private static long timersCreated(ProcessEngine engine, String processInstanceId) {
    return engine
        .getHistoryService()
        .createHistoricJobLogQuery()
        .processInstanceId(processInstanceId)
        .creationLog()
        .list()
        .stream()
        .filter(
            log ->
                log.getJobDefinitionType() != null
                    && log.getJobDefinitionType().startsWith("timer"))
        .count();
  }

  private static long gatewaysPassed(ProcessEngine engine, String processInstanceId) {
    return engine
        .getHistoryService()
        .createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId)
        .list()
        .stream()
        .filter(activity -> activity.getActivityType().endsWith("Gateway"))
        .count();
  }

  // --- 3. Open cases: per completion and per due timer as the database grows -------------------

  private void openCaseScale(EmbeddedPostgres postgres, GreenMail mail, Report report)
      throws Exception {
    String section = "3. open cases";
    try (Section app = Section.start(postgres, mail, "bench_scale")) {
      ProcessEngine engine = app.engine();
      ManagementService management = engine.getManagementService();
      // The bulk's requests arrived in the last five weeks, so none of their six-week decisions is
      // overdue on this day; each sample's arrived 50 days ago, so its decision timer is due.
      LocalDate today = LocalDate.of(2026, 6, 1);
      ClockUtil.setCurrentTime(at(today, 10, 0));
      int batch = acquisitionBatch(engine);
      List<double[]> points = new ArrayList<>();
      int open = 0;
      for (int size : SCALE) {
        long growStarted = System.nanoTime();
        growBulk(app, open, size - open, today, section);
        double growSeconds = (System.nanoTime() - growStarted) / 1e9;
        int grown = size - open;
        open = size;
        app.analyze();
        warmUp(engine, mail, size, today);
        String at = String.format(Locale.ROOT, "%,d open", size);
        List<Round> rounds = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
          // Only the last round's statements are listed: each round runs the same ones.
          rounds.add(
              measureRound(
                  app,
                  mail,
                  size,
                  round,
                  today,
                  batch,
                  round == ROUNDS ? report : null,
                  section,
                  at));
        }
        long openCases =
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(AssessmentProcess.KEY)
                .count();
        long timerJobs = management.createJobQuery().timers().count();
        List<Double> completionMeans = rounds.stream().map(r -> mean(r.completions())).toList();
        List<Double> timerMeans = rounds.stream().map(Round::perTimer).toList();
        List<Double> completions = rounds.stream().flatMap(r -> r.completions().stream()).toList();
        List<Double> executions = rounds.stream().flatMap(r -> r.executions().stream()).toList();
        long findNanos = rounds.stream().mapToLong(Round::findNanos).sum();
        int fired = executions.size();
        int polls = rounds.stream().mapToInt(Round::polls).sum();
        long jobsLeftByCompletions = rounds.stream().mapToLong(Round::jobsLeftByCompletions).sum();
        double perCompletion = median(completionMeans);
        double perTimer = median(timerMeans);
        points.add(new double[] {size, perCompletion, perTimer});
        String roundsOf = ROUNDS + " rounds of " + SAMPLE;
        report.row(
            section,
            at + ": open assessments / timer jobs in ACT_RU_JOB, after the rounds",
            String.format(Locale.ROOT, "%,d / %,d", openCases, timerJobs),
            "",
            "");
        report.row(
            section,
            at
                + ": time to grow by "
                + String.format(Locale.ROOT, "%,d", grown)
                + " cases ("
                + THREADS
                + " threads, "
                + BULK_BATCH
                + " starts a transaction, at their first task, notices not sent)",
            String.format(
                Locale.ROOT,
                "%.0f s (%.1f ms per case)",
                growSeconds,
                growSeconds * 1000 / Math.max(1, grown)),
            "",
            "");
        report.row(
            section,
            at
                + ": ms per task completion ("
                + roundsOf
                + " x "
                + PREPARE_CASE_FOR_PANEL
                + "), median of the rounds' means (each round's mean)",
            ms(perCompletion) + " (" + eachMs(completionMeans) + ")",
            "",
            "");
        report.row(
            section,
            at + ": ms per task completion, median of all " + completions.size(),
            ms(median(completions)),
            "",
            "");
        report.row(
            section,
            at
                + ": ms per due timer (acquire + execute, "
                + roundsOf
                + " timers, batches of "
                + batch
                + "), median of the rounds (each round's)",
            ms(perTimer) + " (" + eachMs(timerMeans) + ")",
            "",
            "");
        report.row(
            section,
            at + ": of which finding, per due timer / per poll (" + polls + " polls)",
            ms(findNanos / 1e6 / Math.max(1, fired))
                + " / "
                + ms(findNanos / 1e6 / Math.max(1, polls)),
            "",
            "");
        report.row(
            section,
            at + ": of which executing, mean / median per timer",
            ms(mean(executions)) + " / " + ms(median(executions)),
            "",
            "");
        report.row(
            section,
            at + ": the last poll of each round, which finds nothing due",
            eachMs(rounds.stream().map(r -> r.emptyPollNanos() / 1e6).toList()),
            "",
            "");
        report.row(
            section,
            at + ": the job executor's own acquisition (AcquireJobsCmd), nothing due, median of 5",
            idleAcquisition(engine, batch),
            "",
            "");
        if (jobsLeftByCompletions > 0) {
          report.row(
              section,
              at + ": async jobs left by the completions (not timed)",
              String.valueOf(jobsLeftByCompletions),
              "",
              "0");
        }
        log(section + ": measured at " + at);
      }
      double[] first = points.get(0);
      double[] last = points.get(points.size() - 1);
      String range = String.format(Locale.ROOT, "%,d to %,d open", (int) first[0], (int) last[0]);
      report.row(
          section,
          "change per task completion, " + range,
          percent(last[1] / first[1] - 1),
          "",
          FLAT_GOAL);
      report.row(
          section,
          "change per due timer, " + range,
          percent(last[2] / first[2] - 1),
          "",
          FLAT_GOAL);
    }
  }

  /** One round's completions and due timers at one size; the figures a round gives. */
  private record Round(
      List<Double> completions,
      long jobsLeftByCompletions,
      long findNanos,
      long executeNanos,
      int polls,
      long emptyPollNanos,
      List<Double> executions) {

    double perTimer() {
      return (findNanos + executeNanos) / 1e6 / Math.max(1, executions.size());
    }
  }

  /**
   * {@link #SAMPLE} completions of bulk cases' first task, then as many requests made 50 days ago
   * whose decision timers are due, found and fired as the job executor would. Lists the statements
   * behind each in the report when given one.
   */
  private static Round measureRound(
      Section app,
      GreenMail mail,
      int size,
      int round,
      LocalDate today,
      int batch,
      Report statements,
      String section,
      String at)
      throws SQLException {
    ProcessEngine engine = app.engine();
    ManagementService management = engine.getManagementService();
    startRequests(engine, mail, "DUE-" + size + "-" + round + "-", SAMPLE, today.minusDays(50));
    List<Task> tasks =
        engine
            .getTaskService()
            .createTaskQuery()
            .processDefinitionKey(AssessmentProcess.KEY)
            .taskDefinitionKey(PREPARE_CASE_FOR_PANEL)
            .processInstanceBusinessKeyLike("EHCNA-BULK-%")
            .listPage(0, SAMPLE);
    if (tasks.size() < SAMPLE) {
      throw new IllegalStateException(
          "round "
              + round
              + " at "
              + at
              + " finds "
              + tasks.size()
              + " bulk tasks left; grow the smallest size or run fewer rounds");
    }
    Map<String, Object> evidence =
        Map.of(
            "graduatedApproachCycles",
            3,
            "progressDespiteSupport",
            false,
            "needsAcrossEducationHealthCare",
            true);
    List<Double> completions = new ArrayList<>();
    app.resetStatements();
    for (Task task : tasks) {
      long t0 = System.nanoTime();
      engine.getTaskService().complete(task.getId(), evidence);
      completions.add((System.nanoTime() - t0) / 1e6);
    }
    if (statements != null) {
      app.topStatements(statements, section, at + ": the completions", 3);
    }
    List<Job> leftByCompletions = management.createJobQuery().messages().executable().list();
    // Untimed, so the acquisitions below find only the sample's due timers.
    leftByCompletions.forEach(job -> management.executeJob(job.getId()));

    // Found as the job executor finds them (its own acquisition command, by due date), a batch
    // at a time, until none is left.
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    long findNanos = 0;
    long executeNanos = 0;
    int polls = 0;
    long emptyPollNanos;
    List<Double> executions = new ArrayList<>();
    app.resetStatements();
    while (true) {
      long t0 = System.nanoTime();
      List<String> due =
          configuration
              .getCommandExecutorTxRequired()
              .execute(new AcquireJobsCmd(configuration.getJobExecutor(), batch))
              .getJobIdBatches()
              .stream()
              .flatMap(List::stream)
              .toList();
      long polled = System.nanoTime() - t0;
      findNanos += polled;
      polls++;
      if (due.isEmpty()) {
        emptyPollNanos = polled;
        break;
      }
      for (String job : due) {
        long t1 = System.nanoTime();
        management.executeJob(job);
        long took = System.nanoTime() - t1;
        executeNanos += took;
        executions.add(took / 1e6);
      }
      if (executions.size() > 2 * SAMPLE) {
        throw new IllegalStateException(
            "more timers are due than the sample's: the bulk's dates are wrong");
      }
    }
    if (statements != null) {
      app.topStatements(statements, section, at + ": the due timers (acquire + execute)", 3);
    }
    log(
        section
            + ": "
            + at
            + ", round "
            + round
            + ": "
            + ms(mean(completions))
            + " per completion, "
            + ms((findNanos + executeNanos) / 1e6 / Math.max(1, executions.size()))
            + " per due timer");
    return new Round(
        completions,
        leftByCompletions.size(),
        findNanos,
        executeNanos,
        polls,
        emptyPollNanos,
        executions);
  }

  /**
   * Completions and due timers like the measured ones, untimed, so the first size's figures are not
   * the first use of the decision table and the queries, and each size starts with the database
   * pages a running system would have in memory.
   */
  private static void warmUp(ProcessEngine engine, GreenMail mail, int size, LocalDate today) {
    Map<String, Object> evidence =
        Map.of(
            "graduatedApproachCycles",
            3,
            "progressDespiteSupport",
            false,
            "needsAcrossEducationHealthCare",
            true);
    for (Task task :
        engine
            .getTaskService()
            .createTaskQuery()
            .processDefinitionKey(AssessmentProcess.KEY)
            .taskDefinitionKey(PREPARE_CASE_FOR_PANEL)
            .processInstanceBusinessKeyLike("EHCNA-BULK-%")
            .listPage(0, WARM_UP_STEPS)) {
      engine.getTaskService().complete(task.getId(), evidence);
    }
    // These timers are due too, so they are fired now; the sample's are fired in the measurement.
    List<String> warmCases = new ArrayList<>();
    for (int n = 0; n < WARM_UP_STEPS; n++) {
      warmCases.add(
          engine
              .getRuntimeService()
              .startProcessInstanceByKey(
                  AssessmentProcess.KEY,
                  "EHCNA-WARM-" + size + "-" + n,
                  request("WARM-" + size + "-" + n, today.minusDays(50), n))
              .getId());
      runMessageJobs(engine.getManagementService(), warmCases.get(n));
    }
    for (String id : warmCases) {
      for (Job timer :
          engine
              .getManagementService()
              .createJobQuery()
              .processInstanceId(id)
              .timers()
              .executable()
              .list()) {
        engine.getManagementService().executeJob(timer.getId());
      }
    }
    purge(mail);
  }

  /** A request as a parent makes it; the same child data for every case. */
  private static Map<String, Object> request(String childId, LocalDate received, int n) {
    Map<String, Object> request = new HashMap<>();
    request.put("childId", childId);
    request.put("childName", "Child " + childId);
    request.put("dateOfBirth", "2016-03-14");
    request.put("requestReceivedDate", received.toString());
    request.put("requester", "parent");
    // A few shared addresses: GreenMail keeps a mailbox per address for the whole run.
    request.put("parentEmail", "parent" + (n % 50) + "@example.org");
    return request;
  }

  /**
   * Requests started as a parent's request starts, with each one's notices sent, so each waits
   * where a real open case would (its first task and its decision timer). Only the case's own
   * message jobs are run, so no timer fires early.
   */
  private static void startRequests(
      ProcessEngine engine, GreenMail mail, String prefix, int count, LocalDate received) {
    for (int n = 0; n < count; n++) {
      String id =
          engine
              .getRuntimeService()
              .startProcessInstanceByKey(
                  AssessmentProcess.KEY, "EHCNA-" + prefix + n, request(prefix + n, received, n))
              .getId();
      runMessageJobs(engine.getManagementService(), id);
    }
    purge(mail);
  }

  /**
   * The bulk of the open cases, started through the engine where a registered request waits: at its
   * first task, with the variables registration sets (computed by the application's own {@link
   * AssessmentService}), so each has the task, the timers, the message subscriptions and the
   * variables of a real open case. Their opening notices are not sent and a batch of starts shares
   * a transaction: sending four notices a case took about 90 ms a case on this machine, hours for
   * 100,000 cases spent only on growing, and neither the notice rows nor the transaction boundaries
   * are what the completions and timers measured here read.
   */
  private static void growBulk(Section app, int from, int count, LocalDate today, String section)
      throws Exception {
    if (count <= 0) {
      return;
    }
    ProcessEngine engine = app.engine();
    AssessmentService assessments = app.bean(AssessmentService.class);
    CommandExecutor transaction =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired();
    int end = from + count;
    AtomicInteger next = new AtomicInteger(from);
    AtomicInteger done = new AtomicInteger();
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        workers.add(
            pool.submit(
                () -> {
                  for (int first = next.getAndAdd(BULK_BATCH);
                      first < end;
                      first = next.getAndAdd(BULK_BATCH)) {
                    int batchStart = first;
                    int batchEnd = Math.min(end, first + BULK_BATCH);
                    transaction.execute(
                        context -> {
                          for (int n = batchStart; n < batchEnd; n++) {
                            LocalDate received = today.minusDays(n % 35);
                            Map<String, Object> variables = request("BULK-" + n, received, n);
                            variables.putAll(
                                assessments.registration(
                                    received, LocalDate.parse("2016-03-14"), null));
                            engine
                                .getRuntimeService()
                                .createProcessInstanceByKey(AssessmentProcess.KEY)
                                .businessKey("EHCNA-BULK-" + n)
                                .setVariables(variables)
                                .startBeforeActivity(PREPARE_CASE_FOR_PANEL)
                                .execute();
                          }
                          return null;
                        });
                    int finished = done.addAndGet(batchEnd - batchStart);
                    if (finished / 10_000 != (finished - (batchEnd - batchStart)) / 10_000) {
                      double seconds = (System.nanoTime() - started) / 1e9;
                      log(
                          String.format(
                              Locale.ROOT,
                              "%s: started %,d of %,d, %.0f s, %.1f ms per case",
                              section,
                              finished,
                              count,
                              seconds,
                              seconds * 1000 / finished));
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** What every idle poll of every node costs: the engine's acquisition query, finding nothing. */
  private static String idleAcquisition(ProcessEngine engine, int batch) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    JobExecutor jobExecutor = configuration.getJobExecutor();
    if (jobExecutor == null) {
      return "n/a (no job executor configured)";
    }
    List<Double> millis = new ArrayList<>();
    int acquired = 0;
    for (int n = 0; n < 5; n++) {
      long t0 = System.nanoTime();
      // The command the acquisition thread runs; built directly, as the factory is only set up
      // when the job executor starts, and here it is off.
      AcquiredJobs jobs =
          configuration
              .getCommandExecutorTxRequired()
              .execute(new AcquireJobsCmd(jobExecutor, batch));
      millis.add((System.nanoTime() - t0) / 1e6);
      acquired += jobs.size();
    }
    return ms(median(millis))
        + (acquired > 0 ? " (acquired " + acquired + ": something else was due)" : "");
  }

  private static void runMessageJobs(ManagementService management, String processInstanceId) {
    for (int round = 0; round < 20; round++) {
      List<Job> jobs =
          management
              .createJobQuery()
              .processInstanceId(processInstanceId)
              .messages()
              .executable()
              .list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
    throw new IllegalStateException("notices keep appearing for " + processInstanceId);
  }

  /** How many jobs the job executor takes per acquisition, so the benchmark polls as it would. */
  private static int acquisitionBatch(ProcessEngine engine) {
    JobExecutor executor =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    return executor == null ? 3 : executor.getMaxJobsPerAcquisition();
  }

  // --- 4. Phase-transfer cohort --------------------------------------------------------------

  /**
   * The cohort run as production runs it, through the cohort process's jobs (finding the cohort,
   * then a job per batch of children), over a register of 1,000 plans and then of the full size,
   * each on a new database: the time per plan at both sizes shows whether it grows with the
   * register.
   */
  private void phaseTransferCohort(EmbeddedPostgres postgres, GreenMail mail, Report report)
      throws Exception {
    String section = "4. phase-transfer cohort";
    LocalDate today = LocalDate.of(2026, 9, 7);
    report.row(
        section,
        "heap max (-Xmx of the test JVM); time allowed per run",
        mb(Runtime.getRuntime().maxMemory()) + "; " + COHORT_BUDGET_MINUTES + " min",
        "",
        "");
    List<double[]> perPlan = new ArrayList<>();
    for (int size : new TreeSet<>(List.of(Math.min(1_000, COHORT), COHORT))) {
      double seconds = cohortAsJobs(postgres, mail, report, section, today, size);
      if (Double.isNaN(seconds)) {
        break;
      }
      perPlan.add(new double[] {size, seconds * 1000 / size});
    }
    if (perPlan.size() == 2) {
      report.row(
          section,
          String.format(
              Locale.ROOT,
              "change in time per plan, %,d to %,d plans",
              (int) perPlan.get(0)[0],
              (int) perPlan.get(1)[0]),
          percent(perPlan.get(1)[1] / perPlan.get(0)[1] - 1),
          "",
          "");
    }
  }

  /**
   * One run of the cohort process over a new register of {@code size} plans; its wall time in
   * seconds, or NaN.
   */
  private static double cohortAsJobs(
      EmbeddedPostgres postgres,
      GreenMail mail,
      Report report,
      String section,
      LocalDate today,
      int size)
      throws Exception {
    String run = String.format(Locale.ROOT, "%,d plans, run as the cohort process's jobs", size);
    try (Section app = Section.start(postgres, mail, "bench_cohort_" + size)) {
      ProcessEngine engine = app.engine();
      ManagementService management = engine.getManagementService();
      ClockUtil.setCurrentTime(StatutoryDates.startOfDay(today));
      long seedStarted = System.nanoTime();
      seedPlans(app, size, section);
      app.analyze();
      report.row(
          section,
          String.format(
              Locale.ROOT,
              "%,d plans: running annual reviews seeded (Year 6 and Year 11"
                  + " children, real starts, %d a transaction)",
              size,
              BULK_BATCH),
          seconds(System.nanoTime() - seedStarted),
          "",
          "");
      log(section + ": " + run);
      app.resetStatements();
      try (HeapWatch heap = new HeapWatch();
          Watchdog watchdog = new Watchdog(app, run, section)) {
        long t0 = System.nanoTime();
        try {
          ProcessInstance cohortRun =
              engine
                  .getRuntimeService()
                  .createMessageCorrelation(PhaseTransferCohortProcess.RUN_NOW_MESSAGE)
                  .correlateStartMessage();
          Job find =
              management.createJobQuery().processInstanceId(cohortRun.getId()).singleResult();
          management.executeJob(find.getId());
          long found = System.nanoTime() - t0;
          List<Double> batchMillis = new ArrayList<>();
          for (Job batch :
              management.createJobQuery().processInstanceId(cohortRun.getId()).list()) {
            long t1 = System.nanoTime();
            management.executeJob(batch.getId());
            batchMillis.add((System.nanoTime() - t1) / 1e6);
          }
          long wall = System.nanoTime() - t0;
          // By name: each batch of the multi-instance has its own loopCounter.
          Object started =
              engine
                  .getHistoryService()
                  .createHistoricVariableInstanceQuery()
                  .processInstanceId(cohortRun.getId())
                  .variableName(PhaseTransferCohortVariables.COHORT_STARTED.name())
                  .singleResult()
                  .getValue();
          report.row(
              section,
              run + ": wall time; transfers started",
              seconds(wall) + "; " + started,
              "",
              String.valueOf(size));
          report.row(
              section,
              run
                  + ": finding the cohort (one job); batches of "
                  + PhaseTransferCohort.BATCH_SIZE
                  + " (a job each, a transaction each): count, mean / slowest",
              seconds(found)
                  + "; "
                  + batchMillis.size()
                  + ", "
                  + ms(mean(batchMillis))
                  + " / "
                  + ms(batchMillis.stream().mapToDouble(Double::doubleValue).max().orElse(0)),
              "",
              "");
          report.row(section, run + ": per plan", ms(wall / 1e6 / size), "", "");
          heap.report(report, section, run);
          app.topStatements(report, section, run, 2);
          report.row(
              section,
              run + ": phase-transfer reviews / annual reviews running afterwards",
              String.format(
                  Locale.ROOT,
                  "%,d / %,d",
                  engine
                      .getRuntimeService()
                      .createProcessInstanceQuery()
                      .processDefinitionKey(PhaseTransferProcess.KEY)
                      .count(),
                  engine
                      .getRuntimeService()
                      .createProcessInstanceQuery()
                      .processDefinitionKey(AnnualReviewProcess.KEY)
                      .count()),
              "",
              String.format(Locale.ROOT, "%,d / 0", size));
          return wall / 1e9;
        } catch (Throwable failed) {
          report.row(
              section,
              run + ": wall time; outcome",
              seconds(System.nanoTime() - t0)
                  + "; "
                  + (watchdog.stopped()
                      ? "stopped by the benchmark at " + COHORT_BUDGET_MINUTES + " min"
                      : "failed: " + rootCause(failed)),
              "",
              "completed");
          heap.report(report, section, run);
          return Double.NaN;
        }
      }
    }
  }

  /**
   * Plans issued 1 March 2026, half for children in Year 6 and half in Year 11 in 2026/27. Each is
   * a real start (validation, scheduling); a batch of starts shares a transaction only so that
   * seeding takes minutes rather than the better part of an hour.
   */
  private static void seedPlans(Section app, int count, String section) throws Exception {
    ProcessEngine engine = app.engine();
    CommandExecutor transaction =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        workers.add(
            pool.submit(
                () -> {
                  for (int first = next.getAndAdd(BULK_BATCH);
                      first < count;
                      first = next.getAndAdd(BULK_BATCH)) {
                    int batchStart = first;
                    int batchEnd = Math.min(count, first + BULK_BATCH);
                    transaction.execute(
                        context -> {
                          for (int n = batchStart; n < batchEnd; n++) {
                            boolean year6 = n % 2 == 0;
                            LocalDate born =
                                (year6 ? LocalDate.of(2015, 9, 1) : LocalDate.of(2010, 9, 1))
                                    .plusDays(n % 365);
                            Map<String, Object> plan = new HashMap<>();
                            plan.put("childId", "CO-" + n);
                            plan.put("childName", "Child " + n);
                            plan.put("dateOfBirth", born.toString());
                            plan.put("parentEmail", "parent" + (n % 50) + "@example.org");
                            plan.put("planIssuedDate", "2026-03-01");
                            plan.put("namedSetting", "Setting " + (n % 40));
                            plan.put("settingPhase", year6 ? "primary" : "secondary");
                            engine
                                .getRuntimeService()
                                .startProcessInstanceByKey(
                                    AnnualReviewProcess.KEY, "AR-CO-" + n + "-2026-03-01", plan);
                          }
                          return null;
                        });
                    int finished = done.addAndGet(batchEnd - batchStart);
                    if (finished / 5_000 != (finished - (batchEnd - batchStart)) / 5_000) {
                      log(
                          String.format(
                              Locale.ROOT,
                              "%s: seeded %,d of %,d plans, %.0f s",
                              section,
                              finished,
                              count,
                              (System.nanoTime() - started) / 1e9));
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Logs a long run's progress each minute and, past the time allowed, cancels the statement it is
   * running on the database, which fails and rolls back its transaction: a run that would take
   * hours is reported as not finishing, not waited for.
   */
  static final class Watchdog implements AutoCloseable {

    private final ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "benchmark-watchdog");
              thread.setDaemon(true);
              return thread;
            });
    private final AtomicInteger ticks = new AtomicInteger();
    private volatile boolean stopped;

    Watchdog(Section app, String run, String section) {
      long started = System.nanoTime();
      timer.scheduleAtFixedRate(
          () -> {
            try {
              double minutes = (System.nanoTime() - started) / 6e10;
              if (ticks.incrementAndGet() % 4 == 0) {
                Runtime runtime = Runtime.getRuntime();
                log(
                    String.format(
                        Locale.ROOT,
                        "%s: %s running %.0f min, heap in use %s, %,.0f SQL statements",
                        section,
                        run,
                        minutes,
                        mb(runtime.totalMemory() - runtime.freeMemory()),
                        app.statements()[0]));
              }
              if (minutes >= COHORT_BUDGET_MINUTES) {
                stopped = true;
                app.cancelRunningStatements();
              }
            } catch (Exception e) {
              log(section + ": watchdog: " + rootCause(e));
            }
          },
          15,
          15,
          TimeUnit.SECONDS);
    }

    boolean stopped() {
      return stopped;
    }

    @Override
    public void close() {
      timer.shutdownNow();
    }
  }

  /**
   * The heap during one run: the peak of each heap pool since the run began (their sum is an upper
   * bound, the pools peak at different moments) and what each garbage collection found in use
   * before and after it (after is the live data the run really holds).
   */
  static final class HeapWatch implements AutoCloseable, NotificationListener {

    private final List<MemoryPoolMXBean> pools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .toList();
    private final Set<String> poolNames =
        pools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final List<GarbageCollectorMXBean> collectors =
        ManagementFactory.getGarbageCollectorMXBeans();
    private final AtomicLong maxBeforeGc = new AtomicLong();
    private final AtomicLong maxAfterGc = new AtomicLong();
    private final AtomicInteger collections = new AtomicInteger();
    private final long gcMillisBefore;

    HeapWatch() {
      System.gc();
      pools.forEach(MemoryPoolMXBean::resetPeakUsage);
      gcMillisBefore =
          collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
      for (GarbageCollectorMXBean collector : collectors) {
        if (collector instanceof NotificationEmitter emitter) {
          emitter.addNotificationListener(this, null, null);
        }
      }
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
      if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
          notification.getType())) {
        return;
      }
      GarbageCollectionNotificationInfo info =
          GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
      maxBeforeGc.accumulateAndGet(heapOf(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
      maxAfterGc.accumulateAndGet(heapOf(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
      collections.incrementAndGet();
    }

    private long heapOf(Map<String, MemoryUsage> usage) {
      return usage.entrySet().stream()
          .filter(entry -> poolNames.contains(entry.getKey()))
          .mapToLong(entry -> entry.getValue().getUsed())
          .sum();
    }

    void report(Report report, String section, String run) {
      long peak = pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
      long gcMillis =
          collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum()
              - gcMillisBefore;
      report.row(
          section,
          run
              + ": heap in use seen by GC, highest before / after a collection; sum of the heap"
              + " pools' peaks; collections, GC time",
          mb(maxBeforeGc.get())
              + " / "
              + mb(maxAfterGc.get())
              + "; "
              + mb(peak)
              + "; "
              + collections.get()
              + ", "
              + String.format(Locale.ROOT, "%.1f s", gcMillis / 1000.0),
          "",
          "");
    }

    @Override
    public void close() {
      for (GarbageCollectorMXBean collector : collectors) {
        if (collector instanceof NotificationEmitter emitter) {
          try {
            emitter.removeNotificationListener(this);
          } catch (javax.management.ListenerNotFoundException ignored) {
            // never registered on this collector
          }
        }
      }
    }
  }

  // --- The driver and its step times ----------------------------------------------------------

  /**
   * Drives cases as people and the job executor would, timing each step into the current record.
   */
  static final class Driver {

    /** The yearly cohort run is not part of any case, and a moved clock could make it due. */
    private static final Set<String> NOT_CASE_WORK = Set.of(PhaseTransferCohortProcess.KEY);

    final ProcessEngine engine;
    private Steps steps = new Steps();

    /**
     * When set, the variables of each start and completion, in order (the case data a case
     * carries).
     */
    private List<Map<String, Object>> captured;

    Driver(ProcessEngine engine) {
      this.engine = engine;
    }

    void record(Steps into) {
      steps = into;
    }

    void capture(List<Map<String, Object>> into) {
      captured = into;
    }

    void clock(String dateTime) {
      ClockUtil.setCurrentTime(
          Date.from(LocalDateTime.parse(dateTime).atZone(StatutoryClock.ZONE).toInstant()));
    }

    String start(String key, String businessKey, Map<String, Object> variables) {
      if (captured != null) {
        captured.add(Map.copyOf(variables));
      }
      long t0 = System.nanoTime();
      String id =
          engine.getRuntimeService().startProcessInstanceByKey(key, businessKey, variables).getId();
      steps.starts.add((System.nanoTime() - t0) / 1e6);
      return id;
    }

    void complete(String processInstanceId, String taskKey, Map<String, Object> variables) {
      Task task =
          engine
              .getTaskService()
              .createTaskQuery()
              .processInstanceId(processInstanceId)
              .taskDefinitionKey(taskKey)
              .singleResult();
      if (task == null) {
        throw new IllegalStateException("no open task " + taskKey + " in " + processInstanceId);
      }
      complete(task, variables);
    }

    /** One step, then every job that falls due because of it, each its own step. */
    void complete(Task task, Map<String, Object> variables) {
      if (captured != null) {
        captured.add(Map.copyOf(variables));
      }
      long t0 = System.nanoTime();
      engine.getTaskService().complete(task.getId(), variables);
      steps.tasks.add((System.nanoTime() - t0) / 1e6);
      runDueJobs();
    }

    void runDueJobs() {
      ManagementService management = engine.getManagementService();
      for (int round = 0; round < 50; round++) {
        List<Job> due =
            management.createJobQuery().executable().list().stream()
                .filter(
                    job ->
                        job.getProcessInstanceId() != null
                            && !NOT_CASE_WORK.contains(job.getProcessDefinitionKey()))
                .toList();
        if (due.isEmpty()) {
          return;
        }
        for (Job job : due) {
          long t0 = System.nanoTime();
          management.executeJob(job.getId());
          double took = (System.nanoTime() - t0) / 1e6;
          (job instanceof TimerEntity ? steps.timerJobs : steps.asyncJobs).add(took);
        }
      }
      throw new IllegalStateException("jobs keep appearing");
    }

    boolean running(String processInstanceId) {
      return engine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .processInstanceId(processInstanceId)
              .count()
          > 0;
    }
  }

  /** Step times in milliseconds, by kind. */
  static final class Steps {
    final List<Double> tasks = new ArrayList<>();
    final List<Double> asyncJobs = new ArrayList<>();
    final List<Double> timerJobs = new ArrayList<>();

    /** Kept apart: a process start is not a step, and ours validates and registers in it. */
    final List<Double> starts = new ArrayList<>();

    int cases;

    List<Double> all() {
      List<Double> all = new ArrayList<>(tasks);
      all.addAll(asyncJobs);
      all.addAll(timerJobs);
      return all;
    }
  }

  // --- Each section's own application and database -------------------------------------------

  /** The real application on a new database of the embedded server; dropped when closed. */
  static final class Section implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final String database;
    private final ConfigurableApplicationContext app;

    private Section(
        EmbeddedPostgres postgres, String database, ConfigurableApplicationContext app) {
      this.postgres = postgres;
      this.database = database;
      this.app = app;
    }

    static Section start(EmbeddedPostgres postgres, GreenMail mail, String database)
        throws SQLException, IOException {
      admin(postgres, "DROP DATABASE IF EXISTS " + database);
      admin(postgres, "CREATE DATABASE " + database);
      Path dataDir = Path.of("target", "benchmark", "data", database).toAbsolutePath();
      Files.createDirectories(dataDir);
      Map<String, Object> settings = new LinkedHashMap<>();
      // Always the embedded server: the benchmark must never reach the application's own database.
      settings.put("spring.datasource.url", postgres.getJdbcUrl("postgres", database));
      settings.put("spring.datasource.username", "postgres");
      settings.put("spring.datasource.password", "");
      settings.put("ehc.data-dir", dataDir.toString());
      settings.put("ehc.security.admin-password", "Benchmark-Only-2026");
      settings.put("spring.mail.host", "127.0.0.1");
      settings.put("spring.mail.port", mail.getSmtp().getPort());
      log("starting the application on database " + database);
      return new Section(postgres, database, AppRunner.start(settings, "postgres"));
    }

    ProcessEngine engine() {
      return app.getBean(ProcessEngine.class);
    }

    <T> T bean(Class<T> type) {
      return app.getBean(type);
    }

    /** Fresh statistics, as autovacuum would have by the time a council had this many cases. */
    void analyze() throws SQLException {
      try (Connection connection = app.getBean(DataSource.class).getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("ANALYZE");
      }
    }

    /** Statements run on this section's database so far, and their execution time in ms. */
    double[] statements() throws SQLException {
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
          var query =
              connection.prepareStatement(
                  "SELECT coalesce(sum(s.calls), 0), coalesce(sum(s.total_exec_time), 0)"
                      + " FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = ?")) {
        query.setString(1, database);
        try (ResultSet result = query.executeQuery()) {
          result.next();
          return new double[] {result.getDouble(1), result.getDouble(2)};
        }
      }
    }

    void resetStatements() throws SQLException {
      admin(postgres, "SELECT pg_stat_statements_reset()");
    }

    /**
     * The statements since the last reset, by kind and table, per case, largest first: where a
     * side's SQL goes. A statement's table is the first one it names.
     */
    String statementsByTable(int cases, int limit) throws SQLException {
      Map<String, Long> calls = new HashMap<>();
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
          var query =
              connection.prepareStatement(
                  "SELECT s.calls, s.query FROM pg_stat_statements s"
                      + " JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = ?")) {
        query.setString(1, database);
        try (ResultSet result = query.executeQuery()) {
          while (result.next()) {
            String sql =
                result.getString(2).strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            String kind = sql.split(" ", 2)[0];
            Matcher table = Pattern.compile("(?:from|into|update) (\\w+)").matcher(sql);
            String key = kind + " " + (table.find() ? table.group(1) : "-");
            calls.merge(key, result.getLong(1), Long::sum);
          }
        }
      }
      return calls.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .limit(limit)
          .map(
              entry ->
                  entry.getKey()
                      + " "
                      + String.format(Locale.ROOT, "%.1f", entry.getValue() / (double) cases))
          .collect(Collectors.joining(", "));
    }

    /** Cancels whatever this section's database is running now; its transaction rolls back. */
    void cancelRunningStatements() throws SQLException {
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
          var cancel =
              connection.prepareStatement(
                  "SELECT pg_cancel_backend(pid) FROM pg_stat_activity"
                      + " WHERE datname = ? AND state = 'active' AND pid <> pg_backend_pid()")) {
        cancel.setString(1, database);
        cancel.executeQuery().close();
      }
    }

    /**
     * The statements that took the most database time since the last reset, to show why a run took
     * what it did.
     */
    void topStatements(Report report, String section, String run, int limit) throws SQLException {
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
          var query =
              connection.prepareStatement(
                  "SELECT s.calls, s.total_exec_time, s.mean_exec_time, s.query"
                      + " FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = ?"
                      + " ORDER BY s.total_exec_time DESC LIMIT "
                      + limit)) {
        query.setString(1, database);
        try (ResultSet result = query.executeQuery()) {
          for (int rank = 1; result.next(); rank++) {
            String sql = result.getString(4).replaceAll("\\s+", " ");
            report.row(
                section,
                run + ": database time, statement " + rank + " (calls, total, mean)",
                String.format(
                    Locale.ROOT,
                    "%,d calls, %,.0f ms, %.2f ms: %s",
                    result.getLong(1),
                    result.getDouble(2),
                    result.getDouble(3),
                    sql.length() > 160 ? sql.substring(0, 160) + "..." : sql),
                "",
                "");
          }
        }
      }
    }

    /** What one case left in the history and notice tables, to show how much each step writes. */
    String rowsWritten(String processInstanceId) throws SQLException {
      String[][] tables = {
        {"act_hi_actinst", "proc_inst_id_"},
        {"act_hi_varinst", "proc_inst_id_"},
        {"act_hi_detail", "proc_inst_id_"},
        {"act_hi_taskinst", "proc_inst_id_"},
        {"act_hi_identitylink", "root_proc_inst_id_"},
        {"act_hi_job_log", "process_instance_id_"},
        {"ehc_notice", "process_instance_id"}
      };
      List<String> counts = new ArrayList<>();
      long total = 0;
      try (Connection connection = app.getBean(DataSource.class).getConnection()) {
        for (String[] table : tables) {
          try (var query =
              connection.prepareStatement(
                  "SELECT count(*) FROM " + table[0] + " WHERE " + table[1] + " = ?")) {
            query.setString(1, processInstanceId);
            try (ResultSet result = query.executeQuery()) {
              result.next();
              long count = result.getLong(1);
              total += count;
              counts.add(table[0].replace("act_hi_", "").replace("ehc_", "") + " " + count);
            }
          }
        }
      }
      return total + " (" + String.join(", ", counts) + ")";
    }

    @Override
    public void close() throws SQLException {
      try {
        app.close();
      } finally {
        ClockUtil.reset();
        // Frees the disk for the next section; the largest one is several gigabytes.
        admin(postgres, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      }
    }

    private static void admin(EmbeddedPostgres postgres, String sql) throws SQLException {
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
      }
    }
  }

  // --- The table -------------------------------------------------------------------------------

  static final class Report {
    private final List<String[]> rows = new ArrayList<>();

    void row(String section, String figure, String ours, String baseline, String goal) {
      rows.add(new String[] {section, figure, ours, baseline, goal});
      log("| " + String.join(" | ", section, figure, ours, baseline, goal) + " |");
    }

    String markdown() {
      StringBuilder table =
          new StringBuilder("| section | figure | EHC Flow | bare Camunda baseline | goal |\n")
              .append("|---|---|---|---|---|\n");
      for (String[] row : rows) {
        table
            .append("| ")
            .append(
                Arrays.stream(row)
                    .map(cell -> cell.replace("|", "\\|"))
                    .collect(Collectors.joining(" | ")))
            .append(" |\n");
      }
      return table.toString();
    }
  }

  private static void machine(Report report, EmbeddedPostgres postgres, double load)
      throws SQLException {
    Runtime runtime = Runtime.getRuntime();
    report.row(
        "machine",
        "cores / max heap",
        runtime.availableProcessors() + " / " + mb(runtime.maxMemory()),
        "",
        "");
    report.row(
        "machine",
        "OS / Java",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.arch")
            + " / "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vm.name")
            + ")",
        "",
        "");
    report.row("machine", "CPU", cpuModel(), "", "");
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      String version;
      try (ResultSet result = statement.executeQuery("SHOW server_version")) {
        result.next();
        version = result.getString(1);
      }
      statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      String settings = "";
      for (String name :
          List.of("synchronous_commit", "fsync", "shared_buffers", "shared_preload_libraries")) {
        try (ResultSet result = statement.executeQuery("SHOW " + name)) {
          result.next();
          settings += (settings.isEmpty() ? "" : ", ") + name + "=" + result.getString(1);
        }
      }
      report.row(
          "machine",
          "PostgreSQL (embedded binaries, same machine)",
          version + "; " + settings,
          "",
          "");
    }
    report.row(
        "machine",
        "sizes",
        "cases="
            + CASES
            + ", scale="
            + SCALE.stream().map(String::valueOf).collect(Collectors.joining(","))
            + ", rounds="
            + ROUNDS
            + ", cohort="
            + COHORT
            + ", sections="
            + SECTIONS.stream().sorted().collect(Collectors.joining(",")),
        "",
        "");
  }

  /**
   * One plain mail to the benchmark's server and to an unchanged GreenMail, so a reader can see how
   * much of a notice step is the mail server.
   */
  private static void mailCost(Report report, GreenMail mail) {
    GreenMail plain = BenchmarkMail.start(false);
    try {
      report.row(
          "machine",
          "one mail to the test SMTP server (GreenMail, Nagle off / unchanged), median of 20: "
              + "new connection each; kept connection, as the application sends",
          ms(BenchmarkMail.medianSendMillis(mail, 20, false))
              + " / "
              + ms(BenchmarkMail.medianSendMillis(plain, 20, false))
              + "; "
              + ms(BenchmarkMail.medianSendMillis(mail, 20, true))
              + " / "
              + ms(BenchmarkMail.medianSendMillis(plain, 20, true)),
          "",
          "");
    } finally {
      plain.stop();
      purge(mail);
    }
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).strip())
          .findFirst()
          .orElse("unknown");
    } catch (IOException | RuntimeException unreadable) {
      return "unknown (/proc/cpuinfo not readable)";
    }
  }

  // --- Small helpers ---------------------------------------------------------------------------

  interface SectionBody {
    void run() throws Exception;
  }

  /** A broken section is one row of the table, not the end of the run. */
  private static void section(
      Report report, List<Throwable> failures, String name, SectionBody body) {
    if (!SECTIONS.contains(name.substring(0, name.indexOf('.')))) {
      return;
    }
    log("section " + name + " starts");
    long started = System.nanoTime();
    try {
      body.run();
    } catch (Throwable failed) {
      failures.add(failed);
      failed.printStackTrace();
      report.row(
          name,
          "SECTION FAILED after " + minutes(System.nanoTime() - started),
          rootCause(failed),
          "",
          "");
    } finally {
      ClockUtil.reset();
    }
    log("section " + name + " done in " + minutes(System.nanoTime() - started));
  }

  private static List<Integer> sizes(String list) {
    List<Integer> sizes =
        Arrays.stream(list.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(Integer::valueOf)
            .toList();
    for (int i = 1; i < sizes.size(); i++) {
      if (sizes.get(i) < sizes.get(i - 1)) {
        throw new IllegalArgumentException("ehc.benchmark.scale must grow: " + list);
      }
    }
    if (sizes.isEmpty()) {
      throw new IllegalArgumentException("ehc.benchmark.scale is empty");
    }
    return sizes;
  }

  private static Date at(LocalDate day, int hour, int minute) {
    return Date.from(day.atTime(hour, minute).atZone(StatutoryClock.ZONE).toInstant());
  }

  private static List<String> keys(List<Task> tasks) {
    return tasks.stream().map(Task::getTaskDefinitionKey).toList();
  }

  static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private static String perCase(int total, int cases) {
    double value = total / (double) Math.max(1, cases);
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String ms(double millis) {
    return Double.isNaN(millis) ? "n/a" : String.format(Locale.ROOT, "%.2f ms", millis);
  }

  private static String eachMs(List<Double> millis) {
    return millis.stream().map(EngineBenchmark::ms).collect(Collectors.joining(", "));
  }

  private static String ratio(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%+.0f%%", fraction * 100);
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%,d MB", bytes / (1 << 20));
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
  }

  private static String minutes(long nanos) {
    long seconds = Math.round(nanos / 1e9);
    return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
  }

  private static String rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getClass().getSimpleName() + ": " + cause.getMessage();
    return message.length() > 300 ? message.substring(0, 300) + "..." : message;
  }

  private static void purge(GreenMail mail) {
    try {
      mail.purgeEmailFromAllMailboxes();
    } catch (com.icegreen.greenmail.store.FolderException e) {
      throw new IllegalStateException("could not empty the test mail server", e);
    }
  }

  private static void log(String message) {
    System.out.println(
        "[engine-benchmark "
            + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"))
            + "] "
            + message);
  }
}
