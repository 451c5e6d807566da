package org.ehcflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.zaxxer.hikari.HikariDataSource;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcflow.support.AssessmentAtAdvice;
import org.ehcflow.support.PostgresApp;
import org.ehcflow.support.TestCase;
import org.ehcflow.support.TestMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The case file on the production database: a large document comes back whole, a stored one cannot
 * be changed by anyone, and uploads cut off by the database's connections dropping are stored whole
 * or not at all.
 */
class CaseFilePostgresTest {

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static PostgresApp app;
  private static Uploads uploads;

  @BeforeAll
  static void start() {
    app = PostgresApp.start("case_file");
    app.user("ep1", "educational-psychology");
    app.user("case1", "la-caseworker");
    uploads = new Uploads(app.port(), PostgresApp.PASSWORD);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void a_ten_megabyte_report_is_read_back_byte_for_byte() {
    String task = adviceTask("PG-FILE-1");
    byte[] report = SampleDocuments.largePdf(10 * 1024 * 1024);

    HttpResponse<String> added = uploads.upload("ep1", task, "EP report.pdf", report);

    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    String id = json(added.body()).path("id").asText();
    HttpResponse<byte[]> read = uploads.read("case1", "/api/documents/" + id);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(SampleDocuments.sha256(read.body())).isEqualTo(SampleDocuments.sha256(report));
    assertThat(read.headers().firstValue("Content-Type")).hasValue("application/pdf");
  }

  @Test
  void a_stored_document_cannot_be_changed_even_by_the_databases_owner() {
    String task = adviceTask("PG-FILE-2");
    String id =
        json(uploads
                .upload("ep1", task, "advice.pdf", SampleDocuments.pdf("Original advice"))
                .body())
            .path("id")
            .asText();
    JdbcTemplate database = app.database();

    assertThatThrownBy(
            () ->
                database.update(
                    "UPDATE ehc_document SET content = ? WHERE document_id = ?",
                    SampleDocuments.pdf("Altered advice"),
                    id))
        .hasMessageContaining("never changed");
    assertThatThrownBy(
            () ->
                database.update(
                    "UPDATE ehc_document SET uploaded_by = 'someone-else' WHERE document_id = ?",
                    id))
        .hasMessageContaining("never changed");
    assertThat(
            database.queryForObject(
                "SELECT uploaded_by FROM ehc_document WHERE document_id = ?", String.class, id))
        .isEqualTo("ep1");
  }

  @Test
  void uploads_while_the_database_drops_every_connection_are_stored_whole_or_refused_for_a_retry()
      throws Exception {
    String task = adviceTask("PG-FILE-3");
    JdbcTemplate database = app.database();
    List<byte[]> reports = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      reports.add(SampleDocuments.largePdf(2 * 1024 * 1024 + i));
    }
    AtomicBoolean uploading = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(5);
    try {
      Future<Integer> restarts =
          pool.submit(
              () -> {
                int dropped = 0;
                while (uploading.get()) {
                  // What a database restart does to the application: every connection it holds is
                  // cut.
                  dropped += terminateApplicationConnections(app.server());
                  Thread.sleep(150);
                }
                return dropped;
              });
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < reports.size(); i++) {
        int index = i;
        answers.add(
            pool.submit(
                () -> uploads.upload("ep1", task, "report-" + index + ".pdf", reports.get(index))));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get();
        statuses.add(response.statusCode());
        assertThat(response.statusCode()).as(response.body()).isIn(201, 503);
      }
      uploading.set(false);
      assertThat(restarts.get()).as("connections were cut while uploading").isPositive();
      // The pool still holds connections cut while idle; each would fail its next use once. The
      // checks below and the next tests start from fresh ones, as after a restart's first minute.
      app.bean(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();

      for (int i = 0; i < reports.size(); i++) {
        List<byte[]> stored =
            database.queryForList(
                "SELECT content FROM ehc_document WHERE child_id = 'PG-FILE-3' AND file_name = ?",
                byte[].class,
                "report-" + i + ".pdf");
        if (statuses.get(i) == 201) {
          assertThat(stored).hasSize(1);
          assertThat(SampleDocuments.sha256(stored.get(0)))
              .isEqualTo(SampleDocuments.sha256(reports.get(i)));
        } else {
          assertThat(stored).as("a refused upload leaves nothing").isEmpty();
        }
      }
    } finally {
      uploading.set(false);
      pool.shutdownNow();
    }
  }

  private static int terminateApplicationConnections(JdbcTemplate server) {
    return server.queryForObject(
        """
        SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = 'case_file' AND backend_type = 'client backend') cut""",
        Integer.class);
  }

  private static String adviceTask(String child) {
    TestCase assessment = AssessmentAtAdvice.start(app.engine(), mail, child);
    ClockUtil.reset();
    return AssessmentAtAdvice.adviceTask(app.engine(), assessment, "educational-psychology")
        .getId();
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }
}
