package org.ehcflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.support.EhcIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Requests the application cannot act on (unknown ids, odd bodies, odd paths, wrong content types,
 * a task completed twice) each get a 4xx answer a person or a client can act on, never a 500 and
 * never a stack trace. The requests are written byte for byte on a socket, so paths reach the
 * server exactly as listed, not as a client library would tidy them.
 */
@EhcIntegrationTest
// The application WebAppLoginTest uses: the web apps find their engine in a JVM-wide registry.
@TestPropertySource(properties = "ehc.test.context=web-app-login")
class CleanAnswersTest {

  static final Pattern STACK_TRACE =
      Pattern.compile("\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|Caused by:|\\.java:\\d+");
  static final String JSON = "application/json";
  static final String LONG_KEY = "K".repeat(10_000);

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService jobs;

  /** One request: who sends it, how, and what it is about (the test's name). */
  record Probe(
      String what, String user, String method, String target, String contentType, String body) {

    @Override
    public String toString() {
      return what;
    }
  }

  static Stream<Probe> probes() {
    List<Probe> probes = new ArrayList<>();
    // Unknown ids, by every route that takes one.
    for (String route :
        List.of(
            "task/no-such-task",
            "task/no-such-task/form",
            "task/no-such-task/form-variables",
            "task/no-such-task/rendered-form",
            "task/no-such-task/deployed-form",
            "task/no-such-task/variables",
            "process-instance/no-such-case",
            "process-instance/no-such-case/variables",
            "process-instance/no-such-case/activity-instances",
            "deployment/no-such-deployment",
            "deployment/no-such-deployment/resources",
            "process-definition/no-such-definition",
            "process-definition/no-such-definition/xml",
            "process-definition/no-such-definition/form-variables",
            "process-definition/no-such-definition/startForm",
            "process-definition/no-such-definition/rendered-form",
            "process-definition/no-such-definition/deployed-start-form",
            "process-definition/key/no-such-key",
            "process-definition/key/no-such-key/form-variables",
            "process-definition/key/no-such-key/deployed-start-form",
            "decision-definition/no-such-decision",
            "history/process-instance/no-such-case",
            "form/no-such-form",
            "execution/no-such-execution")) {
      for (String user : List.of("caseworker", "admin")) {
        probes.add(
            new Probe(
                "GET unknown " + route + " as " + user,
                user,
                "GET",
                "/engine-rest/" + route,
                null,
                null));
      }
    }
    for (String user : List.of("caseworker", "admin", "health")) {
      probes.add(
          new Probe(
              "complete an unknown task as " + user,
              user,
              "POST",
              "/engine-rest/task/no-such-task/complete",
              JSON,
              "{}"));
      probes.add(
          new Probe(
              "submit the form of an unknown task as " + user,
              user,
              "POST",
              "/engine-rest/task/no-such-task/submit-form",
              JSON,
              "{\"variables\":{}}"));
      probes.add(
          new Probe(
              "claim an unknown task as " + user,
              user,
              "POST",
              "/engine-rest/task/no-such-task/claim",
              JSON,
              "{\"userId\":\"" + user + "\"}"));
      probes.add(
          new Probe(
              "start an unknown definition by id as " + user,
              user,
              "POST",
              "/engine-rest/process-definition/no-such-definition/start",
              JSON,
              "{}"));
      probes.add(
          new Probe(
              "start an unknown definition by key as " + user,
              user,
              "POST",
              "/engine-rest/process-definition/key/no-such-key/start",
              JSON,
              "{}"));
      probes.add(
          new Probe(
              "set a variable on an unknown case as " + user,
              user,
              "PUT",
              "/engine-rest/process-instance/no-such-case/variables/x",
              JSON,
              "{\"value\":1}"));
    }
    probes.add(
        new Probe(
            "delete an unknown case",
            "admin",
            "DELETE",
            "/engine-rest/process-instance/no-such-case",
            null,
            null));
    probes.add(
        new Probe(
            "delete an unknown deployment",
            "admin",
            "DELETE",
            "/engine-rest/deployment/no-such-deployment",
            null,
            null));
    // The condition endpoint with odd bodies.
    for (String body :
        List.of(
            "",
            "{}",
            "[]",
            "null",
            "\"x\"",
            "{\"variables\":{}}",
            "{\"variables\":null}",
            "{\"variables\":{\"x\":{\"value\":1}}}",
            "{\"variables\":{\"x\":{\"value\":1,\"type\":\"NoSuchType\"}}}",
            "{\"businessKey\":\"" + LONG_KEY + "\",\"variables\":{\"x\":{\"value\":1}}}",
            "{\"processDefinitionId\":\"no-such\",\"variables\":{\"x\":{\"value\":1}}}",
            "{\"variables\":{\"x\":")) {
      for (String user : List.of("caseworker", "admin")) {
        probes.add(
            new Probe(
                "POST /condition " + shortened(body) + " as " + user,
                user,
                "POST",
                "/engine-rest/condition",
                JSON,
                body));
      }
    }
    // A 10,000-character business key.
    probes.add(
        new Probe(
            "a start with a 10,000-character business key",
            "caseworker",
            "POST",
            "/engine-rest/process-definition/key/" + AssessmentProcess.KEY + "/start",
            JSON,
            "{\"businessKey\":\""
                + LONG_KEY
                + "\",\"variables\":"
                + validAssessmentStart("LONG-KEY")
                + "}"));
    for (String user : List.of("caseworker", "admin")) {
      probes.add(
          new Probe(
              "a message correlated by a 10,000-character business key as " + user,
              user,
              "POST",
              "/engine-rest/message",
              JSON,
              "{\"messageName\":\"ehc.request-withdrawn\",\"businessKey\":\"" + LONG_KEY + "\"}"));
      probes.add(
          new Probe(
              "an unknown message as " + user,
              user,
              "POST",
              "/engine-rest/message",
              JSON,
              "{\"messageName\":\"no-such-message\"}"));
    }
    // Odd paths.
    for (String path :
        List.of(
            "//engine-rest//task",
            "/engine-rest//task",
            "/engine-rest/task/%2e%2e/",
            "/engine-rest/task/../task",
            "/engine-rest/task;jsessionid=x",
            "/engine-rest/task/a%2Fb",
            "/engine-rest/task/a%2fb/complete",
            "/engine-rest/task/a%5Cb",
            "/engine-rest/task/a\\b",
            "/engine-rest\\task",
            "/engine-rest/task/" + "a".repeat(7_000),
            "/engine-rest/task/" + "a".repeat(20_000),
            "/engine-rest/task/%E2%98%83",
            "/engine-rest/task/\u2603\u00e9",
            "/engine-rest/task/%00",
            "/engine-rest/task/%ZZ",
            "/engine-rest/task/%25",
            "/engine-rest/process-definition/key/%2e%2e%2f%2e%2e%2fetc/start",
            "/api/cases/%2e%2e/chronology",
            "/api/cases/a%2Fb/chronology.html",
            "/api/reports/../reports/compliance",
            "/api//reports/compliance",
            "/api/nope",
            "/camunda/app//tasklist/",
            "/camunda/api/engine/engine/default//task",
            "/engine-rest/task?maxResults=abc",
            "/engine-rest/task?sortBy=nope&sortOrder=asc",
            "/api/reports/compliance?from=%E2%98%83")) {
      probes.add(new Probe("GET " + shortened(path), "manager", "GET", path, null, null));
    }
    // Malformed JSON and wrong content types.
    for (String body :
        List.of(
            "{",
            "[1,",
            "{\"variables\": {\"childId\": {\"value\": ",
            "\u0000",
            "{\"a\":1}}",
            "nul")) {
      probes.add(
          new Probe(
              "a start with the body " + shortened(body),
              "caseworker",
              "POST",
              "/engine-rest/process-definition/key/" + AssessmentProcess.KEY + "/start",
              JSON,
              body));
      probes.add(
          new Probe(
              "a task query with the body " + shortened(body),
              "caseworker",
              "POST",
              "/engine-rest/task",
              JSON,
              body));
      probes.add(
          new Probe(
              "a message with the body " + shortened(body),
              "caseworker",
              "POST",
              "/engine-rest/message",
              JSON,
              body));
    }
    for (String type :
        List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "nonsense")) {
      probes.add(
          new Probe(
              "a message sent as " + type,
              "caseworker",
              "POST",
              "/engine-rest/message",
              type,
              "{\"messageName\":\"no-such-message\"}"));
      probes.add(
          new Probe(
              "a task query sent as " + type,
              "caseworker",
              "POST",
              "/engine-rest/task",
              type,
              "{}"));
      probes.add(
          new Probe(
              "the compliance report posted as " + type,
              "manager",
              "POST",
              "/api/reports/compliance",
              type,
              "{}"));
    }
    // Bodies past the JSON parser's limits: nesting, a number's length.
    String deep = "[".repeat(5_000) + "]".repeat(5_000);
    String longNumber = "{\"variables\":{\"x\":{\"value\":" + "1".repeat(5_000) + "}}}";
    for (String route :
        List.of(
            "/engine-rest/task",
            "/engine-rest/message",
            "/engine-rest/condition",
            "/engine-rest/process-definition/key/" + AssessmentProcess.KEY + "/start")) {
      probes.add(
          new Probe("JSON nested 5,000 deep to " + route, "caseworker", "POST", route, JSON, deep));
      probes.add(
          new Probe(
              "a 5,000-digit number to " + route, "caseworker", "POST", route, JSON, longNumber));
    }
    // Methods a route does not have, and credentials that are not credentials.
    probes.add(
        new Probe(
            "DELETE the compliance report",
            "manager",
            "DELETE",
            "/api/reports/compliance",
            null,
            null));
    probes.add(
        new Probe(
            "PATCH a chronology", "manager", "PATCH", "/api/cases/C1/chronology", JSON, "{}"));
    probes.add(
        new Probe("TRACE the task list", "manager", "TRACE", "/engine-rest/task", null, null));
    probes.add(
        new Probe("GET the plan import", "caseworker", "GET", "/api/plans/import", null, null));
    probes.add(
        new Probe(
            "an Authorization header that is not Basic",
            "raw:Bearer x",
            "GET",
            "/engine-rest/task",
            null,
            null));
    probes.add(
        new Probe(
            "Basic credentials that are not base64",
            "raw:Basic !!!",
            "GET",
            "/api/reports/compliance",
            null,
            null));
    probes.add(
        new Probe(
            "Basic credentials without a colon",
            "raw:Basic "
                + Base64.getEncoder().encodeToString("manager".getBytes(StandardCharsets.UTF_8)),
            "GET",
            "/api/reports/compliance",
            null,
            null));
    probes.add(
        new Probe(
            "a user name of 10,000 characters",
            "raw:Basic "
                + Base64.getEncoder()
                    .encodeToString(("u".repeat(5_000) + ":demo").getBytes(StandardCharsets.UTF_8)),
            "GET",
            "/engine-rest/task",
            null,
            null));
    probes.add(
        new Probe(
            "the plan import sent as a broken multipart",
            "caseworker",
            "POST",
            "/api/plans/import",
            "multipart/form-data; boundary=xyz",
            "--xyz\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc"));
    probes.add(
        new Probe(
            "the compliance report asked for as XML",
            "manager",
            "GET",
            "/api/reports/compliance",
            null,
            null));
    return probes.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("probes")
  void a_request_the_application_cannot_act_on_gets_a_4xx_answer_without_a_stack_trace(Probe probe)
      throws IOException {
    Answer answer = send(probe);

    assertThat(answer.status()).as(probe + ": " + answer.body()).isBetween(400, 499);
    assertThat(STACK_TRACE.matcher(answer.body()).find())
        .as("a stack trace in " + answer.body())
        .isFalse();
  }

  @Test
  void an_unknown_task_is_named_in_words_and_not_found() throws IOException {
    Answer answer =
        send(
            new Probe(
                "", "caseworker", "POST", "/engine-rest/task/no-such-task/complete", JSON, "{}"));

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body()).contains("no-such-task");
  }

  @Test
  void
      in_tasklist_completing_a_task_a_second_time_is_a_conflict_in_words_and_an_unknown_task_is_not_found()
          throws Exception {
    String childId = "CLEAN-" + Long.toString(System.nanoTime(), 36);
    Answer started =
        send(
            new Probe(
                "",
                "caseworker",
                "POST",
                "/engine-rest/process-definition/key/" + AssessmentProcess.KEY + "/start",
                JSON,
                "{\"businessKey\":\"EHCNA-"
                    + childId
                    + "\",\"variables\":"
                    + validAssessmentStart(childId)
                    + "}"));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String caseId =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey("EHCNA-" + childId)
            .singleResult()
            .getId();
    // The job executor is off in tests: the steps before the first task run here.
    for (int round = 0;
        round < 20
            && tasks
                    .createTaskQuery()
                    .processInstanceId(caseId)
                    .taskDefinitionKey(AssessmentProcess.Elements.PREPARE_CASE_FOR_PANEL)
                    .count()
                == 0;
        round++) {
      jobs.createJobQuery()
          .processInstanceId(caseId)
          .executable()
          .list()
          .forEach(job -> jobs.executeJob(job.getId()));
    }
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey("EHCNA-" + childId)
            .taskDefinitionKey(AssessmentProcess.Elements.PREPARE_CASE_FOR_PANEL)
            .singleResult();

    CookieManager cookies = new CookieManager();
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    browser.send(
        HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    String csrf =
        cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue)
            .findFirst()
            .orElseThrow();
    HttpResponse<String> login =
        browser.send(
            HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=caseworker&password=demo"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    // The login starts a new session; its token comes with the next request, as in Tasklist's own
    // start-up.
    browser.send(
        HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/filter")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    csrf =
        cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue)
            .reduce((first, last) -> last)
            .orElseThrow();
    String form =
        "{\"variables\":{\"graduatedApproachCycles\":{\"value\":3},\"progressDespiteSupport\":{\"value\":false},"
            + "\"needsAcrossEducationHealthCare\":{\"value\":true}}}";
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      answers.add(
          browser.send(
              HttpRequest.newBuilder(
                      uri(
                          "/camunda/api/engine/engine/default/task/"
                              + task.getId()
                              + "/submit-form"))
                  .header("Content-Type", JSON)
                  .header("X-XSRF-TOKEN", csrf)
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }

    HttpResponse<String> unknown =
        browser.send(
            HttpRequest.newBuilder(
                    uri("/camunda/api/engine/engine/default/task/no-such-task/submit-form"))
                .header("Content-Type", JSON)
                .header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answers.get(0).statusCode()).as(answers.get(0).body()).isEqualTo(204);
    assertThat(answers.get(1).statusCode()).as(answers.get(1).body()).isEqualTo(409);
    assertThat(answers.get(1).body()).contains("completed or closed by someone else");
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
    assertThat(unknown.body()).contains("no-such-task");
    for (HttpResponse<String> answer : List.of(answers.get(1), unknown)) {
      assertThat(STACK_TRACE.matcher(answer.body()).find()).as(answer.body()).isFalse();
    }
  }

  // --- Helpers
  // ------------------------------------------------------------------------------------

  record Answer(int status, String headers, String body) {}

  private Answer send(Probe probe) throws IOException {
    byte[] body =
        probe.body() == null ? new byte[0] : probe.body().getBytes(StandardCharsets.UTF_8);
    StringBuilder head =
        new StringBuilder(probe.method())
            .append(' ')
            .append(probe.target())
            .append(" HTTP/1.1\r\n")
            .append("Host: localhost:")
            .append(port)
            .append("\r\n")
            .append("Authorization: ")
            .append(
                probe.user().startsWith("raw:")
                    ? probe.user().substring(4)
                    : "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                (probe.user() + ":demo").getBytes(StandardCharsets.UTF_8)))
            .append("\r\n");
    if (probe.what().contains("as XML")) {
      head.append("Accept: application/xml\r\n");
    }
    if (probe.contentType() != null) {
      head.append("Content-Type: ").append(probe.contentType()).append("\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.UTF_8));
      out.write(body);
      out.flush();
      return parse(socket.getInputStream().readAllBytes());
    }
  }

  private static Answer parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String headers = end < 0 ? text : text.substring(0, end);
    String body = end < 0 ? "" : text.substring(end + 4);
    int status = Integer.parseInt(headers.substring(9, 12));
    if (headers.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
      body = dechunked(body);
    }
    return new Answer(status, headers, body);
  }

  private static String dechunked(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (at < chunked.length()) {
      int lineEnd = chunked.indexOf("\r\n", at);
      if (lineEnd < 0) {
        break;
      }
      int size;
      try {
        size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
      } catch (NumberFormatException e) {
        return chunked; // multi-byte characters moved the chunk boundaries: the raw text still
        // shows any trace
      }
      if (size == 0) {
        break;
      }
      // Sizes count bytes; the bodies here are ASCII or short enough that a misread tail does not
      // matter.
      int from = lineEnd + 2;
      int to = Math.min(chunked.length(), from + size);
      body.append(chunked, from, to);
      at = to + 2;
    }
    return body.toString();
  }

  private static String validAssessmentStart(String childId) {
    String received = LocalDate.now(java.time.ZoneId.of("Europe/London")).minusDays(7).toString();
    return "{\"childId\":{\"value\":\""
        + childId
        + "\"},\"childName\":{\"value\":\"Sam Jones\"},"
        + "\"dateOfBirth\":{\"value\":\"2016-03-14\"},\"requestReceivedDate\":{\"value\":\""
        + received
        + "\"},"
        + "\"requester\":{\"value\":\"parent\"},\"parentEmail\":{\"value\":\"parent@example.org\"}}";
  }

  private static String shortened(String text) {
    String printable = text.replace("\u0000", "NUL");
    return printable.length() > 60
        ? printable.substring(0, 60) + "... (" + printable.length() + " characters)"
        : printable;
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
