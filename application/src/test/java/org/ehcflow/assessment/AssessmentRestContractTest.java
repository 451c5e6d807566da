package org.ehcflow.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
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

/** The assessment as integrators start and drive it through the REST API, with its refusals. */
@EhcIntegrationTest
class AssessmentRestContractTest {

  private static final String START =
      "/engine-rest/process-definition/key/ehc-needs-assessment/start";
  private static final ParameterizedTypeReference<Map<String, Object>> JSON =
      new ParameterizedTypeReference<>() {};

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  @BeforeEach
  void today() {
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2026-01-05 10:00:00"));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static Map<String, Object> typed(Object value, String type) {
    Map<String, Object> variable = new LinkedHashMap<>();
    variable.put("value", value);
    variable.put("type", type);
    return variable;
  }

  static Map<String, Object> validVariables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("childId", typed("C-REST-1", "String"));
    variables.put("childName", typed("Alex Rest", "String"));
    variables.put("dateOfBirth", typed("2015-06-01", "String"));
    variables.put("requestReceivedDate", typed("2026-01-05", "String"));
    variables.put("requester", typed("school", "String"));
    variables.put("parentEmail", typed("alex.parent@example.org", "String"));
    variables.put("yearGroup", typed(5, "Integer"));
    variables.put("lookedAfter", typed(false, "Boolean"));
    return variables;
  }

  private ResponseEntity<Map<String, Object>> start(
      String businessKey, Map<String, Object> variables) {
    Map<String, Object> body = new HashMap<>();
    body.put("businessKey", businessKey);
    body.put("variables", variables);
    body.put("withVariablesInReturn", true);
    return http.withBasicAuth("caseworker", "demo")
        .exchange(START, HttpMethod.POST, json(body), JSON);
  }

  private void assertRefused(
      Map<String, Object> variables, String businessKey, String... expectedInMessage) {
    ResponseEntity<Map<String, Object>> response = start(businessKey, variables);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("message")).contains(expectedInMessage);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count())
        .isZero();
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .count())
        .as("nothing is left behind, not even in history")
        .isZero();
  }

  @Test
  void
      a_caseworker_starts_a_request_and_gets_the_statutory_dates_back_with_the_business_key_kept() {
    ResponseEntity<Map<String, Object>> response = start("EHC-2026-0001", validVariables());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).containsEntry("businessKey", "EHC-2026-0001");
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> returned =
        (Map<String, Map<String, Object>>) response.getBody().get("variables");
    assertThat(returned.get("decisionToAssessDue")).containsEntry("value", "2026-02-16");
    assertThat(returned.get("noPlanNoticeDue")).containsEntry("value", "2026-04-27");
    assertThat(returned.get("finalPlanDue")).containsEntry("value", "2026-05-25");
  }

  @Test
  void a_missing_required_variable_is_refused_naming_it() {
    Map<String, Object> variables = validVariables();
    variables.remove("parentEmail");
    assertRefused(variables, "REST-MISSING", "parentEmail: is required");
  }

  @Test
  void a_misspelt_variable_is_refused_not_ignored() {
    Map<String, Object> variables = validVariables();
    variables.put("requestRecievedDate", variables.remove("requestReceivedDate"));
    assertRefused(
        variables,
        "REST-MISSPELT",
        "requestRecievedDate: is not a variable of this process",
        "requestReceivedDate: is required");
  }

  @Test
  void a_request_dated_in_the_future_is_refused() {
    Map<String, Object> variables = validVariables();
    variables.put("requestReceivedDate", typed("2026-01-06", "String"));
    assertRefused(variables, "REST-FUTURE", "requestReceivedDate: must not be in the future");
  }

  @Test
  void an_impossible_date_a_bad_email_and_an_unknown_requester_are_each_named() {
    Map<String, Object> variables = validVariables();
    variables.put("dateOfBirth", typed("2015-02-30", "String"));
    variables.put("parentEmail", typed("not-an-address", "String"));
    variables.put("requester", typed("grandparent", "String"));
    assertRefused(
        variables,
        "REST-BAD",
        "dateOfBirth: '2015-02-30' is not a date",
        "parentEmail:",
        "requester: must be one of");
  }

  @Test
  void a_wrongly_typed_year_group_and_a_young_person_of_25_are_refused() {
    Map<String, Object> variables = validVariables();
    variables.put("yearGroup", typed("five", "String"));
    variables.put("dateOfBirth", typed("2000-12-01", "String"));
    assertRefused(variables, "REST-TYPES", "yearGroup: must be a whole number", "must be under 25");
  }

  @Test
  void oversized_text_is_refused_and_markup_in_text_is_stored_as_plain_text() {
    Map<String, Object> variables = validVariables();
    variables.put("childName", typed("x".repeat(201), "String"));
    assertRefused(variables, "REST-LONG", "childName: is longer than 200 characters");

    Map<String, Object> markup = validVariables();
    markup.put("childName", typed("<script>alert(1)</script> Lee", "String"));
    ResponseEntity<Map<String, Object>> response = start("REST-MARKUP", markup);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    String id = (String) response.getBody().get("id");
    assertThat(runtime.getVariable(id, "childName")).isEqualTo("<script>alert(1)</script> Lee");
  }

  @Test
  void a_partner_cannot_start_a_request() {
    ResponseEntity<Map<String, Object>> response =
        http.withBasicAuth("health", "demo")
            .exchange(
                START,
                HttpMethod.POST,
                json(Map.of("businessKey", "REST-HEALTH", "variables", validVariables())),
                JSON);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            runtime.createProcessInstanceQuery().processInstanceBusinessKey("REST-HEALTH").count())
        .isZero();
  }

  @Test
  void a_panel_decision_without_reasons_is_refused_with_400_and_the_task_stays_open() {
    String id = (String) start("REST-PANEL", validVariables()).getBody().get("id");
    Jobs.executeAll(management, id);
    Task prepare = tasks.createTaskQuery().processInstanceId(id).singleResult();
    tasks.complete(
        prepare.getId(),
        Map.of(
            "graduatedApproachCycles",
            2,
            "progressDespiteSupport",
            false,
            "needsAcrossEducationHealthCare",
            true));
    Task panel =
        tasks
            .createTaskQuery()
            .processInstanceId(id)
            .taskCandidateGroup("ehc-panel")
            .singleResult();

    ResponseEntity<Map<String, Object>> response =
        http.withBasicAuth("panel", "demo")
            .exchange(
                "/engine-rest/task/" + panel.getId() + "/complete",
                HttpMethod.POST,
                json(Map.of("variables", Map.of("assessDecision", typed("maybe", "String")))),
                JSON);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("message"))
        .contains("assessDecision: must be one of")
        .contains("assessDecisionReason: is required");
    assertThat(tasks.createTaskQuery().taskId(panel.getId()).count()).isEqualTo(1);
    assertThat(runtime.getVariable(id, "assessDecision")).isNull();
  }

  @Test
  void an_exception_with_an_unknown_ground_is_refused_and_a_known_one_is_recorded() {
    String id = (String) start("REST-EXC", validVariables()).getBody().get("id");
    Map<String, Object> bad =
        Map.of(
            "messageName",
            "ehc.exception-recorded",
            "businessKey",
            "REST-EXC",
            "processVariables",
            Map.of("exceptionGround", typed("snow", "String")));
    Map<String, Object> good =
        Map.of(
            "messageName",
            "ehc.exception-recorded",
            "businessKey",
            "REST-EXC",
            "processVariables",
            Map.of("exceptionGround", typed("school-closure", "String")));

    ResponseEntity<Map<String, Object>> refused =
        http.withBasicAuth("caseworker", "demo")
            .exchange("/engine-rest/message", HttpMethod.POST, json(bad), JSON);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) refused.getBody().get("message"))
        .contains("exceptionGround: must be one of");
    assertThat(runtime.getVariable(id, "exceptionsApply")).isEqualTo(false);

    ResponseEntity<String> accepted =
        http.withBasicAuth("caseworker", "demo")
            .exchange("/engine-rest/message", HttpMethod.POST, json(good), String.class);
    assertThat(accepted.getStatusCode().is2xxSuccessful()).isTrue();
    assertThat(runtime.getVariable(id, "exceptionsApply")).isEqualTo(true);
  }

  @Test
  void a_caseworker_records_a_withdrawal_from_the_tasklist_action_and_an_unknown_case_is_refused() {
    String id = (String) start("REST-ACTION", validVariables()).getBody().get("id");
    String action = "/engine-rest/process-definition/key/ehc-record-case-event/submit-form";

    ResponseEntity<Map<String, Object>> unknown =
        http.withBasicAuth("caseworker", "demo")
            .exchange(
                action,
                HttpMethod.POST,
                json(
                    Map.of(
                        "variables",
                        Map.of(
                            "caseBusinessKey",
                            typed("NO-SUCH-CASE", "String"),
                            "caseEvent",
                            typed("request-withdrawn", "String")))),
                JSON);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) unknown.getBody().get("message"))
        .contains("caseBusinessKey: no open assessment has the reference 'NO-SUCH-CASE'");

    ResponseEntity<Map<String, Object>> withdrawn =
        http.withBasicAuth("caseworker", "demo")
            .exchange(
                action,
                HttpMethod.POST,
                json(
                    Map.of(
                        "variables",
                        Map.of(
                            "caseBusinessKey",
                            typed("REST-ACTION", "String"),
                            "caseEvent",
                            typed("request-withdrawn", "String"),
                            "withdrawnReason",
                            typed("Parent's letter", "String")))),
                JSON);
    assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
    Jobs.executeAll(management, id);
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceId(id)
                .singleResult()
                .getEndTime())
        .isNotNull();
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(id)
                .variableName("requestOutcome")
                .singleResult()
                .getValue())
        .isEqualTo("W");
  }

  @Test
  void the_start_form_and_the_panels_task_form_are_the_deployed_camunda_forms() {
    ResponseEntity<Map<String, Object>> startForm =
        http.withBasicAuth("caseworker", "demo")
            .exchange(
                "/engine-rest/process-definition/key/ehc-needs-assessment/deployed-start-form",
                HttpMethod.GET,
                null,
                JSON);
    assertThat(startForm.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(startForm.getBody()).containsEntry("id", "form_requestAssessment");

    String id = (String) start("REST-FORMS", validVariables()).getBody().get("id");
    Jobs.executeAll(management, id);
    tasks.complete(
        tasks.createTaskQuery().processInstanceId(id).singleResult().getId(),
        Map.of(
            "graduatedApproachCycles",
            2,
            "progressDespiteSupport",
            false,
            "needsAcrossEducationHealthCare",
            true));
    Task panel = tasks.createTaskQuery().processInstanceId(id).singleResult();
    ResponseEntity<Map<String, Object>> panelForm =
        http.withBasicAuth("panel", "demo")
            .exchange(
                "/engine-rest/task/" + panel.getId() + "/deployed-form",
                HttpMethod.GET,
                null,
                JSON);
    assertThat(panelForm.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(panelForm.getBody()).containsEntry("id", "form_decideWhetherToAssess");
    ResponseEntity<Map<String, Object>> shown =
        http.withBasicAuth("panel", "demo")
            .exchange(
                "/engine-rest/task/" + panel.getId() + "/form-variables",
                HttpMethod.GET,
                null,
                JSON);
    assertThat(shown.getBody())
        .containsKeys("assessRecommendation", "assessRecommendationReason", "childName");
  }

  @Test
  void a_partner_cannot_record_a_case_event() {
    ResponseEntity<String> response =
        http.withBasicAuth("senco", "demo")
            .exchange(
                "/engine-rest/process-definition/key/ehc-record-case-event/start",
                HttpMethod.POST,
                json(Map.of("variables", Map.of("caseBusinessKey", typed("ANY", "String")))),
                String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private static <T> HttpEntity<T> json(T body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
