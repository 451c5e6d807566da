package org.ehcflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.Jobs;
import org.ehcflow.support.SmokeModel;
import org.ehcflow.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The REST API as integrators meet it: HTTP Basic, the engine's authorizations, no anonymous
 * access.
 */
@EhcIntegrationTest
class RestApiSecurityTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST =
      new ParameterizedTypeReference<>() {};

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  private Task caseworkerTask;
  private ProcessInstance instance;

  @BeforeEach
  void aCaseWaitsForACaseworker() {
    SmokeModel.deploy(repository);
    instance =
        runtime.startProcessInstanceByKey(
            SmokeModel.KEY,
            "security-" + System.nanoTime(),
            Map.of("parentEmail", "parent@example.org", "childName", "Dana Test"));
    Jobs.executeAll(management, instance.getId());
    caseworkerTask = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  @Test
  void a_request_without_credentials_is_refused_with_401_and_a_basic_challenge() {
    ResponseEntity<String> response = http.getForEntity("/engine-rest/task", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
  }

  @Test
  void wrong_credentials_are_refused_with_401() {
    assertThat(
            http.withBasicAuth("earlyyears", "not-the-password")
                .getForEntity("/engine-rest/task", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(
            http.withBasicAuth("nobody", "demo")
                .getForEntity("/engine-rest/task", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void a_caseworker_sees_the_caseworkers_task_and_health_does_not() {
    String query = "/engine-rest/task?processInstanceId=" + instance.getId();

    List<Map<String, Object>> caseworkerView =
        http.withBasicAuth("caseworker", "demo")
            .exchange(query, HttpMethod.GET, null, JSON_LIST)
            .getBody();
    List<Map<String, Object>> healthView =
        http.withBasicAuth("health", "demo")
            .exchange(query, HttpMethod.GET, null, JSON_LIST)
            .getBody();

    assertThat(caseworkerView)
        .extracting(task -> task.get("id"))
        .containsExactly(caseworkerTask.getId());
    assertThat(healthView).isEmpty();
  }

  @Test
  void health_cannot_complete_a_caseworkers_task_and_the_task_stays_open() {
    ResponseEntity<String> response =
        http.withBasicAuth("health", "demo")
            .postForEntity(
                "/engine-rest/task/" + caseworkerTask.getId() + "/complete",
                json(Map.of()),
                String.class);

    // A task health may not see answers as one that does not exist (issue 21, item 6).
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(tasks.createTaskQuery().taskId(caseworkerTask.getId()).count()).isEqualTo(1);
  }

  @Test
  void a_caseworker_completes_their_own_groups_task() {
    ResponseEntity<String> response =
        http.withBasicAuth("caseworker", "demo")
            .postForEntity(
                "/engine-rest/task/" + caseworkerTask.getId() + "/complete",
                json(
                    Map.of(
                        "variables", Map.of("reviewSummary", Map.of("value", "Seen and agreed")))),
                String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .isZero();
  }

  @Test
  void the_task_form_reference_resolves_to_its_deployed_camunda_form() {
    ResponseEntity<Map<String, Object>> form =
        http.withBasicAuth("caseworker", "demo")
            .exchange(
                "/engine-rest/task/" + caseworkerTask.getId() + "/deployed-form",
                HttpMethod.GET,
                null,
                new ParameterizedTypeReference<>() {});

    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(form.getBody()).containsEntry("id", SmokeModel.FORM);
  }

  @Test
  void a_caseworker_cannot_deploy_but_a_process_owner_can() {
    ResponseEntity<String> caseworker =
        http.withBasicAuth("caseworker", "demo")
            .postForEntity(
                "/engine-rest/deployment/create", deploymentOf("caseworker-attempt"), String.class);
    ResponseEntity<Map<String, Object>> owner =
        http.withBasicAuth("owner", "demo")
            .exchange(
                "/engine-rest/deployment/create",
                HttpMethod.POST,
                deploymentOf("owner-change"),
                new ParameterizedTypeReference<>() {});

    assertThat(caseworker.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(owner.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(owner.getBody()).containsKey("deployedProcessDefinitions");
    assertThat(repository.createDeploymentQuery().deploymentName("caseworker-attempt").count())
        .isZero();
    assertThat(repository.createDeploymentQuery().deploymentName("owner-change").count())
        .isEqualTo(1);
  }

  @Test
  void a_manager_reads_any_case_and_a_partner_reads_none() {
    String path = "/engine-rest/process-instance/" + instance.getId();

    assertThat(
            http.withBasicAuth("manager", "demo").getForEntity(path, String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(
            http.withBasicAuth("socialcare", "demo")
                .getForEntity(path, String.class)
                .getStatusCode())
        .isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
  }

  @Test
  void each_user_sees_my_tasks_and_their_own_groups_filters_which_list_the_groups_work() {
    List<Map<String, Object>> filters =
        http.withBasicAuth("caseworker", "demo")
            .exchange("/engine-rest/filter", HttpMethod.GET, null, JSON_LIST)
            .getBody();

    assertThat(filters)
        .extracting(filter -> filter.get("name"))
        .containsExactly(
            "My tasks",
            "SEN caseworkers: my group's tasks",
            "SEN caseworkers: overdue",
            "SEN caseworkers: due this week");
    String groupFilter = (String) filters.get(1).get("id");
    List<Map<String, Object>> listed =
        http.withBasicAuth("caseworker", "demo")
            .exchange(
                "/engine-rest/filter/" + groupFilter + "/list", HttpMethod.GET, null, JSON_LIST)
            .getBody();
    assertThat(listed).extracting(task -> task.get("id")).contains(caseworkerTask.getId());

    List<Map<String, Object>> healthFilters =
        http.withBasicAuth("health", "demo")
            .exchange("/engine-rest/filter", HttpMethod.GET, null, JSON_LIST)
            .getBody();
    assertThat(healthFilters)
        .extracting(filter -> filter.get("name"))
        .containsExactly(
            "My tasks", "Health: my group's tasks", "Health: overdue", "Health: due this week");
  }

  @Test
  void after_a_failed_login_even_the_right_password_waits_for_the_throttling_delay() {
    java.util.Date now = new java.util.Date();
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(now);
    try {
      assertThat(
              http.withBasicAuth("socialcare", "guess")
                  .getForEntity("/engine-rest/task", String.class)
                  .getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(
              http.withBasicAuth("socialcare", "demo")
                  .getForEntity("/engine-rest/task", String.class)
                  .getStatusCode())
          .as("locked for the delay")
          .isEqualTo(HttpStatus.UNAUTHORIZED);

      org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(
          new java.util.Date(now.getTime() + 4_000));
      assertThat(
              http.withBasicAuth("socialcare", "demo")
                  .getForEntity("/engine-rest/task", String.class)
                  .getStatusCode())
          .as("after the 3 second delay")
          .isEqualTo(HttpStatus.OK);
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }

  @Test
  void the_api_issues_no_session_cookie() {
    ResponseEntity<String> response =
        http.withBasicAuth("manager", "demo").getForEntity("/engine-rest/task", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
  }

  private static HttpEntity<Map<String, Object>> json(Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private static HttpEntity<MultiValueMap<String, Object>> deploymentOf(String name) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", name);
    parts.add("data", new ClassPathResource("models/ehc-smoke-test.bpmn"));
    // The model's task form travels with it, as a process owner deploys them from the Modeler.
    parts.add("form", new ClassPathResource("models/review-test-case.form"));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return new HttpEntity<>(parts, headers);
  }
}
