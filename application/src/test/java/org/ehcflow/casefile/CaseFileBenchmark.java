package org.ehcflow.casefile;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.support.AssessmentAtAdvice;
import org.ehcflow.support.PostgresApp;
import org.ehcflow.support.TestCase;
import org.ehcflow.support.TestMail;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The case file on PostgreSQL: the time to upload and to read back a 10 MB document over the REST
 * API, the database's growth per case with four advice reports, and the time of a child's
 * chronology that holds 50 documents and 40 notices. Figures only, never assertions: the machines
 * are shared. Run with {@code ./mvnw -B -Pbenchmark -Dehc.skipModelTools test
 * -Dtest=CaseFileBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class CaseFileBenchmark {

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  private static final int ROUNDS = Integer.getInteger("ehc.benchmark.rounds", 7);
  private static final int SIZE_CASES = Integer.getInteger("ehc.benchmark.cases", 20);
  private static final int REPORT_BYTES = 1024 * 1024;
  private static final String[] ADVISERS = {
    "educational-psychology", "health", "social-care", "education-setting"
  };

  @Test
  void upload_read_back_growth_per_case_and_a_full_chronology() throws Exception {
    try (PostgresApp app = PostgresApp.start("case_file_benchmark")) {
      app.user("ep1", "educational-psychology");
      app.user("health1", "health");
      app.user("social1", "social-care");
      app.user("school1", "education-setting");
      app.user("case1", "la-caseworker");
      Map<String, String> adviserOf =
          Map.of(
              "educational-psychology",
              "ep1",
              "health",
              "health1",
              "social-care",
              "social1",
              "education-setting",
              "school1");
      Uploads uploads = new Uploads(app.port(), PostgresApp.PASSWORD);
      JdbcTemplate database = app.database();

      // 1. A 10 MB report, uploaded and read back over HTTP (loopback), each round a new document.
      String task = adviceTasks(app.engine(), "BENCH-10MB").get("educational-psychology").getId();
      double[] upload = new double[ROUNDS];
      double[] read = new double[ROUNDS];
      for (int round = 0; round < ROUNDS + 2; round++) {
        byte[] report = SampleDocuments.largePdf(10 * 1024 * 1024 + round);
        long start = System.nanoTime();
        HttpResponse<String> added =
            uploads.upload("ep1", task, "report-" + round + ".pdf", report);
        double uploadMillis = (System.nanoTime() - start) / 1e6;
        String id = added.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        start = System.nanoTime();
        HttpResponse<byte[]> back = uploads.read("case1", "/api/documents/" + id);
        double readMillis = (System.nanoTime() - start) / 1e6;
        if (added.statusCode() != 201 || back.body().length != report.length) {
          throw new IllegalStateException(
              "round " + round + ": " + added.statusCode() + " " + added.body());
        }
        if (round >= 2) {
          upload[round - 2] = uploadMillis;
          read[round - 2] = readMillis;
        }
      }

      // 2. Growth of the database per case: an assessment whose four advisers each attach a report
      // and answer.
      database.execute("CHECKPOINT");
      long databaseBefore = size(database, "SELECT pg_database_size(current_database())");
      long documentsBefore = size(database, "SELECT pg_total_relation_size('ehc_document')");
      for (int i = 0; i < SIZE_CASES; i++) {
        Map<String, Task> tasks = adviceTasks(app.engine(), "BENCH-SIZE-" + i);
        for (String group : ADVISERS) {
          Task advice = tasks.get(group);
          byte[] report = SampleDocuments.largePdf(REPORT_BYTES + i * 8 + group.length());
          uploads.upload(adviserOf.get(group), advice.getId(), group + "-report.pdf", report);
          app.engine()
              .getTaskService()
              .complete(
                  advice.getId(),
                  Map.of(
                      "adviceSummary",
                      "Advice from "
                          + group
                          + ": "
                          + "the child's needs and the provision they call for. ".repeat(20)));
        }
      }
      database.execute("CHECKPOINT");
      double perCase =
          (size(database, "SELECT pg_database_size(current_database())") - databaseBefore)
              / (double) SIZE_CASES;
      double documentsPerCase =
          (size(database, "SELECT pg_total_relation_size('ehc_document')") - documentsBefore)
              / (double) SIZE_CASES;

      // 3. One child's chronology holding 50 documents and 40 notices.
      Map<String, Task> tasks = adviceTasks(app.engine(), "BENCH-CHRONOLOGY");
      Task epTask = tasks.get("educational-psychology");
      CaseFile caseFile = app.bean(CaseFile.class);
      CaseFile.Person ep = new CaseFile.Person("ep1", List.of("educational-psychology"));
      for (int i = 0; i < 50; i++) {
        caseFile.attach(
            ep,
            epTask.getId(),
            "letter-" + i + ".pdf",
            "Letter " + i,
            new ByteArrayInputStream(
                SampleDocuments.pdf("Letter number " + i + " about the child")));
      }
      int notices =
          database.queryForObject(
              "SELECT COUNT(*) FROM ehc_notice WHERE process_instance_id = ?",
              Integer.class,
              epTask.getProcessInstanceId());
      for (int i = notices; i < 40; i++) {
        database.update(
            """
            INSERT INTO ehc_notice (notice_id, process_instance_id, business_key, notice_type, recipient, subject, body,
              status, attempts, created_at, sent_at, channel, sender)
            VALUES (?, ?, 'EHCNA-BENCH-CHRONOLOGY', 'advice-reminder', 'parent@example.org', ?, ?, 'SENT', 1, ?, ?, 'EMAIL',
              'send-team@council.example')""",
            epTask.getProcessInstanceId() + "/benchmark/" + i,
            epTask.getProcessInstanceId(),
            "Letter " + i,
            "Dear parent,\n\n" + "A letter about the assessment. ".repeat(40),
            Timestamp.from(Instant.now()),
            Timestamp.from(Instant.now()));
      }
      database.execute("ANALYZE");
      int entries = 0;
      for (int warmUp = 0; warmUp < 5; warmUp++) {
        uploads.read("case1", "/api/cases/BENCH-CHRONOLOGY/chronology");
      }
      int runs = 30;
      double[] chronology = new double[runs];
      for (int run = 0; run < runs; run++) {
        long start = System.nanoTime();
        HttpResponse<byte[]> answer =
            uploads.read("case1", "/api/cases/BENCH-CHRONOLOGY/chronology");
        chronology[run] = (System.nanoTime() - start) / 1e6;
        entries = new String(answer.body()).split("\"kind\"").length - 1;
      }

      Arrays.sort(upload);
      Arrays.sort(read);
      Arrays.sort(chronology);
      String table =
          String.format(
              """
          | figure | value |
          |---|---|
          | upload a 10 MB PDF (HTTP multipart, checked, hashed, stored), median of %d | %.0f ms (min %.0f, max %.0f) |
          | read it back (HTTP, whole body), median of %d | %.0f ms (min %.0f, max %.0f) |
          | database growth per case: assessment, four advisers each attaching a 1 MB report and answering (%d cases) | %.2f MB |
          | of which the documents table | %.2f MB |
          | chronology of one child with 50 documents and 40 notices (%d entries), median of %d | %.0f ms (p95 %.0f, max %.0f) |
          """,
              ROUNDS,
              median(upload),
              upload[0],
              upload[ROUNDS - 1],
              ROUNDS,
              median(read),
              read[0],
              read[ROUNDS - 1],
              SIZE_CASES,
              perCase / (1024 * 1024),
              documentsPerCase / (1024 * 1024),
              entries,
              runs,
              median(chronology),
              chronology[(int) Math.ceil(runs * 0.95) - 1],
              chronology[runs - 1]);
      System.out.println(table);
      Path out = Path.of("target", "benchmark", "case-file.md");
      Files.createDirectories(out.getParent());
      Files.writeString(
          out,
          "# Case file benchmark ("
              + Runtime.getRuntime().availableProcessors()
              + " cores, PostgreSQL "
              + database.queryForObject("SHOW server_version", String.class)
              + ", Java "
              + System.getProperty("java.version")
              + ")\n\n"
              + table);
    } finally {
      ClockUtil.reset();
    }
  }

  /** An assessment at its advice stage: the open advice task of each adviser's group. */
  private static Map<String, Task> adviceTasks(ProcessEngine engine, String child) {
    TestCase assessment = AssessmentAtAdvice.start(engine, mail, child);
    ClockUtil.reset();
    Map<String, Task> byGroup = new HashMap<>();
    for (String group : ADVISERS) {
      byGroup.put(group, AssessmentAtAdvice.adviceTask(engine, assessment, group));
    }
    return byGroup;
  }

  private static long size(JdbcTemplate database, String sql) {
    return database.queryForObject(sql, Long.class);
  }

  private static double median(double[] sorted) {
    return sorted[sorted.length / 2];
  }
}
