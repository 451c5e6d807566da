package org.ehcflow.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcflow.assessment.AssessmentProcess.Elements.GIVE_ADVICE;
import static org.ehcflow.support.TestCase.dueDate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.support.Cases;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.TestCase;
import org.ehcflow.support.TestMail;
import org.ehcflow.vocabulary.Pathways;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The process owner changes the published advice rules (a new row: speech and language therapy
 * advice from health for every child) and deploys the table alone as {@code owner} through REST,
 * with the application running. Decisions made after the deployment follow the new table; the
 * assessment model, the application and the cases already past that decision are untouched.
 */
@EhcIntegrationTest
class AdviceRulesChangeTest {

  private static final String DECISION = "decision_adviceRequired";
  private static final ParameterizedTypeReference<Map<String, Object>> JSON =
      new ParameterizedTypeReference<>() {};

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate http;

  private String deploymentId;

  /** Other tests share this application: they go on deciding with the published table. */
  @AfterEach
  void withdrawTheChangeAndResetTheClock() {
    ClockUtil.reset();
    if (deploymentId != null) {
      engine.getRepositoryService().deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void
      a_changed_advice_table_deployed_alone_decides_the_advice_for_new_requests_and_leaves_earlier_ones()
          throws IOException {
    int versionBefore = latestAdviceTable().getVersion();
    String assessmentModelBefore =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(Pathways.NEEDS_ASSESSMENT)
            .latestVersion()
            .singleResult()
            .getId();

    TestCase before =
        Cases.assessment(engine, mail)
            .with(EhcNeedsAssessmentProcessTest.referenceRequest("C-RULES-1"))
            .atAdvice();
    assertThat(adviceByGroup(before))
        .containsOnlyKeys("educational", "medical", "psychological", "social-care");

    ResponseEntity<Map<String, Object>> deployed = deployAsOwner(withSpeechAndLanguageRow());
    assertThat(deployed.getStatusCode())
        .as(String.valueOf(deployed.getBody()))
        .isEqualTo(HttpStatus.OK);
    deploymentId = (String) deployed.getBody().get("id");
    DecisionDefinition changed = latestAdviceTable();
    assertThat(changed.getVersion()).isEqualTo(versionBefore + 1);

    TestCase after =
        Cases.assessment(engine, mail)
            .with(EhcNeedsAssessmentProcessTest.referenceRequest("C-RULES-2"))
            .atAdvice();

    Map<String, String> advice = adviceByGroup(after);
    assertThat(advice)
        .containsEntry("speech-and-language", "health")
        .containsEntry("medical", "health")
        .containsKeys("educational", "psychological", "social-care")
        .hasSize(5);
    Task speech =
        after.tasks(GIVE_ADVICE).stream()
            .filter(
                task ->
                    "speech-and-language"
                        .equals(
                            engine.getTaskService().getVariableLocal(task.getId(), "adviceType")))
            .findFirst()
            .orElseThrow();
    assertThat(dueDate(speech)).as("the same 6-week advice deadline").isEqualTo("2026-03-24");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricDecisionInstanceQuery()
                .decisionDefinitionId(changed.getId())
                .processInstanceId(after.id())
                .count())
        .as("decided by the new table")
        .isOne();

    assertThat(adviceByGroup(before))
        .as("a case past the decision keeps its advice requests")
        .hasSize(4);
    assertThat(
            engine
                .getRepositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionKey(Pathways.NEEDS_ASSESSMENT)
                .latestVersion()
                .singleResult()
                .getId())
        .as("the assessment model itself was not redeployed")
        .isEqualTo(assessmentModelBefore);
  }

  private Map<String, String> adviceByGroup(TestCase assessment) {
    Map<String, String> byType = new TreeMap<>();
    for (Task task : assessment.tasks(GIVE_ADVICE)) {
      String group =
          engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
              .map(IdentityLink::getGroupId)
              .filter(id -> id != null)
              .findFirst()
              .orElse(null);
      byType.put(
          (String) engine.getTaskService().getVariableLocal(task.getId(), "adviceType"), group);
    }
    return byType;
  }

  private DecisionDefinition latestAdviceTable() {
    return engine
        .getRepositoryService()
        .createDecisionDefinitionQuery()
        .decisionDefinitionKey(DECISION)
        .latestVersion()
        .singleResult();
  }

  /** The published table with one row added, as a process owner would add it in the Modeler. */
  private static byte[] withSpeechAndLanguageRow() throws IOException {
    String table =
        Files.readString(Path.of("processes", "advice-required.dmn"), StandardCharsets.UTF_8);
    String row =
        """
          <rule id="rule_speechAndLanguageAdvice">
            <description>Local policy: speech and language therapy advice from health for every assessment.</description>
            <inputEntry id="rule_speechAndLanguageAdvice_yearGroup">
              <text>-</text>
            </inputEntry>
            <inputEntry id="rule_speechAndLanguageAdvice_hearingOrVisionImpairment">
              <text>-</text>
            </inputEntry>
            <inputEntry id="rule_speechAndLanguageAdvice_parentRequestedAdvice">
              <text>-</text>
            </inputEntry>
            <outputEntry id="rule_speechAndLanguageAdvice_adviceType">
              <text>"speech-and-language"</text>
            </outputEntry>
            <outputEntry id="rule_speechAndLanguageAdvice_adviserGroup">
              <text>"health"</text>
            </outputEntry>
            <outputEntry id="rule_speechAndLanguageAdvice_adviceLabel">
              <text>"Speech and language therapy advice (local policy)"</text>
            </outputEntry>
          </rule>
        """;
    int end = table.indexOf("</decisionTable>");
    assertThat(end).as("the advice table").isPositive();
    return (table.substring(0, end) + row + "    " + table.substring(end))
        .getBytes(StandardCharsets.UTF_8);
  }

  private ResponseEntity<Map<String, Object>> deployAsOwner(byte[] table) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "advice rules: speech and language");
    parts.add("deploy-changed-only", "true");
    parts.add(
        "data",
        new ByteArrayResource(table) {
          @Override
          public String getFilename() {
            return "advice-required.dmn";
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
}
