package org.ehcflow.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.ehcflow.reporting.caseload.Caseload;
import org.ehcflow.reporting.caseload.CaseloadReport;
import org.ehcflow.statutory.StatutoryDates;
import org.ehcflow.support.AppRunner;
import org.ehcflow.vocabulary.EhcGroups;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The managers' caseload over a large council's open work, on PostgreSQL: 40 caseworkers holding
 * 200 tasks each, and 2,000 partner and queue tasks (10,000 open tasks, created through the
 * engine's TaskService, due dates spread two months either side of today). Reports the time of one
 * caseload answer and the SELECT statements it sends (from PostgreSQL's own statement log), beside
 * the same figures counted with the engine's task queries, three counts per person and per group.
 * Asserts nothing, since these machines are shared and noisy. Run with {@code ./mvnw -Pbenchmark
 * test -Dtest=CaseloadBenchmark}.
 */
@Tag("benchmark")
class CaseloadBenchmark {

  private static final int CASEWORKERS = Integer.getInteger("ehc.benchmark.caseworkers", 40);
  private static final int PER_CASEWORKER = Integer.getInteger("ehc.benchmark.per-caseworker", 200);
  private static final int QUEUED = Integer.getInteger("ehc.benchmark.queued", 2_000);
  private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
  private static final String[] PARTNERS = {
    EhcGroups.EDUCATIONAL_PSYCHOLOGY.id(),
    EhcGroups.HEALTH.id(),
    EhcGroups.SOCIAL_CARE.id(),
    EhcGroups.EDUCATION_SETTING.id(),
    EhcGroups.LA_CASEWORKER.id()
  };
  private static final Pattern SELECT_LOGGED =
      Pattern.compile("LOG:\\s+(statement|execute [^:]*):\\s+(?i)select\\b");

  @Test
  void caseload_over_10000_open_tasks() throws Exception {
    Path logs = Files.createTempDirectory("ehc-caseload-pglog");
    try (EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setServerConfig("logging_collector", "on")
            .setServerConfig("log_directory", logs.toAbsolutePath().toString())
            .setServerConfig("log_filename", "postgres.log")
            .start()) {
      Map<String, Object> settings = new HashMap<>();
      settings.put(
          "spring.datasource.url",
          postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
      settings.put("spring.datasource.username", "postgres");
      settings.put("spring.datasource.password", "");
      settings.put("ehc.security.admin-password", "Benchmark-Only-2026!");
      settings.put("spring.mail.port", "2599");
      try (ConfigurableApplicationContext app = AppRunner.start(settings, "postgres")) {
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        DataSource dataSource = app.getBean(DataSource.class);
        ClockUtil.setCurrentTime(StatutoryDates.startOfDay(TODAY));

        long seedStart = System.nanoTime();
        List<String> caseworkers = seed(engine);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        try (Connection connection = dataSource.getConnection()) {
          connection.createStatement().execute("ANALYZE");
        }

        CaseloadReport report = app.getBean(CaseloadReport.class);
        Supplier<Caseload> aggregated = () -> report.caseload(TODAY);
        Supplier<Integer> perPerson = () -> countedByTaskQueries(engine, caseworkers);
        for (int warmUp = 0; warmUp < 3; warmUp++) {
          aggregated.get();
          perPerson.get();
        }
        double[] aggregatedMillis = time(aggregated, 10);
        double[] perPersonMillis = time(perPerson, 10);
        long aggregatedSelects = selectsSent(dataSource, logs, aggregated);
        long perPersonSelects = selectsSent(dataSource, logs, perPerson);
        Caseload caseload = aggregated.get();

        String table =
            String.format(
                """
            | figure | value |
            |---|---|
            | open tasks (created through the engine) | %,d (%.0f s to create) |
            | people holding tasks / groups listed | %d / %d |
            | caseload answer (grouped SQL), median of 10 | %.0f ms |
            | caseload answer (grouped SQL), slowest of 10 | %.0f ms |
            | SELECT statements per answer (grouped SQL) | %d |
            | same figures by TaskService counts, median of 10 | %.0f ms |
            | SELECT statements per answer (TaskService counts) | %d |
            | overdue / due this week (all tasks) | %,d / %,d |
            """,
                caseload.total().open(),
                seedSeconds,
                caseload.people().size(),
                caseload.groups().size(),
                aggregatedMillis[aggregatedMillis.length / 2],
                aggregatedMillis[aggregatedMillis.length - 1],
                aggregatedSelects,
                perPersonMillis[perPersonMillis.length / 2],
                perPersonSelects,
                caseload.total().overdue(),
                caseload.total().dueThisWeek());
        System.out.println(table);
        Path out = Path.of("target", "benchmark", "caseload.md");
        Files.createDirectories(out.getParent());
        Files.writeString(
            out,
            "# Caseload benchmark ("
                + Runtime.getRuntime().availableProcessors()
                + " cores, PostgreSQL 16, embedded)\n\n"
                + table);
      } finally {
        ClockUtil.reset();
      }
    }
  }

  /** The caseworkers, their tasks, and the tasks waiting in the groups' queues. */
  private static List<String> seed(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    TaskService tasks = engine.getTaskService();
    Random random = new Random(25);
    List<String> caseworkers = new ArrayList<>();
    for (int i = 0; i < CASEWORKERS; i++) {
      String id = "bench-caseworker-" + i;
      User user = identity.newUser(id);
      user.setFirstName("Caseworker");
      user.setLastName("Number " + i);
      user.setEmail(id + "@council.example");
      user.setPassword("Benchmark-Only-2026!");
      identity.saveUser(user);
      identity.createMembership(id, EhcGroups.LA_CASEWORKER.id());
      caseworkers.add(id);
    }
    int n = 0;
    for (String caseworker : caseworkers) {
      for (int i = 0; i < PER_CASEWORKER; i++) {
        task(tasks, "Casework " + n++, caseworker, EhcGroups.LA_CASEWORKER.id(), random);
      }
    }
    for (int i = 0; i < QUEUED; i++) {
      task(tasks, "Queued " + n++, null, PARTNERS[i % PARTNERS.length], random);
    }
    return caseworkers;
  }

  private static void task(
      TaskService tasks, String name, String assignee, String group, Random random) {
    Task task = tasks.newTask();
    task.setName(name);
    task.setAssignee(assignee);
    // One in ten has no due date; the rest fall in the two months either side of today.
    if (random.nextInt(10) > 0) {
      task.setDueDate(StatutoryDates.startOfDay(TODAY.plusDays(random.nextInt(121) - 60)));
    }
    tasks.saveTask(task);
    tasks.addCandidateGroup(task.getId(), group);
  }

  /** The caseload's figures the way the engine's public queries give them: three counts each. */
  private static int countedByTaskQueries(ProcessEngine engine, List<String> caseworkers) {
    TaskService tasks = engine.getTaskService();
    Date today = StatutoryDates.startOfDay(TODAY);
    Date justBeforeToday = new Date(today.getTime() - 1);
    Date nextWeek = StatutoryDates.startOfDay(TODAY.plusDays(7));
    List<Supplier<TaskQuery>> queries = new ArrayList<>();
    for (String caseworker : caseworkers) {
      queries.add(() -> tasks.createTaskQuery().taskAssignee(caseworker));
    }
    queries.add(() -> tasks.createTaskQuery().taskUnassigned());
    for (EhcGroups group : EhcGroups.workingGroups()) {
      queries.add(
          () -> tasks.createTaskQuery().taskCandidateGroup(group.id()).includeAssignedTasks());
    }
    int sum = 0;
    for (Supplier<TaskQuery> query : queries) {
      sum += (int) query.get().count();
      sum += (int) query.get().dueBefore(today).count();
      sum += (int) query.get().dueAfter(justBeforeToday).dueBefore(nextWeek).count();
    }
    return sum;
  }

  private static double[] time(Supplier<?> answer, int runs) {
    double[] millis = new double[runs];
    for (int run = 0; run < runs; run++) {
      long start = System.nanoTime();
      answer.get();
      millis[run] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    return millis;
  }

  /**
   * The SELECTs PostgreSQL logged while one answer was computed: logging is switched on for the
   * answer alone, and the lines between two marker statements are counted.
   */
  private static long selectsSent(DataSource dataSource, Path logs, Supplier<?> answer)
      throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("ALTER SYSTEM SET log_statement = 'all'");
      statement.execute("SELECT pg_reload_conf()");
      Thread.sleep(500);
      statement.execute("SELECT 'caseload-benchmark-begin'");
      answer.get();
      statement.execute("SELECT 'caseload-benchmark-end'");
      statement.execute("ALTER SYSTEM RESET log_statement");
      statement.execute("SELECT pg_reload_conf()");
    }
    Thread.sleep(500);
    List<String> lines = Files.readAllLines(logs.resolve("postgres.log"));
    int begin = -1;
    int end = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("'caseload-benchmark-begin'")) {
        begin = i;
      } else if (lines.get(i).contains("'caseload-benchmark-end'")) {
        end = i;
      }
    }
    if (begin < 0 || end < begin) {
      return -1;
    }
    return lines.subList(begin + 1, end).stream()
        .filter(line -> SELECT_LOGGED.matcher(line).find())
        .count();
  }
}
