package org.ehcflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.support.AssessmentCase;
import org.ehcflow.support.Cases;
import org.ehcflow.support.TestCase;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What the trust-boundary tests share: real cases at a known stage, and requests as a demo user
 * over the REST API or, as Tasklist sends them, through the web apps' own API with a session.
 */
final class SecurityProbe {

  static final Pattern STACK_TRACE =
      Pattern.compile("\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|Caused by:|\\.java:\\d+");

  private final TestRestTemplate http;
  private final ProcessEngine engine;
  private final GreenMailExtension mail;

  SecurityProbe(TestRestTemplate http, ProcessEngine engine, GreenMailExtension mail) {
    this.http = http;
    this.engine = engine;
    this.mail = mail;
  }

  /** An assessment waiting for its four advisers, as on the day the requests went out. */
  TestCase assessmentAtAdvice(String child) {
    return Cases.assessment(engine, mail).child(child).atAdvice();
  }

  /** An assessment just registered, waiting for the caseworker to prepare it for the panel. */
  TestCase assessmentJustRequested(String child) {
    return Cases.assessment(engine, mail).child(child).on("2026-02-09T09:30").requested();
  }

  /** The open advice task of one adviser's group in the assessment. */
  Task adviceTask(TestCase assessment, String group) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(assessment.id())
        .taskDefinitionKey(AssessmentProcess.Elements.GIVE_ADVICE)
        .taskCandidateGroup(group)
        .singleResult();
  }

  /** The default assessment request with each value typed, as a client starts a case over REST. */
  static Map<String, Object> typedAssessmentRequest(String child, String received) {
    Map<String, Object> variables = new LinkedHashMap<>();
    AssessmentCase.request(child, received)
        .forEach(
            (name, value) ->
                variables.put(name, typed(value, value instanceof Integer ? "Integer" : "String")));
    return variables;
  }

  static void clock(String londonDateTime) {
    ClockUtil.setCurrentTime(
        Date.from(LocalDateTime.parse(londonDateTime).atZone(StatutoryClock.ZONE).toInstant()));
  }

  static Map<String, Object> typed(Object value, String type) {
    Map<String, Object> typed = new LinkedHashMap<>();
    typed.put("value", value);
    typed.put("type", type);
    return typed;
  }

  static Map<String, Object> text(String value) {
    return typed(value, "String");
  }

  ResponseEntity<String> get(String user, String path) {
    ResponseEntity<String> answer =
        http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    assertNoStackTrace(answer.getStatusCode().value(), answer.getBody());
    return answer;
  }

  ResponseEntity<String> send(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> answer =
        http.withBasicAuth(user, "demo")
            .exchange(path, method, new HttpEntity<>(body, headers), String.class);
    assertNoStackTrace(answer.getStatusCode().value(), answer.getBody());
    return answer;
  }

  static void assertNoStackTrace(int status, String body) {
    assertThat(status).as("never a server error: " + body).isLessThan(500);
    if (body != null) {
      assertThat(STACK_TRACE.matcher(body).find()).as("no stack trace in " + body).isFalse();
    }
  }

  /**
   * A person logged in to a web app, sending what its pages send (session cookie and CSRF token).
   */
  static final class WebAppSession {

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    private WebAppSession(int port) {
      this.port = port;
    }

    static WebAppSession logIn(int port, String app, String user)
        throws IOException, InterruptedException {
      WebAppSession session = new WebAppSession(port);
      session.get("/camunda/app/" + app + "/default/");
      HttpResponse<String> login =
          session.browser.send(
              HttpRequest.newBuilder(
                      session.uri("/camunda/api/admin/auth/user/default/login/" + app))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("X-XSRF-TOKEN", session.csrfToken())
                  .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as(user + " logs in to " + app).isEqualTo(200);
      return session;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return browser.send(
          HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String path, String json)
        throws IOException, InterruptedException {
      HttpResponse<String> answer =
          browser.send(
              HttpRequest.newBuilder(uri(path))
                  .header("Content-Type", "application/json")
                  .header("X-XSRF-TOKEN", csrfToken())
                  .POST(HttpRequest.BodyPublishers.ofString(json))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertNoStackTrace(answer.statusCode(), answer.body());
      return answer;
    }

    private String csrfToken() {
      return cookies.getCookieStore().getCookies().stream()
          .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue)
          .findFirst()
          .orElseThrow(() -> new AssertionError("the web app set no CSRF token"));
    }

    private URI uri(String path) {
      return URI.create("http://localhost:" + port + path);
    }
  }
}
