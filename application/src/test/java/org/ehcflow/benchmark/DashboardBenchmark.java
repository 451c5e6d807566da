package org.ehcflow.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.reporting.CaseClocks;
import org.ehcflow.reporting.ComplianceFigures;
import org.ehcflow.reporting.ComplianceReport;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.statutory.StatutoryDates;
import org.ehcflow.support.AppRunner;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The compliance dashboard over a large council's history, on PostgreSQL: 100,000 closed
 * assessments (seeded straight into the history tables, with their variables and four advice tasks
 * each) and 10,000 open ones (started through the engine). Reports the time and memory of one
 * dashboard answer; asserts nothing, since these machines are shared and noisy. Run with {@code
 * ./mvnw -Pbenchmark test -Dtest=DashboardBenchmark}.
 */
@Tag("benchmark")
class DashboardBenchmark {

  private static final int HISTORIC = Integer.getInteger("ehc.benchmark.historic", 100_000);
  private static final int OPEN = Integer.getInteger("ehc.benchmark.open", 10_000);
  private static final String[] PARTNERS = {
    "education-setting", "health", "educational-psychology", "social-care"
  };

  @Test
  void dashboard_over_100000_historic_and_10000_open_cases() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
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
        String definitionId =
            engine
                .getRepositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionKey(AssessmentProcess.KEY)
                .latestVersion()
                .singleResult()
                .getId();

        long seedStart = System.nanoTime();
        seedHistory(dataSource, definitionId);
        double historySeconds = (System.nanoTime() - seedStart) / 1e9;
        seedStart = System.nanoTime();
        fillReadModel(dataSource);
        double fillSeconds = (System.nanoTime() - seedStart) / 1e9;
        seedStart = System.nanoTime();
        startOpen(engine);
        double openSeconds = (System.nanoTime() - seedStart) / 1e9;
        try (Connection connection = dataSource.getConnection()) {
          connection.createStatement().execute("ANALYZE");
        }

        ComplianceReport report = app.getBean(ComplianceReport.class);
        LocalDate today = LocalDate.of(2026, 6, 15);
        com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int warmUp = 0; warmUp < 3; warmUp++) {
          report.figures(LocalDate.of(2025, 6, 16), today, today);
        }
        int runs = 10;
        double[] millis = new double[runs];
        long allocated = 0;
        ComplianceFigures figures = null;
        System.gc();
        long heapBefore = usedHeap();
        long peakDuring = 0;
        for (int run = 0; run < runs; run++) {
          long bytesBefore = threads.getCurrentThreadAllocatedBytes();
          long start = System.nanoTime();
          figures = report.figures(LocalDate.of(2025, 6, 16), today, today);
          millis[run] = (System.nanoTime() - start) / 1e6;
          allocated += threads.getCurrentThreadAllocatedBytes() - bytesBefore;
          peakDuring = Math.max(peakDuring, usedHeap());
        }
        Arrays.sort(millis);
        String table =
            String.format(
                """
            | figure | value |
            |---|---|
            | historic assessments (seeded into history) | %,d (%.0f s to seed) |
            | case read model filled from that history, as the migration does | %.0f s |
            | open assessments (started through the engine) | %,d (%.0f s to start) |
            | dashboard answer, median of %d | %.0f ms |
            | dashboard answer, slowest of %d | %.0f ms |
            | memory allocated per answer | %.1f MB |
            | heap in use before / highest during the runs | %.0f MB / %.0f MB |
            | plans issued in the 12 months (timeliness rows) | %,d |
            | open decisions to assess overdue | %,d |
            """,
                HISTORIC,
                historySeconds,
                fillSeconds,
                OPEN,
                openSeconds,
                runs,
                millis[runs / 2],
                runs,
                millis[runs - 1],
                allocated / (double) runs / 1e6,
                heapBefore / 1e6,
                peakDuring / 1e6,
                figures.timeliness().stream()
                    .mapToInt(ComplianceFigures.MonthTimeliness::issued)
                    .sum(),
                figures.deadlines().stream()
                    .filter(d -> d.kind().equals("decision-to-assess"))
                    .findFirst()
                    .orElseThrow()
                    .overdue());
        System.out.println(table);
        Path out = Path.of("target", "benchmark", "dashboard.md");
        Files.createDirectories(out.getParent());
        Files.writeString(
            out,
            "# Dashboard benchmark ("
                + Runtime.getRuntime().availableProcessors()
                + " cores, "
                + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MB heap)\n\n"
                + table);
      } finally {
        ClockUtil.reset();
      }
    }
  }

  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  /**
   * The history above was written behind the engine's back, as a database upgraded to the read
   * model holds it before the migration: the read model is filled from it as the migration fills it
   * ({@link CaseClocks#rebuild}). The open cases started after are kept in step by the handler.
   */
  static void fillReadModel(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      CaseClocks.rebuild(connection);
      connection.commit();
    }
  }

  /** Open assessments started through the engine on 1 June 2026, received over 150 days. */
  static void startOpen(ProcessEngine engine) {
    ClockUtil.setCurrentTime(StatutoryDates.startOfDay(LocalDate.of(2026, 6, 1)));
    for (int i = 0; i < OPEN; i++) {
      Map<String, Object> request = new HashMap<>();
      request.put("childId", "OPEN-" + i);
      request.put("childName", "Open child " + i);
      request.put("dateOfBirth", "2016-03-14");
      request.put("requestReceivedDate", LocalDate.of(2026, 1, 1).plusDays(i % 150).toString());
      request.put("requester", "parent");
      request.put("parentEmail", "parent" + i + "@example.org");
      engine
          .getRuntimeService()
          .startProcessInstanceByKey(AssessmentProcess.KEY, "EHCNA-OPEN-" + i, request);
    }
  }

  /** Closed assessments as the engine would have left them in history, written in batches. */
  static void seedHistory(DataSource dataSource, String definitionId)
      throws SQLException, IOException {
    Random random = new Random(42);
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      PreparedStatement instance =
          connection.prepareStatement(
              """
          INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_,
            END_TIME_, START_ACT_ID_, END_ACT_ID_, ROOT_PROC_INST_ID_, STATE_)
          VALUES (?, ?, ?, ?, ?, ?, ?, 'startEvent_requestReceived', 'endEvent_planIssued', ?, 'COMPLETED')""");
      PreparedStatement variable =
          connection.prepareStatement(
              """
          INSERT INTO ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_,
            NAME_, VAR_TYPE_, CREATE_TIME_, REV_, TEXT_, LONG_, STATE_)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 'CREATED')""");
      PreparedStatement task =
          connection.prepareStatement(
              """
          INSERT INTO ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_,
            EXECUTION_ID_, NAME_, START_TIME_, END_TIME_, DELETE_REASON_, DUE_DATE_, PRIORITY_)
          VALUES (?, 'userTask_giveAdvice', ?, ?, ?, ?, ?, 'Adviser: give advice', ?, ?, 'completed', ?, 50)""");
      PreparedStatement link =
          connection.prepareStatement(
              """
          INSERT INTO ACT_HI_IDENTITYLINK (ID_, TIMESTAMP_, TYPE_, GROUP_ID_, TASK_ID_, ROOT_PROC_INST_ID_, PROC_DEF_ID_,
            OPERATION_TYPE_, PROC_DEF_KEY_)
          VALUES (?, ?, 'candidate', ?, ?, ?, ?, 'add', ?)""");
      for (int i = 0; i < HISTORIC; i++) {
        String id = UUID.randomUUID().toString();
        LocalDate received = LocalDate.of(2019, 1, 1).plusDays(i % 2700);
        LocalDate due = StatutoryClock.finalPlanDue(received);
        LocalDate issued = due.plusDays(random.nextInt(60) - 30);
        Timestamp started = Timestamp.valueOf(received.atTime(10, 0));
        instance.setString(1, id);
        instance.setString(2, id);
        instance.setString(3, "EHCNA-HIST-" + i);
        instance.setString(4, AssessmentProcess.KEY);
        instance.setString(5, definitionId);
        instance.setTimestamp(6, started);
        instance.setTimestamp(7, Timestamp.valueOf(issued.atTime(16, 0)));
        instance.setString(8, id);
        instance.addBatch();
        Object[][] values = {
          {"childId", "string", "HIST-" + i, null},
          {"childName", "string", "Historic child " + i, null},
          {"requestReceivedDate", "string", received.toString(), null},
          {"finalPlanDue", "string", due.toString(), null},
          {"requestOutcome", "string", "Y", null},
          {"assessmentOutcome", "string", "Y", null},
          {"finalPlanIssuedDate", "string", issued.toString(), null},
          {"exceptionsApply", "boolean", null, random.nextInt(10) == 0 ? 1L : 0L}
        };
        for (Object[] value : values) {
          variable.setString(1, UUID.randomUUID().toString());
          variable.setString(2, AssessmentProcess.KEY);
          variable.setString(3, definitionId);
          variable.setString(4, id);
          variable.setString(5, id);
          variable.setString(6, id);
          variable.setString(7, (String) value[0]);
          variable.setString(8, (String) value[1]);
          variable.setTimestamp(9, started);
          variable.setString(10, (String) value[2]);
          if (value[3] == null) {
            variable.setNull(11, java.sql.Types.BIGINT);
          } else {
            variable.setLong(11, (Long) value[3]);
          }
          variable.addBatch();
        }
        LocalDate asked = received.plusDays(42);
        for (String partner : PARTNERS) {
          String taskId = UUID.randomUUID().toString();
          task.setString(1, taskId);
          task.setString(2, AssessmentProcess.KEY);
          task.setString(3, definitionId);
          task.setString(4, id);
          task.setString(5, id);
          task.setString(6, id);
          task.setTimestamp(7, Timestamp.valueOf(asked.atTime(10, 0)));
          task.setTimestamp(
              8, Timestamp.valueOf(asked.plusDays(30 + random.nextInt(25)).atTime(12, 0)));
          task.setTimestamp(9, Timestamp.valueOf(asked.plusDays(42).atStartOfDay()));
          task.addBatch();
          link.setString(1, UUID.randomUUID().toString());
          link.setTimestamp(2, Timestamp.valueOf(asked.atTime(10, 0)));
          link.setString(3, partner);
          link.setString(4, taskId);
          link.setString(5, id);
          link.setString(6, definitionId);
          link.setString(7, AssessmentProcess.KEY);
          link.addBatch();
        }
        if (i % 2_000 == 1_999) {
          for (PreparedStatement statement : List.of(instance, variable, task, link)) {
            statement.executeBatch();
          }
          connection.commit();
        }
      }
      for (PreparedStatement statement : List.of(instance, variable, task, link)) {
        statement.executeBatch();
      }
      connection.commit();
    }
  }
}
