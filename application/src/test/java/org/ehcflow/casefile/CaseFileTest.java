package org.ehcflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.support.AssessmentAtAdvice;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.TestCase;
import org.ehcflow.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Issue 22, item 2: documents attached to a task are kept in the case's database, recognised from
 * their content, and read only by the case's people. Every refusal names what to change and stores
 * nothing.
 */
@EhcIntegrationTest
class CaseFileTest {

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate database;
  @LocalServerPort int port;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void an_adviser_attaches_a_report_to_their_advice_task_and_the_cases_people_read_it()
      throws Exception {
    TestCase assessment = atAdvice("FILE-1");
    Task advice = adviceTask(assessment, "educational-psychology");
    byte[] report = SampleDocuments.pdf("Educational psychology advice for FILE-1");

    ResponseEntity<String> added =
        upload("ep", advice.getId(), "EP report.pdf", report, "Psychological advice");

    assertThat(added.getStatusCode().value()).isEqualTo(201);
    JsonNode document = JSON.readTree(added.getBody());
    assertThat(document.path("name").asText()).isEqualTo("EP report.pdf");
    assertThat(document.path("contentType").asText()).isEqualTo("application/pdf");
    assertThat(document.path("size").asLong()).isEqualTo(report.length);
    assertThat(document.path("sha256").asText()).isEqualTo(SampleDocuments.sha256(report));
    assertThat(document.path("uploadedBy").asText()).isEqualTo("ep");
    assertThat(document.path("uploadedAt").asText()).startsWith("2026-02-10T10:00");
    assertThat(document.path("title").asText()).isEqualTo("Psychological advice");
    assertThat(document.path("taskId").asText()).isEqualTo(advice.getId());
    assertThat(added.getHeaders().getLocation())
        .hasToString("/api/documents/" + document.path("id").asText());
    String id = document.path("id").asText();

    JsonNode caseworkersList =
        JSON.readTree(get("caseworker", "/api/cases/FILE-1/documents").getBody());
    assertThat(caseworkersList).hasSize(1);
    assertThat(caseworkersList.get(0).path("id").asText()).isEqualTo(id);
    assertThat(caseworkersList.get(0).path("taskName").asText()).isEqualTo(advice.getName());

    JsonNode chronology =
        JSON.readTree(get("caseworker", "/api/cases/FILE-1/chronology").getBody());
    JsonNode attached = null;
    for (JsonNode entry : chronology) {
      if ("document".equals(entry.path("kind").asText())) {
        attached = entry;
      }
    }
    assertThat(attached).as("the chronology lists the document").isNotNull();
    assertThat(attached.path("event").asText())
        .isEqualTo("Document attached: EP report.pdf (Psychological advice)");
    assertThat(attached.path("by").asText()).isEqualTo("ep");
    assertThat(attached.path("at").asText()).isEqualTo("2026-02-10T10:00");
    assertThat(attached.path("detail").asText()).startsWith("to '" + advice.getName() + "'; PDF, ");
    assertThat(attached.path("documentId").asText()).isEqualTo(id);

    ResponseEntity<byte[]> read =
        http.withBasicAuth("caseworker", "demo").getForEntity("/api/documents/" + id, byte[].class);
    assertThat(read.getStatusCode().value()).isEqualTo(200);
    assertThat(read.getBody()).isEqualTo(report);
    assertThat(read.getHeaders().getContentType()).hasToString("application/pdf");
    assertThat(read.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
    assertThat(read.getHeaders().getContentDisposition().getFilename()).isEqualTo("EP report.pdf");
    assertThat(read.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");

    assertThat(
            http.withBasicAuth("manager", "demo")
                .getForEntity("/api/documents/" + id, byte[].class)
                .getBody())
        .isEqualTo(report);
    assertThat(
            http.withBasicAuth("ep", "demo")
                .getForEntity("/api/documents/" + id, byte[].class)
                .getBody())
        .isEqualTo(report);
    assertThat(
            http.withBasicAuth("panel", "demo")
                .getForEntity("/api/documents/" + id, byte[].class)
                .getBody())
        .as("the panel decides on the advice")
        .isEqualTo(report);
    assertThat(get("health", "/api/documents/" + id).getStatusCode().value()).isEqualTo(403);
    assertThat(get("senco", "/api/documents/" + id).getStatusCode().value()).isEqualTo(403);
    assertThat(get("owner", "/api/documents/" + id).getStatusCode().value()).isEqualTo(403);
    assertThat(JSON.readTree(get("health", "/api/cases/FILE-1/documents").getBody())).isEmpty();
    assertThat(JSON.readTree(get("ep", "/api/cases/FILE-1/documents").getBody())).hasSize(1);
    assertThat(get("caseworker", "/api/documents/no-such-document").getStatusCode().value())
        .isEqualTo(404);
    assertThat(http.getForEntity("/api/documents/" + id, String.class).getStatusCode().value())
        .as("no one unnamed")
        .isEqualTo(401);
  }

  @Test
  void the_documents_an_adviser_attached_go_with_their_advice_to_the_decisions() throws Exception {
    TestCase assessment = atAdvice("FILE-10");
    Task advice = adviceTask(assessment, "educational-psychology");
    String report =
        JSON.readTree(
                upload(
                        "ep",
                        advice.getId(),
                        "EP report.pdf",
                        SampleDocuments.pdf("EP report"),
                        "Psychological advice")
                    .getBody())
            .path("id")
            .asText();
    String letter =
        JSON.readTree(
                upload(
                        "ep",
                        advice.getId(),
                        "cover-letter.docx",
                        SampleDocuments.docx("Cover letter"),
                        null)
                    .getBody())
            .path("id")
            .asText();
    engine.getIdentityService().setAuthentication("ep", List.of("educational-psychology"));
    try {
      engine
          .getTaskService()
          .complete(
              advice.getId(), Map.of("adviceSummary", "Needs daily structured literacy teaching."));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    JsonNode entries =
        JSON.readTree(
            String.valueOf(
                engine.getRuntimeService().getVariable(assessment.id(), "adviceReceived")));
    assertThat(entries).hasSize(1);
    JsonNode documents = entries.get(0).path("documents");
    assertThat(documents).hasSize(2);
    assertThat(documents.get(0).path("id").asText()).isEqualTo(report);
    assertThat(documents.get(0).path("name").asText()).isEqualTo("EP report.pdf");
    assertThat(documents.get(0).path("title").asText()).isEqualTo("Psychological advice");
    assertThat(documents.get(1).path("id").asText()).isEqualTo(letter);
    assertThat(documents.get(1).path("contentType").asText())
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  }

  @Test
  void each_accepted_kind_is_recognised_from_its_content_whatever_its_name() throws Exception {
    TestCase assessment = atAdvice("FILE-2");
    Task advice = adviceTask(assessment, "health");
    Map<String, byte[]> kinds = new HashMap<>();
    kinds.put("application/pdf", SampleDocuments.pdf("Paediatric letter"));
    kinds.put(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        SampleDocuments.docx("Health advice"));
    kinds.put(
        "application/vnd.oasis.opendocument.text", SampleDocuments.odt("Therapy report", false));
    kinds.put("image/jpeg", SampleDocuments.jpeg());
    kinds.put("image/png", SampleDocuments.png());

    for (Map.Entry<String, byte[]> kind : kinds.entrySet()) {
      ResponseEntity<String> added =
          upload("health", advice.getId(), "scan", kind.getValue(), null);
      assertThat(added.getStatusCode().value())
          .as(kind.getKey() + ": " + added.getBody())
          .isEqualTo(201);
      assertThat(JSON.readTree(added.getBody()).path("contentType").asText())
          .isEqualTo(kind.getKey());
    }
    assertThat(documentsOf("FILE-2")).isEqualTo(5);
  }

  @Test
  void a_file_that_is_not_an_accepted_document_is_refused_naming_the_file_and_nothing_is_stored()
      throws Exception {
    TestCase assessment = atAdvice("FILE-3");
    String task = adviceTask(assessment, "educational-psychology").getId();
    Map<String, byte[]> refused =
        Map.of(
            "report.pdf", SampleDocuments.executable(),
            "advice.docx", SampleDocuments.windowsProgram(),
            "letter.docx", SampleDocuments.plainZip(),
            "figures.docx", SampleDocuments.xlsx(),
            "notes.txt", "Plain text notes".getBytes(StandardCharsets.UTF_8));

    for (Map.Entry<String, byte[]> file : refused.entrySet()) {
      ResponseEntity<String> answer = upload("ep", task, file.getKey(), file.getValue(), null);
      assertThat(answer.getStatusCode().value()).as(file.getKey()).isEqualTo(400);
      JsonNode body = JSON.readTree(answer.getBody());
      assertThat(body.path("field").asText()).isEqualTo("file");
      assertThat(body.path("message").asText())
          .contains("not one of the accepted types")
          .contains("PDF, Word (DOCX), OpenDocument text (ODT), JPEG image, PNG image");
    }

    ResponseEntity<String> lockedPdf =
        upload("ep", task, "locked.pdf", SampleDocuments.encryptedPdf("Secret"), null);
    assertThat(lockedPdf.getStatusCode().value()).isEqualTo(400);
    assertThat(JSON.readTree(lockedPdf.getBody()).path("message").asText())
        .contains("password-protected or encrypted");
    ResponseEntity<String> lockedOdt =
        upload("ep", task, "locked.odt", SampleDocuments.odt("Secret", true), null);
    assertThat(lockedOdt.getStatusCode().value()).isEqualTo(400);
    assertThat(JSON.readTree(lockedOdt.getBody()).path("message").asText())
        .contains("password-protected or encrypted");

    ResponseEntity<String> empty = upload("ep", task, "empty.pdf", new byte[0], null);
    assertThat(empty.getStatusCode().value()).isEqualTo(400);
    assertThat(JSON.readTree(empty.getBody()).path("message").asText())
        .isEqualTo("The file is empty.");

    MultiValueMap<String, Object> noFile = new LinkedMultiValueMap<>();
    noFile.add("title", "A title without a file");
    ResponseEntity<String> missing = post("ep", "/api/tasks/" + task + "/documents", noFile);
    assertThat(missing.getStatusCode().value()).isEqualTo(400);
    assertThat(JSON.readTree(missing.getBody()).path("field").asText()).isEqualTo("file");

    assertThat(documentsOf("FILE-3")).isZero();
  }

  @Test
  void a_file_name_or_title_that_cannot_be_kept_is_refused_naming_it() throws Exception {
    TestCase assessment = atAdvice("FILE-4");
    String task = adviceTask(assessment, "educational-psychology").getId();
    byte[] pdf = SampleDocuments.pdf("Report");

    assertRefused(
        upload("ep", task, "C:\\Users\\ep\\report.pdf", pdf, null),
        400,
        "file",
        "must not contain a folder");
    assertRefused(
        upload("ep", task, "../../etc/report.pdf", pdf, null),
        400,
        "file",
        "must not contain a folder");
    assertRefused(
        upload("ep", task, "report\u0007.pdf", pdf, null), 400, "file", "control characters");
    assertRefused(
        upload("ep", task, "r".repeat(496) + ".pdf", pdf, null),
        400,
        "file",
        "500 characters long; at most 255");
    assertRefused(
        upload("ep", task, "report.pdf", pdf, "First line\nsecond line"),
        400,
        "title",
        "control characters");
    assertRefused(
        upload("ep", task, "report.pdf", pdf, "t".repeat(201)), 400, "title", "at most 200");

    assertThat(documentsOf("FILE-4")).isZero();
    assertThat(
            upload("ep", task, "Report — Zoë’s assessment.pdf", pdf, "Zoë").getStatusCode().value())
        .as("a name in any alphabet is kept as it is")
        .isEqualTo(201);
    assertThat(
            database.queryForObject(
                "SELECT file_name FROM ehc_document WHERE child_id = 'FILE-4'", String.class))
        .isEqualTo("Report — Zoë’s assessment.pdf");
  }

  @Test
  void a_document_over_the_limit_is_refused_as_too_large_and_nothing_is_stored() throws Exception {
    TestCase assessment = atAdvice("FILE-5");
    String task = adviceTask(assessment, "educational-psychology").getId();
    byte[] justOver = SampleDocuments.largePdf(20 * 1024 * 1024 + 1);

    assertRefused(upload("ep", task, "big.pdf", justOver, null), 413, "file", "larger than 20 MB");

    byte[] atLimit = SampleDocuments.largePdf(19 * 1024 * 1024);
    assertThat(upload("ep", task, "nearly.pdf", atLimit, null).getStatusCode().value())
        .isEqualTo(201);
    assertThat(documentsOf("FILE-5")).isEqualTo(1);
  }

  @Test
  void the_same_file_twice_in_a_case_is_refused_naming_the_first_even_when_sent_at_once()
      throws Exception {
    TestCase assessment = atAdvice("FILE-6");
    String epTask = adviceTask(assessment, "educational-psychology").getId();
    String healthTask = adviceTask(assessment, "health").getId();
    byte[] report = SampleDocuments.pdf("The one report");

    List<Integer> statuses =
        atOnce(
            6,
            i ->
                upload(
                        i % 2 == 0 ? "ep" : "health",
                        i % 2 == 0 ? epTask : healthTask,
                        "report-" + i + ".pdf",
                        report,
                        null)
                    .getStatusCode()
                    .value());

    assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
    assertThat(documentsOf("FILE-6")).isEqualTo(1);
    ResponseEntity<String> again = upload("ep", epTask, "again.pdf", report, null);
    assertRefused(again, 409, "file", "already in the case file");
  }

  @Test
  void several_documents_sent_at_once_to_one_task_are_all_kept_whole() throws Exception {
    TestCase assessment = atAdvice("FILE-7");
    String task = adviceTask(assessment, "educational-psychology").getId();
    List<byte[]> reports = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      reports.add(SampleDocuments.pdf("Report number " + i));
    }

    List<Integer> statuses =
        atOnce(
            8,
            i ->
                upload("ep", task, "report-" + i + ".pdf", reports.get(i), null)
                    .getStatusCode()
                    .value());

    assertThat(statuses).containsOnly(201);
    for (int i = 0; i < 8; i++) {
      byte[] stored =
          database.queryForObject(
              "SELECT content FROM ehc_document WHERE child_id = 'FILE-7' AND file_name = ?",
              byte[].class,
              "report-" + i + ".pdf");
      assertThat(stored).isEqualTo(reports.get(i));
    }
  }

  @Test
  void only_whoever_works_an_open_task_attaches_to_it() throws Exception {
    TestCase assessment = atAdvice("FILE-8");
    Task epAdvice = adviceTask(assessment, "educational-psychology");
    byte[] pdf = SampleDocuments.pdf("Advice");

    assertRefused(
        upload("health", epAdvice.getId(), "advice.pdf", pdf, null),
        403,
        null,
        "educational-psychology");
    assertRefused(
        upload("caseworker", epAdvice.getId(), "advice.pdf", pdf, null),
        403,
        null,
        "educational-psychology");
    assertRefused(upload("ep", "no-such-task", "advice.pdf", pdf, null), 404, null, "no open task");

    engine
        .getTaskService()
        .complete(
            epAdvice.getId(), Map.of("adviceSummary", "Needs a structured literacy programme."));
    assertRefused(upload("ep", epAdvice.getId(), "late.pdf", pdf, null), 409, null, "is closed");
    assertRefused(
        upload("health", epAdvice.getId(), "late.pdf", pdf, null), 404, null, "no open task");
    assertThat(documentsOf("FILE-8")).isZero();
  }

  @Test
  void
      tasklist_attaches_lists_and_opens_documents_in_the_users_session_and_refuses_a_request_without_its_token()
          throws Exception {
    TestCase assessment = atAdvice("FILE-9");
    Task advice = adviceTask(assessment, "educational-psychology");
    byte[] report = SampleDocuments.pdf("Advice sent through Tasklist");
    Session ep = Session.logIn(port, "ep");
    String base = "/camunda/api/tasklist/plugin/ehc-case-file/default";

    HttpResponse<String> added =
        ep.send(
            HttpRequest.newBuilder(
                    ep.uri(
                        base
                            + "/tasks/"
                            + advice.getId()
                            + "/documents?name="
                            + URLEncoder.encode("EP report.pdf", StandardCharsets.UTF_8)
                            + "&title=Advice"))
                .header("Content-Type", "application/octet-stream")
                .header("X-XSRF-TOKEN", ep.csrfToken())
                .POST(HttpRequest.BodyPublishers.ofByteArray(report)));
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    String id = JSON.readTree(added.body()).path("id").asText();

    HttpResponse<String> refused =
        ep.send(
            HttpRequest.newBuilder(
                    ep.uri(base + "/tasks/" + advice.getId() + "/documents?name=tool.pdf"))
                .header("Content-Type", "application/octet-stream")
                .header("X-XSRF-TOKEN", ep.csrfToken())
                .POST(HttpRequest.BodyPublishers.ofByteArray(SampleDocuments.executable())));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).path("field").asText()).isEqualTo("file");

    HttpResponse<String> listed =
        ep.send(
            HttpRequest.newBuilder(ep.uri(base + "/tasks/" + advice.getId() + "/documents")).GET());
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(listed.body()).get(0).path("name").asText())
        .isEqualTo("EP report.pdf");

    HttpResponse<byte[]> opened =
        ep.browser.send(
            HttpRequest.newBuilder(ep.uri(base + "/documents/" + id)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(opened.statusCode()).isEqualTo(200);
    assertThat(opened.body()).isEqualTo(report);
    assertThat(opened.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment");

    // Last: the web apps end a session that sends a request without its token.
    HttpResponse<String> withoutToken =
        ep.send(
            HttpRequest.newBuilder(
                    ep.uri(base + "/tasks/" + advice.getId() + "/documents?name=other.pdf"))
                .header("Content-Type", "application/octet-stream")
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(SampleDocuments.pdf("Another report"))));
    assertThat(withoutToken.statusCode()).as("the web apps' CSRF check").isEqualTo(403);
    assertThat(documentsOf("FILE-9")).isEqualTo(1);

    Session health = Session.logIn(port, "health");
    HttpResponse<String> notTheirs =
        health.send(HttpRequest.newBuilder(health.uri(base + "/documents/" + id)).GET());
    assertThat(notTheirs.statusCode()).isEqualTo(403);
  }

  // --- the case and the requests ---------------------------------------------------------------

  private TestCase atAdvice(String child) {
    return AssessmentAtAdvice.start(engine, mail, child);
  }

  private Task adviceTask(TestCase assessment, String group) {
    return AssessmentAtAdvice.adviceTask(engine, assessment, group);
  }

  private ResponseEntity<String> upload(
      String user, String taskId, String name, byte[] content, String title) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add(
        "file",
        new ByteArrayResource(content) {
          @Override
          public String getFilename() {
            return name;
          }
        });
    if (title != null) {
      parts.add("title", title);
    }
    return post(user, "/api/tasks/" + taskId + "/documents", parts);
  }

  private ResponseEntity<String> post(
      String user, String path, MultiValueMap<String, Object> parts) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> answer =
        http.withBasicAuth(user, "demo")
            .exchange(path, HttpMethod.POST, new HttpEntity<>(parts, headers), String.class);
    assertThat(answer.getStatusCode().value())
        .as("never a server error: " + answer.getBody())
        .isLessThan(500);
    return answer;
  }

  private ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
  }

  private int documentsOf(String child) {
    return database.queryForObject(
        "SELECT COUNT(*) FROM ehc_document WHERE child_id = ?", Integer.class, child);
  }

  private static void assertRefused(
      ResponseEntity<String> answer, int status, String field, String messagePart)
      throws IOException {
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
    JsonNode body = JSON.readTree(answer.getBody());
    assertThat(body.path("message").asText()).containsIgnoringCase(messagePart);
    if (field != null) {
      assertThat(body.path("field").asText()).isEqualTo(field);
    }
  }

  private interface Attempt {
    int run(int index) throws Exception;
  }

  private static List<Integer> atOnce(int count, Attempt attempt) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        calls.add(() -> attempt.run(index));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> result : pool.invokeAll(calls)) {
        statuses.add(result.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A person logged in to Tasklist, sending what its pages send (session cookie and CSRF token).
   */
  static final class Session {

    private final int port;
    private final CookieManager cookies = new CookieManager();
    final HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    private Session(int port) {
      this.port = port;
    }

    static Session logIn(int port, String user) throws IOException, InterruptedException {
      Session session = new Session(port);
      session.browser.send(
          HttpRequest.newBuilder(session.uri("/camunda/app/tasklist/default/")).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      HttpResponse<String> login =
          session.browser.send(
              HttpRequest.newBuilder(
                      session.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("X-XSRF-TOKEN", session.csrfToken())
                  .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as(user + " logs in to Tasklist").isEqualTo(200);
      // The session is new after the log-in, and so is its CSRF token: Tasklist's next page load
      // fetches it.
      session.browser.send(
          HttpRequest.newBuilder(session.uri("/camunda/app/tasklist/default/")).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      return session;
    }

    HttpResponse<String> send(HttpRequest.Builder request)
        throws IOException, InterruptedException {
      HttpResponse<String> answer =
          browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as("never a server error: " + answer.body()).isLessThan(500);
      return answer;
    }

    String csrfToken() {
      return cookies.getCookieStore().getCookies().stream()
          .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue)
          .findFirst()
          .orElseThrow(() -> new AssertionError("Tasklist set no CSRF token"));
    }

    URI uri(String path) {
      return URI.create("http://localhost:" + port + path);
    }
  }
}
