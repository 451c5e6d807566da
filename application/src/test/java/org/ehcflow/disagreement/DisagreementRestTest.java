package org.ehcflow.disagreement;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

/** Who may open a disagreement, and its messages' variables, through the REST API. */
@EhcIntegrationTest
class DisagreementRestTest {

  private static final String START = "/engine-rest/process-definition/key/ehc-disagreement/start";
  private static final ParameterizedTypeReference<Map<String, Object>> JSON =
      new ParameterizedTypeReference<>() {};

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  @BeforeEach
  void today() {
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2027-03-10 11:00:00"));
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

  private static Map<String, Object> body(String childId, Map<String, Object> extra) {
    Map<String, Object> variables = new HashMap<>();
    Map<String, Object> start =
        EhcDisagreementProcessTest.dispute(childId, "plan-content", "2027-01-15");
    start.putAll(extra);
    start.forEach((name, value) -> variables.put(name, typed(value)));
    return Map.of("variables", variables);
  }

  private ResponseEntity<Map<String, Object>> message(Map<String, Object> body) {
    return http.withBasicAuth("caseworker", "demo")
        .exchange("/engine-rest/message", HttpMethod.POST, json(body), JSON);
  }

  @Test
  void a_caseworker_opens_a_disagreement_and_a_health_user_cannot() {
    ResponseEntity<Map<String, Object>> caseworker =
        http.withBasicAuth("caseworker", "demo")
            .exchange(START, HttpMethod.POST, json(body("C-REST-1", Map.of())), JSON);
    ResponseEntity<Map<String, Object>> health =
        http.withBasicAuth("health", "demo")
            .exchange(START, HttpMethod.POST, json(body("C-REST-2", Map.of())), JSON);

    assertThat(caseworker.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(caseworker.getBody().get("businessKey")).isEqualTo("DR-C-REST-1-2027-01-15");
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void a_start_or_a_message_with_a_bad_value_is_refused_naming_it_and_changes_nothing() {
    ResponseEntity<Map<String, Object>> misspelt =
        http.withBasicAuth("caseworker", "demo")
            .exchange(
                START,
                HttpMethod.POST,
                json(body("C-REST-3", Map.of("decisionLeterDate", "2027-01-15"))),
                JSON);
    assertThat(misspelt.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) misspelt.getBody().get("message"))
        .contains("decisionLeterDate: is not a variable of this process");

    String id =
        (String)
            http.withBasicAuth("caseworker", "demo")
                .exchange(START, HttpMethod.POST, json(body("C-REST-4", Map.of())), JSON)
                .getBody()
                .get("id");
    // The acknowledgement is sent first, as the job executor would; then the case waits.
    Jobs.executeAll(management, id);

    ResponseEntity<Map<String, Object>> hearing =
        message(
            Map.of(
                "messageName",
                "ehc.appeal-registered",
                "businessKey",
                "DR-C-REST-4-2027-01-15",
                "processVariables",
                Map.of(
                    "appealRegisteredDate",
                    typed("2027-03-10"),
                    "tribunalReference",
                    typed("EH123/27/00500"),
                    "hearingDate",
                    typed("2027-06-01"))));
    assertThat(hearing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) hearing.getBody().get("message"))
        .contains("hearingDate: is not a variable of the message ehc.appeal-registered");

    ResponseEntity<Map<String, Object>> early =
        message(
            Map.of(
                "messageName",
                "ehc.appeal-registered",
                "businessKey",
                "DR-C-REST-4-2027-01-15",
                "processVariables",
                Map.of(
                    "appealRegisteredDate",
                    typed("2027-01-14"),
                    "tribunalReference",
                    typed("EH123/27/00500"))));
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) early.getBody().get("message"))
        .contains(
            "appealRegisteredDate: cannot be before the disputed decision's letter (2027-01-15)");
    assertThat(runtime.getVariable(id, "appealRegisteredDate")).isNull();
    assertThat(runtime.getVariable(id, "tribunalReference")).isNull();

    ResponseEntity<Map<String, Object>> mediation =
        message(
            Map.of(
                "messageName",
                "ehc.mediation-requested",
                "businessKey",
                "DR-C-REST-4-2027-01-15",
                "processVariables",
                Map.of(
                    "mediationRequestedDate",
                    typed("2027-03-10"),
                    "healthInIssue",
                    typed(true),
                    "mediationIssues",
                    typed("Section F therapy hours"))));
    assertThat(mediation.getStatusCode().is2xxSuccessful()).as(mediation.toString()).isTrue();
    assertThat(runtime.getVariable(id, "mediationDue")).isEqualTo("2027-04-09");
    assertThat(runtime.getVariable(id, "icbNotificationDue")).isEqualTo("2027-03-15");
  }

  private static <T> HttpEntity<T> json(T body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
