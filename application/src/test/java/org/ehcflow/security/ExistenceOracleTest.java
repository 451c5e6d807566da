package org.ehcflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcflow.security.SecurityProbe.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.TestCase;
import org.ehcflow.support.TestMail;
import org.ehcflow.vocabulary.Pathways;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Issue 21, item 6: a partner learns nothing of a case it has no task for, not even whether it
 * exists. A task or case it may not see answers 404 on every route, exactly as one that does not
 * exist; an operation its role is never for (correlating a message) answers 403 whatever the case.
 * Jobs, job definitions, metrics and statistics are for managers and administrators.
 */
@EhcIntegrationTest
class ExistenceOracleTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NO_SUCH_ID = "00000000-0000-0000-0000-000000000000";

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;

  private SecurityProbe probe;

  @BeforeEach
  void probe() {
    probe = new SecurityProbe(http, engine, mail);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void a_partners_message_gets_the_same_answer_whether_or_not_the_case_exists() throws Exception {
    probe.assessmentJustRequested("ORACLE-1");

    for (String partner : List.of("ep", "health", "socialcare", "senco", "earlyyears", "panel")) {
      ResponseEntity<String> existing = withdraw(partner, "EHCNA-ORACLE-1");
      ResponseEntity<String> missing = withdraw(partner, "EHCNA-NO-SUCH-CHILD");

      assertThat(existing.getStatusCode().value()).as(partner).isEqualTo(403);
      assertThat(missing.getStatusCode().value()).as(partner).isEqualTo(403);
      assertThat(existing.getBody()).as(partner).isEqualTo(missing.getBody());
    }
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey("EHCNA-ORACLE-1")
                .count())
        .as("the request is not withdrawn")
        .isEqualTo(1);
  }

  @Test
  void a_task_or_case_a_partner_may_not_see_answers_exactly_as_one_that_does_not_exist()
      throws Exception {
    TestCase assessment = probe.assessmentAtAdvice("ORACLE-2");
    Task healthAdvice = probe.adviceTask(assessment, "health");

    for (String route :
        List.of(
            "",
            "/variables",
            "/variables/childName",
            "/form-variables",
            "/form",
            "/deployed-form",
            "/rendered-form",
            "/comment",
            "/identity-links",
            "/localVariables",
            "/attachment")) {
      assertSameAnswer(
          "ep",
          "/engine-rest/task/" + healthAdvice.getId() + route,
          "/engine-rest/task/" + NO_SUCH_ID + route);
    }
    for (String route :
        List.of("", "/variables", "/variables/childName", "/activity-instances", "/comment")) {
      assertSameAnswer(
          "ep",
          "/engine-rest/process-instance/" + assessment.id() + route,
          "/engine-rest/process-instance/" + NO_SUCH_ID + route);
    }
    assertSameAnswer(
        "ep",
        "/engine-rest/execution/" + assessment.id() + "/localVariables",
        "/engine-rest/execution/" + NO_SUCH_ID + "/localVariables");

    ResponseEntity<String> existing =
        probe.send(
            "ep",
            HttpMethod.POST,
            "/engine-rest/task/" + healthAdvice.getId() + "/complete",
            Map.of("variables", Map.of("adviceSummary", text("Not mine"))));
    ResponseEntity<String> missing =
        probe.send(
            "ep",
            HttpMethod.POST,
            "/engine-rest/task/" + NO_SUCH_ID + "/complete",
            Map.of("variables", Map.of("adviceSummary", text("Not mine"))));
    assertThat(existing.getStatusCode().value()).isEqualTo(404);
    assertThat(missing.getStatusCode().value()).isEqualTo(404);
    assertThat(engine.getTaskService().createTaskQuery().taskId(healthAdvice.getId()).count())
        .isEqualTo(1);
  }

  @Test
  void jobs_metrics_and_statistics_are_for_managers_and_administrators() {
    probe.assessmentJustRequested("ORACLE-3");
    List<String> routes =
        List.of(
            "/engine-rest/job",
            "/engine-rest/job/count",
            "/engine-rest/job-definition",
            "/engine-rest/metrics/activity-instance-start/sum",
            "/engine-rest/process-definition/statistics",
            "/engine-rest/process-definition/key/" + AssessmentProcess.KEY + "/statistics");

    for (String route : routes) {
      for (String user :
          List.of(
              "caseworker",
              "owner",
              "ep",
              "health",
              "socialcare",
              "senco",
              "earlyyears",
              "panel")) {
        assertThat(probe.get(user, route).getStatusCode().value())
            .as(user + " " + route)
            .isEqualTo(403);
      }
      for (String user : List.of("manager", "admin")) {
        assertThat(probe.get(user, route).getStatusCode().value())
            .as(user + " " + route)
            .isEqualTo(200);
      }
    }
    String job =
        engine.getManagementService().createJobQuery().list().stream()
            .findFirst()
            .map(j -> j.getId())
            .orElse(NO_SUCH_ID);
    assertThat(
            probe
                .send("owner", HttpMethod.POST, "/engine-rest/job/" + job + "/execute", null)
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(
            probe
                .send(
                    "caseworker",
                    HttpMethod.PUT,
                    "/engine-rest/job/" + job + "/retries",
                    Map.of("retries", 5))
                .getStatusCode()
                .value())
        .isEqualTo(403);
  }

  private ResponseEntity<String> withdraw(String user, String businessKey) {
    return probe.send(
        user,
        HttpMethod.POST,
        "/engine-rest/message",
        Map.of(
            "messageName",
            Pathways.Messages.REQUEST_WITHDRAWN,
            "businessKey",
            businessKey,
            "processVariables",
            Map.of("withdrawnReason", text("Probing"))));
  }

  private void assertSameAnswer(String user, String hidden, String missing) throws Exception {
    ResponseEntity<String> hiddenAnswer = probe.get(user, hidden);
    ResponseEntity<String> missingAnswer = probe.get(user, missing);
    assertThat(hiddenAnswer.getStatusCode().value()).as(hidden).isEqualTo(404);
    assertThat(missingAnswer.getStatusCode().value()).as(missing).isEqualTo(404);
    JsonNode hiddenBody = JSON.readTree(hiddenAnswer.getBody());
    JsonNode missingBody = JSON.readTree(missingAnswer.getBody());
    assertThat(hiddenBody.path("type")).isEqualTo(missingBody.path("type"));
    assertThat(hiddenBody.path("message").asText().replace(hidden.split("/")[3], "ID"))
        .isEqualTo(missingBody.path("message").asText().replace(NO_SUCH_ID, "ID"));
  }
}
