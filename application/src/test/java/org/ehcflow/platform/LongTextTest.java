package org.ehcflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.support.AppRunner;
import org.ehcflow.support.CaseDriver;
import org.ehcflow.support.PostgresApp;
import org.ehcflow.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A form's free text is kept whole up to the length the form allows (20,000 characters for advice
 * and plan sections), on the production database and on the embedded one: the engine's own text
 * column holds 4,000 characters, and an index on it on PostgreSQL about 2,700 bytes, so a long
 * advice summary used to fail its adviser's submission.
 */
class LongTextTest {

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  /** 20,000 characters, with letters outside ASCII so bytes and characters differ. */
  private static final String LONG_ADVICE =
      "Łukasz needs a quiet space to work; café-style seating distracts him. "
          .repeat(300)
          .substring(0, 20_000);

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void advice_and_a_plan_section_of_20000_characters_are_kept_whole_on_postgresql() {
    try (PostgresApp app = PostgresApp.start("ehc_long_text")) {
      adviceAndPlanSectionKeptWhole(app.engine());
    }
  }

  @Test
  void advice_and_a_plan_section_of_20000_characters_are_kept_whole_on_the_embedded_database() {
    Map<String, Object> settings = new HashMap<>();
    settings.put("ehc.data-dir", "./target/test-data/long-text-" + System.nanoTime());
    settings.put("ehc.notification.delivery", "smtp");
    settings.put("spring.mail.host", "127.0.0.1");
    settings.put("spring.mail.port", TestMail.SMTP_PORT);
    try (ConfigurableApplicationContext app = AppRunner.start(settings)) {
      adviceAndPlanSectionKeptWhole(app.getBean(ProcessEngine.class));
    }
  }

  private static void adviceAndPlanSectionKeptWhole(ProcessEngine engine) {
    CaseDriver driver = new CaseDriver(engine);
    String id = driver.request("LONG-1", "2026-03-02");
    driver.decideToAssess(id, "2026-03-09");
    driver.requestAdvice(id);
    List<Task> advice =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(id)
            .taskDefinitionKey(AssessmentProcess.Elements.GIVE_ADVICE)
            .list();
    assertThat(advice).isNotEmpty();
    Task first = advice.get(0);
    engine.getTaskService().complete(first.getId(), Map.of("adviceSummary", LONG_ADVICE));

    driver.adviceGiven(id, "2026-04-20");
    driver.on("2026-05-01");
    driver.complete(
        id,
        AssessmentProcess.Elements.CONSIDER_ADVICE,
        Map.of(
            "provisionBeyondSetting",
            true,
            "needsAcrossEducationHealthCare",
            false,
            "progressWithSenSupport",
            false));
    driver.complete(
        id,
        AssessmentProcess.Elements.DECIDE_WHETHER_TO_ISSUE,
        Map.of("issueDecision", "issue", "issueDecisionReason", "Necessary"));
    driver.complete(
        id,
        AssessmentProcess.Elements.DRAFT_PLAN,
        Map.of(
            "sectionA",
            "Views",
            "sectionB",
            "Needs",
            "sectionE",
            "Outcomes",
            "sectionF",
            LONG_ADVICE));

    assertThat(LONG_ADVICE.equals(engine.getRuntimeService().getVariable(id, "sectionF")))
        .as("the plan section, whole at runtime")
        .isTrue();
    assertThat(
            LONG_ADVICE.equals(
                engine
                    .getHistoryService()
                    .createHistoricVariableInstanceQuery()
                    .processInstanceId(id)
                    .variableName("sectionF")
                    .singleResult()
                    .getValue()))
        .as("the plan section, whole in history")
        .isTrue();
    List<Object> adviceGiven =
        engine
            .getHistoryService()
            .createHistoricDetailQuery()
            .processInstanceId(id)
            .variableUpdates()
            .list()
            .stream()
            .map(HistoricVariableUpdate.class::cast)
            .filter(
                update ->
                    "adviceSummary".equals(update.getVariableName()) && update.getValue() != null)
            .map(HistoricVariableUpdate::getValue)
            .toList();
    assertThat(adviceGiven).as("each adviser's summary, in the audit trail").hasSize(advice.size());
    assertThat(adviceGiven.stream().filter(LONG_ADVICE::equals).count())
        .as("the long one, whole")
        .isEqualTo(1);
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(id)
                .taskDefinitionKey(AssessmentProcess.Elements.SERVE_DRAFT_PLAN)
                .count())
        .as("the case went on")
        .isEqualTo(1);
  }
}
