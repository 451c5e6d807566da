package org.ehcflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.TestCase;
import org.ehcflow.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Issue 21, item 4: a case's history is the council's record. Only an administrator may delete it,
 * set when it is removed, change how long it is kept or run the cleanup; a process owner, a manager
 * and a caseworker are refused (403) and the record is unchanged.
 */
@EhcIntegrationTest
class HistoryErasureTest {

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
  void no_one_but_an_administrator_can_erase_a_cases_history_or_shorten_its_retention() {
    TestCase running = probe.assessmentJustRequested("HISTORY-1");
    TestCase ended = probe.assessmentJustRequested("HISTORY-2");
    engine.getRuntimeService().deleteProcessInstance(ended.id(), "ended for the test");
    ProcessDefinition assessment =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(AssessmentProcess.KEY)
            .latestVersion()
            .singleResult();
    Integer ttl = assessment.getHistoryTimeToLive();
    String variableId =
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(running.id())
            .variableName("childName")
            .singleResult()
            .getId();
    long historyRows = historyOf(running.id()) + historyOf(ended.id());
    List<java.util.Date> cleanupScheduled = cleanupJobDueDates();

    List<ResponseEntity<String>> attempts =
        List.of(
            probe.send(
                "owner",
                HttpMethod.DELETE,
                "/engine-rest/history/process-instance/" + ended.id(),
                null),
            probe.send(
                "owner",
                HttpMethod.POST,
                "/engine-rest/history/process-instance/delete",
                Map.of("historicProcessInstanceIds", List.of(ended.id()), "deleteReason", "tidy")),
            probe.send(
                "owner",
                HttpMethod.POST,
                "/engine-rest/history/process-instance/set-removal-time",
                Map.of(
                    "absoluteRemovalTime",
                    "2026-01-01T00:00:00.000+0000",
                    "historicProcessInstanceIds",
                    List.of(running.id()))),
            probe.send(
                "owner",
                HttpMethod.PUT,
                "/engine-rest/process-definition/" + assessment.getId() + "/history-time-to-live",
                Map.of("historyTimeToLive", 0)),
            probe.send("owner", HttpMethod.POST, "/engine-rest/history/cleanup", Map.of()),
            probe.send(
                "owner",
                HttpMethod.DELETE,
                "/engine-rest/history/variable-instance/" + variableId,
                null),
            probe.send(
                "owner",
                HttpMethod.DELETE,
                "/engine-rest/history/process-instance/" + running.id() + "/variable-instances",
                null),
            probe.send(
                "owner",
                HttpMethod.DELETE,
                "/engine-rest/deployment/" + assessment.getDeploymentId() + "?cascade=true",
                null),
            probe.send(
                "owner",
                HttpMethod.DELETE,
                "/engine-rest/process-definition/" + assessment.getId() + "?cascade=true",
                null),
            probe.send(
                "manager",
                HttpMethod.DELETE,
                "/engine-rest/history/process-instance/" + ended.id(),
                null),
            probe.send("caseworker", HttpMethod.POST, "/engine-rest/history/cleanup", Map.of()));

    assertThat(attempts)
        .allSatisfy(
            answer ->
                assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(403));
    assertThat(historyOf(running.id()) + historyOf(ended.id()))
        .as("every history row kept")
        .isEqualTo(historyRows);
    assertThat(
            engine
                .getRepositoryService()
                .getProcessDefinition(assessment.getId())
                .getHistoryTimeToLive())
        .isEqualTo(ttl);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceId(running.id())
                .singleResult()
                .getRemovalTime())
        .isNull();
    assertThat(cleanupJobDueDates())
        .as("the cleanup keeps its nightly window")
        .isEqualTo(cleanupScheduled);
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(running.id())
                .count())
        .isEqualTo(1);
  }

  @Test
  void an_administrator_may_delete_the_history_of_an_ended_case() {
    TestCase ended = probe.assessmentJustRequested("HISTORY-3");
    engine.getRuntimeService().deleteProcessInstance(ended.id(), "ended for the test");

    ResponseEntity<String> answer =
        probe.send(
            "admin",
            HttpMethod.DELETE,
            "/engine-rest/history/process-instance/" + ended.id(),
            null);

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(204);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceId(ended.id())
                .count())
        .isZero();
  }

  private List<java.util.Date> cleanupJobDueDates() {
    return engine.getHistoryService().findHistoryCleanupJobs().stream()
        .map(job -> job.getDuedate())
        .toList();
  }

  private long historyOf(String caseId) {
    return engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(caseId)
            .count()
        + engine
            .getHistoryService()
            .createHistoricActivityInstanceQuery()
            .processInstanceId(caseId)
            .count()
        + engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceId(caseId)
            .count();
  }
}
