package org.ehcflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcflow.security.SecurityProbe.text;
import static org.ehcflow.security.SecurityProbe.typed;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.support.Cases;
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
 * Issue 21, item 2: values typed Object (JSON-mapped or Java-serialised), File, Bytes or Xml are
 * refused from outside at a start, a completion, a message and a variable write, before the engine
 * builds anything, so no planted object can break later reads of the case. Json only for a field
 * whose form submits a list.
 */
@EhcIntegrationTest
class ObjectValuesTest {

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

  static Map<String, Object> object(String className, String serialisation, String value) {
    Map<String, Object> typed = typed(value, "Object");
    typed.put(
        "valueInfo", Map.of("objectTypeName", className, "serializationDataFormat", serialisation));
    return typed;
  }

  @Test
  void an_adviser_cannot_plant_an_object_and_the_case_stays_readable_and_workable() {
    TestCase assessment = probe.assessmentAtAdvice("OBJECT-1");
    Task advice = probe.adviceTask(assessment, "educational-psychology");

    ResponseEntity<String> planted =
        probe.send(
            "ep",
            HttpMethod.POST,
            "/engine-rest/task/" + advice.getId() + "/complete",
            Map.of(
                "variables",
                Map.of("adviceSummary", object("java.util.ArrayList", "application/json", "[]"))));
    ResponseEntity<String> serialised =
        probe.send(
            "ep",
            HttpMethod.POST,
            "/engine-rest/task/" + advice.getId() + "/complete",
            Map.of(
                "variables",
                Map.of(
                    "adviceSummary",
                    object(
                        "java.lang.Runtime",
                        "application/x-java-serialized-object",
                        "rO0ABXNyABFqYXZhLmxhbmcuUnVudGltZQ=="))));

    assertThat(planted.getStatusCode().value()).isEqualTo(400);
    assertThat(planted.getBody()).contains("adviceSummary: valueInfo is not accepted");
    assertThat(serialised.getStatusCode().value()).isEqualTo(400);
    assertThat(
            probe
                .get("ep", "/engine-rest/task/" + advice.getId() + "/variables")
                .getStatusCode()
                .value())
        .isEqualTo(200);
    assertThat(
            probe
                .get(
                    "caseworker", "/engine-rest/process-instance/" + assessment.id() + "/variables")
                .getStatusCode()
                .value())
        .isEqualTo(200);
    ResponseEntity<String> advised =
        probe.send(
            "ep",
            HttpMethod.POST,
            "/engine-rest/task/" + advice.getId() + "/complete",
            Map.of("variables", Map.of("adviceSummary", text("Needs a speech programme"))));
    assertThat(advised.getStatusCode().value()).as(advised.getBody()).isEqualTo(204);
  }

  @Test
  void file_xml_bytes_and_untyped_objects_are_refused_at_a_completion_naming_the_field() {
    TestCase assessment = probe.assessmentAtAdvice("OBJECT-2");
    Task advice = probe.adviceTask(assessment, "health");
    Map<String, Object> objectWithoutValueInfo = typed(Map.of("a", 1), "Object");

    for (Map<String, Object> value :
        java.util.List.of(
            typed("PHhtbC8+", "File"),
            typed("<advice/>", "Xml"),
            typed("AAEC", "Bytes"),
            objectWithoutValueInfo,
            typed(Map.of("text", "advice"), null),
            typed("{\"text\": \"advice\"}", "Json"))) {
      ResponseEntity<String> answer =
          probe.send(
              "health",
              HttpMethod.POST,
              "/engine-rest/task/" + advice.getId() + "/complete",
              Map.of("variables", Map.of("adviceSummary", value)));

      assertThat(answer.getStatusCode().value()).as(value.toString()).isEqualTo(400);
      assertThat(answer.getBody()).as(value.toString()).contains("adviceSummary: ");
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(advice.getId()).count())
        .isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(assessment.id(), "adviceSummary")).isNull();
  }

  @Test
  void a_list_comes_as_json_only_for_the_form_field_that_takes_a_list() {
    TestCase assessment =
        Cases.assessment(engine, mail).child("OBJECT-3").on("2026-02-09T09:30").atAdviceRequests();
    String caseworker = "caseworker";
    Task plan = assessment.task(AssessmentProcess.Elements.PLAN_ADVICE_REQUESTS);

    ResponseEntity<String> notAList =
        probe.send(
            caseworker,
            HttpMethod.POST,
            "/engine-rest/task/" + plan.getId() + "/complete",
            Map.of("variables", Map.of("parentRequestedAdvice", typed("[\"x\"]", "Json"))));
    ResponseEntity<String> list =
        probe.send(
            caseworker,
            HttpMethod.POST,
            "/engine-rest/task/" + plan.getId() + "/complete",
            Map.of(
                "variables",
                Map.of(
                    "reusedAdvice",
                    typed("[\"medical\"]", "Json"),
                    "reuseAgreedByAllThree",
                    typed(true, "Boolean"))));

    assertThat(notAList.getStatusCode().value()).isEqualTo(400);
    assertThat(notAList.getBody())
        .contains(
            "parentRequestedAdvice: values of type Json are accepted only for a field that takes a list");
    assertThat(list.getStatusCode().value()).as(list.getBody()).isEqualTo(204);
  }

  @Test
  void an_object_is_refused_at_a_start_and_in_a_message_and_nothing_is_kept() {
    Map<String, Object> variables = SecurityProbe.typedAssessmentRequest("OBJECT-4", "2026-03-02");
    variables.put("childName", object("java.util.HashMap", "application/json", "{}"));
    SecurityProbe.clock("2026-03-02T10:00");

    ResponseEntity<String> start =
        probe.send(
            "caseworker",
            HttpMethod.POST,
            "/engine-rest/process-definition/key/" + AssessmentProcess.KEY + "/start",
            Map.of("businessKey", "EHCNA-OBJECT-4", "variables", variables));

    assertThat(start.getStatusCode().value()).isEqualTo(400);
    assertThat(start.getBody()).contains("childName: valueInfo is not accepted");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey("EHCNA-OBJECT-4")
                .count())
        .isZero();

    TestCase assessment = probe.assessmentJustRequested("OBJECT-5");
    ResponseEntity<String> message =
        probe.send(
            "caseworker",
            HttpMethod.POST,
            "/engine-rest/message",
            Map.of(
                "messageName",
                Pathways.Messages.REQUEST_WITHDRAWN,
                "businessKey",
                "EHCNA-OBJECT-5",
                "processVariables",
                Map.of("withdrawnReason", typed("<reason/>", "Xml"))));

    assertThat(message.getStatusCode().value()).isEqualTo(400);
    assertThat(message.getBody())
        .contains("withdrawnReason: values of type Xml are not accepted from outside");
    assertThat(assessment.ended()).as("the request is not withdrawn").isFalse();
  }

  @Test
  void even_an_administrator_cannot_write_an_object_into_a_case() {
    TestCase assessment = probe.assessmentJustRequested("OBJECT-6");

    ResponseEntity<String> single =
        probe.send(
            "admin",
            HttpMethod.PUT,
            "/engine-rest/process-instance/" + assessment.id() + "/variables/childName",
            object("java.util.HashMap", "application/json", "{}"));
    ResponseEntity<String> modifications =
        probe.send(
            "admin",
            HttpMethod.POST,
            "/engine-rest/process-instance/" + assessment.id() + "/variables",
            Map.of("modifications", Map.of("note", typed("AAEC", "Bytes"))));
    ResponseEntity<String> plain =
        probe.send(
            "admin",
            HttpMethod.PUT,
            "/engine-rest/process-instance/" + assessment.id() + "/variables/adminNote",
            text("Checked by the administrator"));

    assertThat(single.getStatusCode().value()).isEqualTo(400);
    assertThat(single.getBody()).contains("childName: valueInfo is not accepted");
    assertThat(modifications.getStatusCode().value()).isEqualTo(400);
    assertThat(modifications.getBody())
        .contains("note: values of type Bytes are not accepted from outside");
    assertThat(plain.getStatusCode().value()).isEqualTo(204);
    assertThat(engine.getRuntimeService().getVariable(assessment.id(), "childName"))
        .isEqualTo("Child OBJECT-6");
  }

  @Test
  void an_object_is_refused_by_every_other_route_that_takes_values() {
    ResponseEntity<String> evaluate =
        probe.send(
            "manager",
            HttpMethod.POST,
            "/engine-rest/decision-definition/key/decision_adviceRequired/evaluate",
            Map.of(
                "variables",
                Map.of("ageInYears", object("java.util.HashMap", "application/json", "{}"))));
    ResponseEntity<String> signal =
        probe.send(
            "admin",
            HttpMethod.POST,
            "/engine-rest/signal",
            Map.of("name", "anything", "variables", Map.of("note", typed("PHhtbC8+", "File"))));

    assertThat(evaluate.getStatusCode().value()).isEqualTo(400);
    assertThat(evaluate.getBody()).contains("ageInYears: valueInfo is not accepted");
    assertThat(signal.getStatusCode().value()).isEqualTo(400);
    assertThat(signal.getBody())
        .contains("note: values of type File are not accepted from outside");
  }
}
