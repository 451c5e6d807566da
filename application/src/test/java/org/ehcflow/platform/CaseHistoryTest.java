package org.ehcflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.support.CaseDriver;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A case's history is the record of what people and the pathway set: each value once when it is
 * set, not again when a listener finds it already as it should be, and not the engine's own
 * counters of the advisers it asked.
 */
@EhcIntegrationTest
class CaseHistoryTest {

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void a_needs_assessment_to_final_plan_records_each_value_once_and_none_of_the_engines_counters() {
    CaseDriver driver = new CaseDriver(engine);
    String id = driver.request("HIST-1", "2026-03-02");
    driver.decideToAssess(id, "2026-03-09");
    driver.requestAdvice(id);
    int advisers =
        (int)
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(id)
                .taskDefinitionKey(AssessmentProcess.Elements.GIVE_ADVICE)
                .count();
    driver.adviceGiven(id, "2026-04-20");
    driver.issuePlan(id, "2026-05-01", "2026-05-20");
    assertThat(
            engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count())
        .as("the case ran to its final plan")
        .isZero();

    List<HistoricVariableUpdate> updates =
        engine
            .getHistoryService()
            .createHistoricDetailQuery()
            .processInstanceId(id)
            .variableUpdates()
            .list()
            .stream()
            .map(HistoricVariableUpdate.class::cast)
            .toList();
    Map<String, Long> caseLevelChanges =
        updates.stream()
            .filter(update -> id.equals(update.getExecutionId()) && update.getTaskId() == null)
            .collect(
                Collectors.groupingBy(
                    HistoricVariableUpdate::getVariableName, Collectors.counting()));

    assertThat(updates)
        .extracting(HistoricVariableUpdate::getVariableName)
        .as("the engine's counters")
        .doesNotContain(
            "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");
    assertThat(caseLevelChanges)
        .as("values submitted once and found as they should be, recorded once")
        .containsEntry("childId", 1L)
        .containsEntry("childName", 1L)
        .containsEntry("parentEmail", 1L)
        .containsEntry("requester", 1L)
        .containsEntry("graduatedApproachCycles", 1L)
        .containsEntry("draftServedDate", 1L)
        .containsEntry("finalPlanIssuedDate", 1L);
    assertThat(
            updates.stream()
                .filter(
                    update ->
                        "adviceSummary".equals(update.getVariableName())
                            && update.getValue() != null))
        .as("each adviser's advice")
        .hasSize(advisers);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(id)
                .list())
        .extracting(variable -> variable.getName())
        .as("the case's record of values")
        .contains("finalPlanDue", "adviceDue", "assessmentOutcome")
        .doesNotContain("nrOfInstances", "loopCounter");
    Map<String, Object> outcome =
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(id)
            .variableNameIn("assessmentOutcome", "finalPlanIssuedDate")
            .list()
            .stream()
            .collect(
                Collectors.toMap(variable -> variable.getName(), variable -> variable.getValue()));
    assertThat(outcome)
        .containsEntry("assessmentOutcome", "Y")
        .containsEntry("finalPlanIssuedDate", "2026-05-20");
  }
}
