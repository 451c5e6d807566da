package org.ehcflow.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.reporting.ComplianceReport;
import org.ehcflow.support.AppRunner;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Where the dashboard's time goes: each figure timed, the statements ranked, the slow ones
 * explained.
 */
@Tag("benchmark")
class DashboardProfile {

  @Test
  void where_the_dashboard_spends_its_time() throws Exception {
    File dir = new File(System.getProperty("ehc.profile.dir", "target/dashboard-pgdata"));
    boolean fresh = !dir.exists();
    Path log = Path.of("target", "benchmark", "dashboard-profile-pg.log");
    Files.createDirectories(log.getParent());
    try (EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir)
            .setCleanDataDirectory(false)
            .setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain")
            .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
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
        if (fresh) {
          String definitionId =
              engine
                  .getRepositoryService()
                  .createProcessDefinitionQuery()
                  .processDefinitionKey(AssessmentProcess.KEY)
                  .latestVersion()
                  .singleResult()
                  .getId();
          DashboardBenchmark.seedHistory(dataSource, definitionId);
          DashboardBenchmark.fillReadModel(dataSource);
          DashboardBenchmark.startOpen(engine);
        }
        try (Connection c = dataSource.getConnection();
            Statement s = c.createStatement()) {
          s.execute("ANALYZE");
          s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
        ComplianceReport report = app.getBean(ComplianceReport.class);
        LocalDate today = LocalDate.of(2026, 6, 15);
        LocalDate from = LocalDate.of(2025, 6, 16);
        for (int i = 0; i < 3; i++) report.figures(from, today, today);
        double[] total = new double[10];
        for (int i = 0; i < 10; i++) {
          long t = System.nanoTime();
          report.figures(from, today, today);
          total[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(total);
        StringBuilder out = new StringBuilder();
        out.append(String.format("TOTAL median %.0f ms, slowest %.0f ms%n", total[5], total[9]));
        Map<String, Object[]> methods = new LinkedHashMap<>();
        methods.put("openCases", new Object[] {});
        methods.put("deadlines", new Object[] {today});
        methods.put("timeliness", new Object[] {from, today});
        methods.put("advice", new Object[] {from, today, today});
        methods.put("reviews", new Object[] {from, today, today});
        methods.put("phaseTransfers", new Object[] {from, today, today});
        methods.put("clocks", new Object[] {from, today, today});
        // The figures are private steps of one answer; timing each on its own shows which to
        // change.
        for (Map.Entry<String, Object[]> m : methods.entrySet()) {
          Method method =
              Arrays.stream(ComplianceReport.class.getDeclaredMethods())
                  .filter(x -> x.getName().equals(m.getKey()))
                  .findFirst()
                  .orElseThrow();
          method.setAccessible(true);
          double[] ms = new double[10];
          for (int i = 0; i < 10; i++) {
            long t = System.nanoTime();
            method.invoke(report, m.getValue());
            ms[i] = (System.nanoTime() - t) / 1e6;
          }
          Arrays.sort(ms);
          out.append(String.format("%-16s median %7.1f ms%n", m.getKey(), ms[5]));
        }
        try (Connection c = dataSource.getConnection();
            Statement s = c.createStatement()) {
          s.execute("SELECT pg_stat_statements_reset()");
        }
        for (int i = 0; i < 5; i++) report.figures(from, today, today);
        try (Connection c = dataSource.getConnection();
            Statement s = c.createStatement();
            ResultSet rs =
                s.executeQuery(
                    "SELECT calls, total_exec_time/5, mean_exec_time, rows/calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 400)"
                        + " FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat%' ORDER BY total_exec_time DESC LIMIT 25")) {
          out.append("per answer ms | calls/5 | mean ms | rows | statement\n");
          while (rs.next()) {
            out.append(
                String.format(
                    "%8.1f | %4d | %7.2f | %6d | %s%n",
                    rs.getDouble(2),
                    rs.getLong(1) / 5,
                    rs.getDouble(3),
                    rs.getLong(4),
                    rs.getString(5)));
          }
        }
        try (Connection c = dataSource.getConnection();
            Statement s = c.createStatement()) {
          s.execute("ALTER SYSTEM SET auto_explain.log_min_duration = '15ms'");
          s.execute("ALTER SYSTEM SET auto_explain.log_analyze = on");
          s.execute("ALTER SYSTEM SET auto_explain.log_buffers = on");
          s.execute("SELECT pg_reload_conf()");
        }
        Thread.sleep(500);
        report.figures(from, today, today);
        try (Connection c = dataSource.getConnection();
            Statement s = c.createStatement()) {
          s.execute("ALTER SYSTEM RESET ALL");
          s.execute("SELECT pg_reload_conf()");
        }
        System.out.println(out);
        Files.writeString(Path.of("target", "benchmark", "dashboard-profile.txt"), out.toString());
      } finally {
        ClockUtil.reset();
      }
    }
  }
}
