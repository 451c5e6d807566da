package org.ehcflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.assessment.CaseEventProcess;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.Jobs;
import org.ehcflow.support.SmokeModel;
import org.ehcflow.support.TestMail;
import org.ehcflow.vocabulary.Pathways;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Every change a person makes to a case or a model is in the engine's user operation log with who
 * made it and when, whether it came through the REST API or Tasklist: read back here.
 */
@EhcIntegrationTest
// Its own application: the web apps find their engine in a JVM-wide registry, which an
// application started and stopped in the same JVM by an earlier test leaves without one.
@TestPropertySource(properties = "ehc.test.context=audit-trail")
class AuditTrailTest {

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @LocalServerPort int port;

  /**
   * A failed log-in by another test at the real time would lock the user while this test's clock
   * stands earlier.
   */
  @org.junit.jupiter.api.BeforeEach
  void usersAreUnlocked() {
    List.of("caseworker", "manager", "owner").forEach(engine.getIdentityService()::unlockUser);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void task_completions_variable_changes_and_recorded_exceptions_are_logged_with_who_and_when()
      throws Exception {
    Date started = at("2026-03-10T09:00");
    String caseId = startAssessment("AUDIT-1");
    Task prepare =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(caseId)
            .taskDefinitionKey(AssessmentProcess.Elements.PREPARE_CASE_FOR_PANEL)
            .singleResult();

    Date completed = at("2026-03-10T10:15");
    assertThat(
            send(
                    "caseworker",
                    HttpMethod.POST,
                    "/engine-rest/task/" + prepare.getId() + "/complete",
                    Map.of(
                        "variables",
                        Map.of(
                            "graduatedApproachCycles",
                            typed(2),
                            "progressDespiteSupport",
                            typed(false),
                            "needsAcrossEducationHealthCare",
                            typed(false),
                            "evidenceSummary",
                            typed("Two SEN support plans"))))
                .getStatusCode()
                .value())
        .isEqualTo(204);

    Date changed = at("2026-03-10T11:30");
    assertThat(
            send(
                    "caseworker",
                    HttpMethod.PUT,
                    "/engine-rest/process-instance/" + caseId + "/variables/settingEmail",
                    Map.of("value", "new.senco@school.example", "type", "String"))
                .getStatusCode()
                .value())
        .as("a direct write to a case is the administrators' alone")
        .isEqualTo(403);
    assertThat(
            send(
                    "admin",
                    HttpMethod.PUT,
                    "/engine-rest/process-instance/" + caseId + "/variables/settingEmail",
                    Map.of("value", "new.senco@school.example", "type", "String"))
                .getStatusCode()
                .value())
        .isEqualTo(204);

    Date byMessage = at("2026-03-11T08:45");
    assertThat(
            send(
                    "caseworker",
                    HttpMethod.POST,
                    "/engine-rest/message",
                    Map.of(
                        "messageName",
                        Pathways.Messages.EXCEPTION_RECORDED,
                        "businessKey",
                        "EHCNA-AUDIT-1",
                        "all",
                        true,
                        "processVariables",
                        Map.of(
                            "exceptionGround",
                            typed("school-closure"),
                            "exceptionNote",
                            typed("Snow"))))
                .getStatusCode()
                .value())
        .isEqualTo(204);

    Date byForm = at("2026-03-12T14:20");
    assertThat(
            send(
                    "manager",
                    HttpMethod.POST,
                    "/engine-rest/process-definition/key/" + CaseEventProcess.KEY + "/start",
                    Map.of(
                        "variables",
                        Map.of(
                            "caseBusinessKey",
                            typed("EHCNA-AUDIT-1"),
                            "caseEvent",
                            typed("exception-recorded"),
                            "exceptionGround",
                            typed("missed-appointment"),
                            "exceptionNote",
                            typed("Parent ill"))))
                .getStatusCode()
                .value())
        .as("a manager may not record events on the case")
        .isEqualTo(403);
    assertThat(
            send(
                    "caseworker",
                    HttpMethod.POST,
                    "/engine-rest/process-definition/key/" + CaseEventProcess.KEY + "/start",
                    Map.of(
                        "variables",
                        Map.of(
                            "caseBusinessKey",
                            typed("EHCNA-AUDIT-1"),
                            "caseEvent",
                            typed("exception-recorded"),
                            "exceptionGround",
                            typed("missed-appointment"),
                            "exceptionNote",
                            typed("Parent ill"))))
                .getStatusCode()
                .value())
        .isEqualTo(200);

    var log = engine.getHistoryService().createUserOperationLogQuery();
    UserOperationLogEntry completion =
        single(
            log.taskId(prepare.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
                .list());
    assertThat(completion.getUserId()).isEqualTo("caseworker");
    assertThat(completion.getTimestamp()).isEqualTo(completed);
    assertThat(completion.getProcessInstanceId()).isEqualTo(caseId);

    UserOperationLogEntry variable =
        single(
            engine
                .getHistoryService()
                .createUserOperationLogQuery()
                .processInstanceId(caseId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_SET_VARIABLE)
                .list());
    assertThat(variable.getUserId()).isEqualTo("admin");
    assertThat(variable.getTimestamp()).isEqualTo(changed);
    assertThat(variable.getEntityType()).isEqualTo(org.camunda.bpm.engine.EntityTypes.VARIABLE);

    // From another system: the contract's message, sent with "all" so the engine logs it (Camunda
    // writes a single-instance correlation to history only, not to the user operation log).
    UserOperationLogEntry message =
        single(
            engine
                .getHistoryService()
                .createUserOperationLogQuery()
                .operationType(UserOperationLogEntry.OPERATION_TYPE_CORRELATE_MESSAGE)
                .property("messageName")
                .list()
                .stream()
                .filter(e -> Pathways.Messages.EXCEPTION_RECORDED.equals(e.getNewValue()))
                .filter(e -> !e.getTimestamp().before(started))
                .toList());
    assertThat(message.getUserId()).isEqualTo("caseworker");
    assertThat(message.getTimestamp()).isEqualTo(byMessage);

    // From Tasklist: the caseworker's "record a case event" is logged as the start of that action,
    // whose variables say which case and what was recorded.
    UserOperationLogEntry action =
        single(
            engine
                .getHistoryService()
                .createUserOperationLogQuery()
                .processDefinitionKey(CaseEventProcess.KEY)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE)
                .list()
                .stream()
                .filter(
                    entry ->
                        engine
                                .getHistoryService()
                                .createHistoricVariableInstanceQuery()
                                .processInstanceId(entry.getProcessInstanceId())
                                .variableName("caseBusinessKey")
                                .variableValueEquals("caseBusinessKey", "EHCNA-AUDIT-1")
                                .count()
                            > 0)
                .toList());
    assertThat(action.getUserId())
        .as("the manager's refused attempt is not there")
        .isEqualTo("caseworker");
    assertThat(action.getTimestamp()).isEqualTo(byForm);
    Map<String, Object> recorded = new LinkedHashMap<>();
    engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(action.getProcessInstanceId())
        .list()
        .forEach(v -> recorded.put(v.getName(), v.getValue()));
    assertThat(recorded)
        .containsEntry("caseBusinessKey", "EHCNA-AUDIT-1")
        .containsEntry("caseEvent", "exception-recorded")
        .containsEntry("exceptionGround", "missed-appointment");
    assertThat(engine.getRuntimeService().getVariable(caseId, "exceptionGround"))
        .isEqualTo("missed-appointment");
  }

  @Test
  void a_deployment_and_a_migration_by_the_process_owner_are_logged_with_who_and_when() {
    engine
        .getRepositoryService()
        .createDeployment()
        .name("audit-v1")
        .addClasspathResource("models/ehc-smoke-test.bpmn")
        .addClasspathResource("models/review-test-case.form")
        .deploy();
    ProcessDefinition version1 = latestSmoke();
    ProcessInstance running =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                SmokeModel.KEY,
                "audit-migrated",
                Map.of("parentEmail", "parent@example.org", "childName", "Audit Child"));
    Jobs.executeAll(engine.getManagementService(), running.getId());

    Date deployed = at("2026-04-01T16:00");
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "audit-v2");
    parts.add(
        "data",
        new ClassPathResource("models/changes/smoke-v2-renamed.bpmn") {
          @Override
          public String getFilename() {
            return "ehc-smoke-test.bpmn";
          }
        });
    HttpHeaders multipart = new HttpHeaders();
    multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
    assertThat(
            http.withBasicAuth("owner", "demo")
                .exchange(
                    "/engine-rest/deployment/create",
                    HttpMethod.POST,
                    new HttpEntity<>(parts, multipart),
                    String.class)
                .getStatusCode()
                .value())
        .isEqualTo(200);
    ProcessDefinition version2 = latestSmoke();

    Date migrated = at("2026-04-02T07:30");
    ResponseEntity<Map> plan =
        http.withBasicAuth("owner", "demo")
            .exchange(
                "/engine-rest/migration/generate",
                HttpMethod.POST,
                json(
                    Map.of(
                        "sourceProcessDefinitionId",
                        version1.getId(),
                        "targetProcessDefinitionId",
                        version2.getId())),
                Map.class);
    assertThat(
            send(
                    "owner",
                    HttpMethod.POST,
                    "/engine-rest/migration/execute",
                    Map.of(
                        "migrationPlan",
                        plan.getBody(),
                        "processInstanceIds",
                        List.of(running.getId())))
                .getStatusCode()
                .value())
        .isEqualTo(204);

    UserOperationLogEntry deployment =
        single(
            engine
                .getHistoryService()
                .createUserOperationLogQuery()
                .deploymentId(version2.getDeploymentId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE)
                .list());
    assertThat(deployment.getUserId()).isEqualTo("owner");
    assertThat(deployment.getTimestamp()).isEqualTo(deployed);
    assertThat(deployment.getEntityType()).isEqualTo(org.camunda.bpm.engine.EntityTypes.DEPLOYMENT);

    List<UserOperationLogEntry> migration =
        engine
            .getHistoryService()
            .createUserOperationLogQuery()
            .operationType(UserOperationLogEntry.OPERATION_TYPE_MIGRATE)
            .processDefinitionId(version1.getId())
            .list();
    assertThat(migration)
        .isNotEmpty()
        .allSatisfy(
            entry -> {
              assertThat(entry.getUserId()).isEqualTo("owner");
              assertThat(entry.getTimestamp()).isEqualTo(migrated);
            });
    assertThat(migration)
        .extracting(UserOperationLogEntry::getProperty)
        .contains("processDefinitionId", "nrOfInstances");
  }

  @Test
  void a_task_completed_in_tasklist_is_logged_with_the_logged_in_user_and_the_time()
      throws Exception {
    at("2026-03-10T09:00");
    String caseId = startAssessment("AUDIT-TL");
    Task prepare =
        engine.getTaskService().createTaskQuery().processInstanceId(caseId).singleResult();

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
    // The session changes at login, and with it the token: fetch the new one.
    HttpResponse<String> fetched =
        browser.send(
            HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/task/count"))
                .header("X-XSRF-TOKEN", "Fetch")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    csrf =
        fetched
            .headers()
            .firstValue("X-XSRF-TOKEN")
            .orElseGet(
                () ->
                    cookies.getCookieStore().getCookies().stream()
                        .filter(c -> c.getName().equals("XSRF-TOKEN"))
                        .map(HttpCookie::getValue)
                        .reduce((a, b) -> b)
                        .orElseThrow());

    Date submitted = at("2026-03-10T13:05");
    String form =
        new ObjectMapper()
            .writeValueAsString(
                Map.of(
                    "variables",
                    Map.of(
                        "graduatedApproachCycles",
                        typed(1),
                        "progressDespiteSupport",
                        typed(true),
                        "needsAcrossEducationHealthCare",
                        typed(false),
                        "evidenceSummary",
                        typed("One SEN support plan"))));
    HttpResponse<String> completion =
        browser.send(
            HttpRequest.newBuilder(
                    uri(
                        "/camunda/api/engine/engine/default/task/"
                            + prepare.getId()
                            + "/submit-form"))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(completion.statusCode()).as(completion.body()).isEqualTo(204);

    UserOperationLogEntry entry =
        single(
            engine
                .getHistoryService()
                .createUserOperationLogQuery()
                .taskId(prepare.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
                .list());
    assertThat(entry.getUserId()).isEqualTo("caseworker");
    assertThat(entry.getTimestamp()).isEqualTo(submitted);
  }

  // ---------------------------------------------------------------------------------------------

  private String startAssessment(String childId) throws Exception {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("childId", typed(childId));
    variables.put("childName", typed("Audit Child"));
    variables.put("dateOfBirth", typed("2016-03-14"));
    variables.put("requestReceivedDate", typed("2026-03-09"));
    variables.put("requester", typed("parent"));
    variables.put("parentEmail", typed("parent@example.org"));
    ResponseEntity<String> started =
        send(
            "caseworker",
            HttpMethod.POST,
            "/engine-rest/process-definition/key/" + AssessmentProcess.KEY + "/start",
            Map.of("businessKey", "EHCNA-" + childId, "variables", variables));
    assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
    String id = new ObjectMapper().readTree(started.getBody()).get("id").asText();
    Jobs.executeAll(engine.getManagementService(), id);
    return id;
  }

  private ProcessDefinition latestSmoke() {
    return engine
        .getRepositoryService()
        .createProcessDefinitionQuery()
        .processDefinitionKey(SmokeModel.KEY)
        .latestVersion()
        .singleResult();
  }

  private static UserOperationLogEntry single(List<UserOperationLogEntry> entries) {
    assertThat(entries).hasSize(1);
    return entries.get(0);
  }

  /** Sets the engine clock to a London time; the log takes its timestamps from it. */
  private static Date at(String londonDateTime) {
    Date time =
        Date.from(LocalDateTime.parse(londonDateTime).atZone(StatutoryClock.ZONE).toInstant());
    ClockUtil.setCurrentTime(time);
    return time;
  }

  private ResponseEntity<String> send(String user, HttpMethod method, String path, Object body) {
    return http.withBasicAuth(user, "demo").exchange(path, method, json(body), String.class);
  }

  private static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private static Map<String, Object> typed(Object value) {
    Map<String, Object> variable = new LinkedHashMap<>();
    variable.put("value", value);
    return variable;
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
