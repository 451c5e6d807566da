package org.ehcflow.section23;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.Jobs;
import org.ehcflow.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Who may file and who may triage a notification, through the REST API a health system uses. */
@EhcIntegrationTest
class Section23RestTest {

  private static final String START =
      "/engine-rest/process-definition/key/section-23-notification/start";
  private static final ParameterizedTypeReference<Map<String, Object>> JSON =
      new ParameterizedTypeReference<>() {};

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  @BeforeEach
  void today() {
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2026-03-10 11:00:00"));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static Map<String, Object> typed(Object value) {
    Map<String, Object> variable = new LinkedHashMap<>();
    variable.put("value", value);
    return variable;
  }

  private static Map<String, Object> body(String businessKey) {
    Map<String, Object> variables = new HashMap<>();
    Section23NotificationProcessTest.notification("9434765919", "Rest Lee", "emerging")
        .forEach((name, value) -> variables.put(name, typed(value)));
    return Map.of("businessKey", businessKey, "variables", variables);
  }

  @Test
  void a_health_system_files_a_notification_and_a_caseworker_cannot() {
    ResponseEntity<Map<String, Object>> health =
        http.withBasicAuth("health", "demo")
            .exchange(START, HttpMethod.POST, json(body("S23-REST-1")), JSON);
    ResponseEntity<Map<String, Object>> caseworker =
        http.withBasicAuth("caseworker", "demo")
            .exchange(START, HttpMethod.POST, json(body("S23-REST-2")), JSON);

    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(caseworker.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            runtime.createProcessInstanceQuery().processInstanceBusinessKey("S23-REST-2").count())
        .isZero();
  }

  @Test
  void a_bad_check_digit_over_rest_is_a_400_naming_the_rule() {
    Map<String, Object> bad = new HashMap<>(body("S23-REST-BAD"));
    @SuppressWarnings("unchecked")
    Map<String, Object> variables = new HashMap<>((Map<String, Object>) bad.get("variables"));
    variables.put("nhsNumber", typed("9434765918"));
    bad.put("variables", variables);

    ResponseEntity<Map<String, Object>> response =
        http.withBasicAuth("health", "demo").exchange(START, HttpMethod.POST, json(bad), JSON);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("message"))
        .contains("nhsNumber: '9434765918' is not a valid NHS number");
  }

  @Test
  void health_cannot_triage_and_early_years_can() {
    String id =
        (String)
            http.withBasicAuth("health", "demo")
                .exchange(START, HttpMethod.POST, json(body("S23-REST-3")), JSON)
                .getBody()
                .get("id");
    Jobs.executeAll(management, id);
    Task triage = tasks.createTaskQuery().processInstanceId(id).singleResult();
    Map<String, Object> completion =
        Map.of(
            "variables",
            Map.of(
                "triageOutcome", typed("early-years-support"), "triageReason", typed("Portage")));

    ResponseEntity<String> byHealth =
        http.withBasicAuth("health", "demo")
            .exchange(
                "/engine-rest/task/" + triage.getId() + "/complete",
                HttpMethod.POST,
                json(completion),
                String.class);
    ResponseEntity<String> byEarlyYears =
        http.withBasicAuth("earlyyears", "demo")
            .exchange(
                "/engine-rest/task/" + triage.getId() + "/complete",
                HttpMethod.POST,
                json(completion),
                String.class);

    // Health may not see early years' task: it answers as one that does not exist (issue 21, item
    // 6).
    assertThat(byHealth.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(byEarlyYears.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private static <T> HttpEntity<T> json(T body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
