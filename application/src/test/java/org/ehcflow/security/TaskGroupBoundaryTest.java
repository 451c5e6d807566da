package org.ehcflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcflow.security.SecurityProbe.text;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.TestCase;
import org.ehcflow.support.TestMail;
import org.ehcflow.vocabulary.EhcGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Issue 21, item 5: a task is worked by its group, and a case moves only along its pathway.
 * Claiming, assigning and delegating go only to a member of the task's candidate groups; errors,
 * escalations, process-instance modification, start instructions, suspension of cases and direct
 * variable writes are the administrators' alone. Each refusal leaves the case unchanged.
 */
@EhcIntegrationTest
class TaskGroupBoundaryTest {

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @LocalServerPort int port;

  private SecurityProbe probe;

  @BeforeEach
  void probe() {
    probe = new SecurityProbe(http, engine, mail);
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId("ep2").count() == 0) {
      User second = identity.newUser("ep2");
      second.setFirstName("Second");
      second.setLastName("Psychologist");
      second.setPassword("Kestrel-Meadow-4417!");
      engine.getIdentityService().saveUser(second);
      identity.createMembership("ep2", EhcGroups.EDUCATIONAL_PSYCHOLOGY.id());
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void a_manager_may_pass_an_advisers_task_to_another_adviser_but_not_take_it() throws Exception {
    TestCase assessment = probe.assessmentAtAdvice("GROUP-1");
    Task advice = probe.adviceTask(assessment, "educational-psychology");
    String task = "/engine-rest/task/" + advice.getId();

    ResponseEntity<String> claim =
        probe.send("manager", HttpMethod.POST, task + "/claim", Map.of("userId", "manager"));
    ResponseEntity<String> assignToSelf =
        probe.send("manager", HttpMethod.POST, task + "/assignee", Map.of("userId", "manager"));
    ResponseEntity<String> delegateToSelf =
        probe.send("manager", HttpMethod.POST, task + "/delegate", Map.of("userId", "manager"));
    HttpResponse<String> tasklistClaim =
        SecurityProbe.WebAppSession.logIn(port, "tasklist", "manager")
            .postJson(
                "/camunda/api/engine/engine/default/task/" + advice.getId() + "/claim",
                "{\"userId\": \"manager\"}");

    assertThat(List.of(claim, assignToSelf, delegateToSelf))
        .allSatisfy(
            answer ->
                assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(403));
    assertThat(assignToSelf.getBody())
        .contains("only a member of the group it is for (educational-psychology)");
    assertThat(tasklistClaim.statusCode()).as(tasklistClaim.body()).isEqualTo(403);
    assertThat(assigneeOf(advice)).isNull();

    ResponseEntity<String> toAnotherAdviser =
        probe.send("manager", HttpMethod.POST, task + "/assignee", Map.of("userId", "ep2"));
    assertThat(toAnotherAdviser.getStatusCode().value())
        .as(toAnotherAdviser.getBody())
        .isEqualTo(204);
    assertThat(assigneeOf(advice)).isEqualTo("ep2");
    ResponseEntity<String> completeAsManager =
        probe.send(
            "manager",
            HttpMethod.POST,
            task + "/complete",
            Map.of("variables", Map.of("adviceSummary", text("Written by the manager"))));
    assertThat(completeAsManager.getStatusCode().value()).isEqualTo(403);
    assertThat(engine.getTaskService().createTaskQuery().taskId(advice.getId()).count())
        .isEqualTo(1);
  }

  @Test
  void an_adviser_cannot_hand_their_task_to_someone_outside_their_group() {
    TestCase assessment = probe.assessmentAtAdvice("GROUP-2");
    Task advice = probe.adviceTask(assessment, "health");
    String task = "/engine-rest/task/" + advice.getId();
    assertThat(
            probe
                .send("health", HttpMethod.POST, task + "/claim", Map.of("userId", "health"))
                .getStatusCode()
                .value())
        .isEqualTo(204);

    ResponseEntity<String> delegate =
        probe.send("health", HttpMethod.POST, task + "/delegate", Map.of("userId", "socialcare"));
    ResponseEntity<String> links =
        probe.send(
            "health",
            HttpMethod.POST,
            task + "/identity-links",
            Map.of("groupId", "social-care", "type", "candidate"));

    assertThat(delegate.getStatusCode().value()).as(delegate.getBody()).isEqualTo(403);
    assertThat(links.getStatusCode().value()).isEqualTo(403);
    assertThat(assigneeOf(advice)).isEqualTo("health");
    assertThat(engine.getTaskService().getIdentityLinksForTask(advice.getId()))
        .noneMatch(link -> "social-care".equals(link.getGroupId()));
  }

  @Test
  void errors_escalations_and_moving_a_case_to_other_steps_are_for_administrators_only() {
    TestCase assessment = probe.assessmentJustRequested("GROUP-3");
    Task prepare = assessment.task(AssessmentProcess.Elements.PREPARE_CASE_FOR_PANEL);
    String task = "/engine-rest/task/" + prepare.getId();
    probe.send("caseworker", HttpMethod.POST, task + "/claim", Map.of("userId", "caseworker"));
    Map<String, Object> modification =
        Map.of(
            "skipCustomListeners",
            true,
            "instructions",
            List.of(
                Map.of(
                    "type",
                    "startBeforeActivity",
                    "activityId",
                    AssessmentProcess.Elements.DECIDE_WHETHER_TO_ASSESS),
                Map.of(
                    "type",
                    "cancel",
                    "activityId",
                    AssessmentProcess.Elements.PREPARE_CASE_FOR_PANEL)));

    List<ResponseEntity<String>> attempts =
        List.of(
            probe.send(
                "caseworker",
                HttpMethod.POST,
                task + "/bpmnError",
                Map.of("errorCode", "anything")),
            probe.send(
                "caseworker",
                HttpMethod.POST,
                task + "/bpmnEscalation",
                Map.of("escalationCode", "anything")),
            probe.send(
                "caseworker",
                HttpMethod.POST,
                "/engine-rest/process-instance/" + assessment.id() + "/modification",
                modification),
            probe.send(
                "owner",
                HttpMethod.POST,
                "/engine-rest/process-instance/" + assessment.id() + "/modification",
                modification),
            probe.send(
                "owner",
                HttpMethod.POST,
                "/engine-rest/modification/execute",
                Map.of(
                    "processDefinitionId",
                    prepare.getProcessDefinitionId(),
                    "processInstanceIds",
                    List.of(assessment.id()),
                    "instructions",
                    List.of(
                        Map.of(
                            "type",
                            "cancel",
                            "activityId",
                            AssessmentProcess.Elements.PREPARE_CASE_FOR_PANEL)))),
            probe.send(
                "owner",
                HttpMethod.PUT,
                "/engine-rest/process-instance/" + assessment.id() + "/suspended",
                Map.of("suspended", true)),
            probe.send(
                "owner",
                HttpMethod.PUT,
                "/engine-rest/process-definition/"
                    + prepare.getProcessDefinitionId()
                    + "/suspended",
                Map.of("suspended", true, "includeProcessInstances", true)),
            probe.send(
                "caseworker",
                HttpMethod.PUT,
                "/engine-rest/process-instance/" + assessment.id() + "/variables/finalPlanDue",
                text("2030-01-01")),
            probe.send(
                "caseworker",
                HttpMethod.POST,
                "/engine-rest/task/" + prepare.getId() + "/variables",
                Map.of("modifications", Map.of("finalPlanDue", text("2030-01-01")))),
            probe.send(
                "owner", HttpMethod.POST, "/engine-rest/signal", Map.of("name", "anything")));

    assertThat(attempts)
        .allSatisfy(
            answer ->
                assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(403));
    assertThat(assessment.task(AssessmentProcess.Elements.PREPARE_CASE_FOR_PANEL).getId())
        .isEqualTo(prepare.getId());
    assertThat(assessment.tasks(AssessmentProcess.Elements.DECIDE_WHETHER_TO_ASSESS)).isEmpty();
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(assessment.id())
                .active()
                .count())
        .as("the case is not suspended")
        .isEqualTo(1);
    assertThat(
            engine
                .getRepositoryService()
                .getProcessDefinition(prepare.getProcessDefinitionId())
                .isSuspended())
        .isFalse();
    assertThat(engine.getRuntimeService().getVariable(assessment.id(), "finalPlanDue"))
        .isEqualTo("2026-06-29");
  }

  @Test
  void a_case_starts_at_its_start_for_everyone_but_an_administrator() {
    Map<String, Object> variables = SecurityProbe.typedAssessmentRequest("GROUP-4", "2026-03-02");
    SecurityProbe.clock("2026-03-02T10:00");
    String start = "/engine-rest/process-definition/key/" + AssessmentProcess.KEY + "/start";

    ResponseEntity<String> instructed =
        probe.send(
            "caseworker",
            HttpMethod.POST,
            start,
            Map.of(
                "businessKey",
                "EHCNA-GROUP-4",
                "variables",
                variables,
                "startInstructions",
                List.of(
                    Map.of(
                        "type",
                        "startBeforeActivity",
                        "activityId",
                        AssessmentProcess.Elements.DECIDE_WHETHER_TO_ASSESS))));
    ResponseEntity<String> skipping =
        probe.send(
            "caseworker",
            HttpMethod.POST,
            start,
            Map.of(
                "businessKey",
                "EHCNA-GROUP-4",
                "variables",
                variables,
                "skipCustomListeners",
                true));

    assertThat(instructed.getStatusCode().value()).isEqualTo(403);
    assertThat(instructed.getBody()).contains("startInstructions");
    assertThat(skipping.getStatusCode().value()).isEqualTo(403);
    assertThat(skipping.getBody()).contains("skipCustomListeners");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey("EHCNA-GROUP-4")
                .count())
        .isZero();
  }

  @Test
  void an_administrator_may_move_a_case_and_the_move_is_in_the_audit_log() {
    TestCase assessment = probe.assessmentJustRequested("GROUP-5");

    ResponseEntity<String> moved =
        probe.send(
            "admin",
            HttpMethod.POST,
            "/engine-rest/process-instance/" + assessment.id() + "/modification",
            Map.of(
                "annotation",
                "Panel met early",
                "instructions",
                List.of(
                    Map.of(
                        "type",
                        "startBeforeActivity",
                        "activityId",
                        AssessmentProcess.Elements.DECIDE_WHETHER_TO_ASSESS),
                    Map.of(
                        "type",
                        "cancel",
                        "activityId",
                        AssessmentProcess.Elements.PREPARE_CASE_FOR_PANEL))));

    assertThat(moved.getStatusCode().value()).as(moved.getBody()).isEqualTo(204);
    assertThat(assessment.tasks(AssessmentProcess.Elements.DECIDE_WHETHER_TO_ASSESS)).hasSize(1);
    assertThat(
            engine
                .getHistoryService()
                .createUserOperationLogQuery()
                .processInstanceId(assessment.id())
                .operationType("ModifyProcessInstance")
                .list())
        .anySatisfy(
            entry -> {
              assertThat(entry.getUserId()).isEqualTo("admin");
              assertThat(entry.getAnnotation()).isEqualTo("Panel met early");
            });
  }

  private String assigneeOf(Task task) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .taskId(task.getId())
        .singleResult()
        .getAssignee();
  }
}
