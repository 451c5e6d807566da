package org.ehcflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.Jobs;
import org.ehcflow.support.TestMail;
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
 * A process owner changes a pathway as the README tells them: deploy through REST as {@code owner},
 * new cases take the new version, running cases keep theirs until migrated, and a migration or a
 * model the engine cannot accept is refused with a report to act on.
 */
@EhcIntegrationTest
class ProcessOwnerChangeTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON =
      new ParameterizedTypeReference<>() {};
  private static final String KEY = "ehc-smoke-test";

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  private ResponseEntity<Map<String, Object>> deployAsOwner(String name, String resource) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", name);
    parts.add("deploy-changed-only", "true");
    parts.add(
        "data",
        new ClassPathResource(resource) {
          @Override
          public String getFilename() {
            return "ehc-smoke-test.bpmn";
          }
        });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth("owner", "demo")
        .exchange(
            "/engine-rest/deployment/create",
            HttpMethod.POST,
            new HttpEntity<>(parts, headers),
            JSON);
  }

  /** Each test starts from the original model, whatever version another test left as the latest. */
  private void deployVersion1() {
    repository
        .createDeployment()
        .name("smoke-test-v1")
        .addClasspathResource("models/ehc-smoke-test.bpmn")
        .addClasspathResource("models/review-test-case.form")
        .deploy();
  }

  private ProcessInstance caseAtReview(String businessKey) {
    ProcessInstance instance =
        runtime.startProcessInstanceByKey(
            KEY,
            businessKey,
            Map.of("parentEmail", "parent@example.org", "childName", businessKey));
    Jobs.executeAll(management, instance.getId());
    return instance;
  }

  private ProcessDefinition latest() {
    return repository
        .createProcessDefinitionQuery()
        .processDefinitionKey(KEY)
        .latestVersion()
        .singleResult();
  }

  private ResponseEntity<Map<String, Object>> migrate(
      String sourceId, String targetId, String instanceId) {
    ResponseEntity<Map<String, Object>> plan =
        http.withBasicAuth("owner", "demo")
            .exchange(
                "/engine-rest/migration/generate",
                HttpMethod.POST,
                json(
                    Map.of(
                        "sourceProcessDefinitionId",
                        sourceId,
                        "targetProcessDefinitionId",
                        targetId,
                        "updateEventTriggers",
                        true)),
                JSON);
    assertThat(plan.getStatusCode()).as("plan: " + plan.getBody()).isEqualTo(HttpStatus.OK);
    return http.withBasicAuth("owner", "demo")
        .exchange(
            "/engine-rest/migration/execute",
            HttpMethod.POST,
            json(
                Map.of("migrationPlan", plan.getBody(), "processInstanceIds", List.of(instanceId))),
            JSON);
  }

  @Test
  void new_cases_take_the_new_version_running_cases_keep_theirs_and_one_is_migrated() {
    deployVersion1();
    ProcessDefinition version1 = latest();
    ProcessInstance running = caseAtReview("owner-change-old");
    ProcessInstance other = caseAtReview("owner-change-stays");

    ResponseEntity<Map<String, Object>> deployed =
        deployAsOwner("smoke renamed", "models/changes/smoke-v2-renamed.bpmn");
    assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
    ProcessDefinition version2 = latest();
    assertThat(version2.getVersion()).isGreaterThan(version1.getVersion());

    ProcessInstance fresh = caseAtReview("owner-change-new");
    assertThat(fresh.getProcessDefinitionId()).isEqualTo(version2.getId());
    assertThat(processDefinitionOf(running)).isEqualTo(version1.getId());

    ResponseEntity<Map<String, Object>> migrated =
        migrate(version1.getId(), version2.getId(), running.getId());

    assertThat(migrated.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(processDefinitionOf(running)).isEqualTo(version2.getId());
    assertThat(processDefinitionOf(other))
        .as("only the case asked for")
        .isEqualTo(version1.getId());
  }

  @Test
  void a_migration_that_would_strand_a_case_on_a_removed_step_is_refused_with_a_report() {
    deployVersion1();
    ProcessDefinition current = latest();
    ProcessInstance waiting = caseAtReview("owner-change-stranded");
    assertThat(
            deployAsOwner("review removed", "models/changes/smoke-v3-review-removed.bpmn")
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    ProcessDefinition withoutReview = latest();

    ResponseEntity<Map<String, Object>> refused =
        migrate(current.getId(), withoutReview.getId(), waiting.getId());

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().toString()).contains("userTask_reviewTestCase");
    assertThat(processDefinitionOf(waiting))
        .as("the case stays where it was")
        .isEqualTo(current.getId());
  }

  @Test
  void a_model_the_engine_cannot_parse_is_refused_and_the_running_version_stays() {
    deployVersion1();
    ProcessDefinition before = latest();

    ResponseEntity<Map<String, Object>> refused =
        deployAsOwner("broken", "models/changes/smoke-broken.bpmn");

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().toString()).contains("userTask_doesNotExist");
    assertThat(latest().getId()).isEqualTo(before.getId());
  }

  private String processDefinitionOf(ProcessInstance instance) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceId(instance.getId())
        .singleResult()
        .getProcessDefinitionId();
  }

  private static <T> HttpEntity<T> json(T body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
