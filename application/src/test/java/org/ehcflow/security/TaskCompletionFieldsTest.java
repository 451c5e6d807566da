package org.ehcflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcflow.security.SecurityProbe.text;
import static org.ehcflow.security.SecurityProbe.typed;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Issue 21, item 1: a completion sets only the fields of its task's form, a message only its
 * documented variables. Anything else is refused with 400 naming it, and the case is unchanged.
 */
@EhcIntegrationTest
class TaskCompletionFieldsTest {

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @LocalServerPort int port;

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
  void
      an_adviser_completing_their_advice_cannot_change_the_parents_address_the_decision_or_the_deadline() {
    TestCase assessment = probe.assessmentAtAdvice("FIELDS-1");
    Task advice = probe.adviceTask(assessment, "educational-psychology");

    ResponseEntity<String> answer =
        probe.send(
            "ep",
            HttpMethod.POST,
            "/engine-rest/task/" + advice.getId() + "/complete",
            Map.of(
                "variables",
                Map.of(
                    "adviceSummary",
                    text("Needs a speech programme"),
                    "parentEmail",
                    text("attacker@example.org"),
                    "assessDecision",
                    text("do-not-assess"),
                    "finalPlanDue",
                    text("2030-01-01"))));

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody())
        .contains("parentEmail: is not a field of the task")
        .contains("assessDecision: is not a field of the task")
        .contains("finalPlanDue: is not a field of the task");
    assertThat(engine.getTaskService().createTaskQuery().taskId(advice.getId()).count())
        .as("the task stays open")
        .isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(assessment.id(), "parentEmail"))
        .isEqualTo("parent@example.org");
    assertThat(engine.getRuntimeService().getVariable(assessment.id(), "assessDecision"))
        .isEqualTo("assess");
    assertThat(engine.getRuntimeService().getVariable(assessment.id(), "finalPlanDue"))
        .isEqualTo("2026-05-25");
  }

  @Test
  void an_adviser_completing_with_the_fields_of_their_form_gives_their_advice() {
    TestCase assessment = probe.assessmentAtAdvice("FIELDS-2");
    Task advice = probe.adviceTask(assessment, "educational-psychology");

    ResponseEntity<String> answer =
        probe.send(
            "ep",
            HttpMethod.POST,
            "/engine-rest/task/" + advice.getId() + "/complete",
            Map.of(
                "variables",
                Map.of(
                    "adviceSummary",
                    text("Needs a speech programme"),
                    // Shown on the form and sent back as it was, as Tasklist may.
                    "childName",
                    text("Child FIELDS-2"))));

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(advice.getId()).count()).isZero();
  }

  @Test
  void a_field_only_shown_on_the_form_cannot_be_changed_by_sending_it_back() {
    TestCase assessment = probe.assessmentAtAdvice("FIELDS-3");
    Task advice = probe.adviceTask(assessment, "health");

    ResponseEntity<String> answer =
        probe.send(
            "health",
            HttpMethod.POST,
            "/engine-rest/task/" + advice.getId() + "/submit-form",
            Map.of(
                "variables",
                Map.of(
                    "adviceSummary",
                    text("Hearing checked"),
                    "childName",
                    text("Someone Else"),
                    "adviceDue",
                    text("2027-01-01"))));

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody())
        .contains("childName: is shown on this task's form but not set by it")
        .contains("adviceDue: is shown on this task's form but not set by it");
    assertThat(engine.getRuntimeService().getVariable(assessment.id(), "childName"))
        .isEqualTo("Child FIELDS-3");
    assertThat(engine.getTaskService().createTaskQuery().taskId(advice.getId()).count())
        .isEqualTo(1);
  }

  @Test
  void tasklist_refuses_a_completion_with_a_field_its_form_does_not_have() throws Exception {
    TestCase assessment = probe.assessmentAtAdvice("FIELDS-4");
    Task advice = probe.adviceTask(assessment, "social-care");
    SecurityProbe.WebAppSession tasklist =
        SecurityProbe.WebAppSession.logIn(port, "tasklist", "socialcare");

    HttpResponse<String> answer =
        tasklist.postJson(
            "/camunda/api/engine/engine/default/task/" + advice.getId() + "/submit-form",
            "{\"variables\": {\"adviceSummary\": {\"value\": \"Known to us\", \"type\": \"String\"},"
                + " \"parentEmail\": {\"value\": \"attacker@example.org\", \"type\": \"String\"}}}");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("parentEmail: is not a field of the task");
    assertThat(engine.getRuntimeService().getVariable(assessment.id(), "parentEmail"))
        .isEqualTo("parent@example.org");
    assertThat(engine.getTaskService().createTaskQuery().taskId(advice.getId()).count())
        .isEqualTo(1);
  }

  @Test
  void a_message_carries_only_its_documented_variables() {
    TestCase assessment = probe.assessmentAtAdvice("FIELDS-5");

    ResponseEntity<String> answer =
        probe.send(
            "caseworker",
            HttpMethod.POST,
            "/engine-rest/message",
            Map.of(
                "messageName",
                Pathways.Messages.EXCEPTION_RECORDED,
                "businessKey",
                "EHCNA-FIELDS-5",
                "processVariables",
                Map.of(
                    "exceptionGround",
                    text("school-closure"),
                    "exceptionNote",
                    text("Flooded"),
                    "parentEmail",
                    text("attacker@example.org")),
                "processVariablesLocal",
                Map.of("noticeTo", text("x@example.org"))));

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody())
        .contains("parentEmail: is not a variable of the message ehc.exception-recorded")
        .contains("processVariablesLocal: is not accepted");
    assertThat(engine.getRuntimeService().getVariable(assessment.id(), "exceptionGround")).isNull();
    assertThat(engine.getRuntimeService().getVariable(assessment.id(), "parentEmail"))
        .isEqualTo("parent@example.org");
  }

  @Test
  void a_message_that_is_the_engines_own_is_not_taken_from_outside() {
    ResponseEntity<String> answer =
        probe.send(
            "caseworker",
            HttpMethod.POST,
            "/engine-rest/message",
            Map.of(
                "messageName",
                "ehc.review-superseded",
                "businessKey",
                "AR-ANY",
                "processVariables",
                Map.of("supersededBy", typed("PT-ANY", "String"))));

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody())
        .contains(
            "messageName: 'ehc.review-superseded' is not a message a case takes from outside");
  }

  @Test
  void a_start_with_a_variable_nobody_documented_is_refused_and_keeps_nothing() {
    Map<String, Object> variables = SecurityProbe.typedAssessmentRequest("FIELDS-6", "2026-03-02");
    variables.put("finalPlanDue", text("2030-01-01"));
    SecurityProbe.clock("2026-03-02T10:00");

    ResponseEntity<String> answer =
        probe.send(
            "caseworker",
            HttpMethod.POST,
            "/engine-rest/process-definition/key/" + AssessmentProcess.KEY + "/start",
            Map.of("businessKey", "EHCNA-FIELDS-6", "variables", variables));

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody()).contains("finalPlanDue");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey("EHCNA-FIELDS-6")
                .count())
        .isZero();
  }
}
