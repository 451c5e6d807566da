package org.ehcflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.review.AnnualReviewProcess;
import org.ehcflow.section23.Section23Process;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.Jobs;
import org.ehcflow.support.SmokeModel;
import org.ehcflow.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A council's retention schedule, as configuration: each pathway's (and decision table's) history
 * time to live is the configured one whoever deploys the model, and the history cleanup runs only
 * in the nightly window.
 */
@EhcIntegrationTest
@TestPropertySource(
    properties = {
      "ehc.retention.history-time-to-live-days.ehc-needs-assessment=2555",
      "ehc.retention.history-time-to-live-days.section-23-notification=1095",
      "ehc.retention.history-time-to-live-days.[decision_section23Triage]=1095",
      "ehc.retention.history-time-to-live-days.ehc-smoke-test=45"
    })
class RetentionTest {

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired ProcessEngine engine;
  @Autowired RetentionReconciler reconciler;
  @Autowired TestRestTemplate http;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void each_deployed_pathway_and_decision_table_carries_its_configured_history_time_to_live() {
    assertThat(latest(AssessmentProcess.KEY).getHistoryTimeToLive()).isEqualTo(2555);
    assertThat(latest(Section23Process.KEY).getHistoryTimeToLive()).isEqualTo(1095);
    assertThat(latest(AnnualReviewProcess.KEY).getHistoryTimeToLive())
        .as("the application's default")
        .isEqualTo(3650);
    assertThat(decision("decision_section23Triage")).isEqualTo(1095);
    assertThat(decision("decision_adviceRequired")).isEqualTo(3650);
  }

  @Test
  void a_model_a_process_owner_deploys_over_rest_takes_the_configured_time_to_live_not_its_own() {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "retention-owner");
    parts.add("data", new ClassPathResource("models/ehc-smoke-test.bpmn"));
    parts.add("data2", new ClassPathResource("models/review-test-case.form"));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);

    assertThat(
            http.withBasicAuth("owner", "demo")
                .exchange(
                    "/engine-rest/deployment/create",
                    HttpMethod.POST,
                    new HttpEntity<>(parts, headers),
                    String.class)
                .getStatusCode()
                .value())
        .isEqualTo(200);

    assertThat(latest(SmokeModel.KEY).getHistoryTimeToLive()).as("the model says 30").isEqualTo(45);
  }

  @Test
  void a_version_deployed_under_an_earlier_schedule_is_brought_in_line_at_start() {
    ProcessDefinition assessment = latest(AssessmentProcess.KEY);
    engine.getRepositoryService().updateProcessDefinitionHistoryTimeToLive(assessment.getId(), 5);

    reconciler.applyConfiguredRetention();

    assertThat(latest(AssessmentProcess.KEY).getHistoryTimeToLive()).isEqualTo(2555);
  }

  @Test
  void an_ended_case_is_due_for_removal_its_time_to_live_after_it_ends() {
    SmokeModel.deploy(engine.getRepositoryService());
    at("2026-03-10T10:00");
    ProcessInstance instance =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                SmokeModel.KEY,
                "retention-ended",
                Map.of("parentEmail", "parent@example.org", "childName", "Retention Child"));
    Jobs.executeAll(engine.getManagementService(), instance.getId());
    Date ended = at("2026-03-12T15:00");
    String task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .singleResult()
            .getId();
    engine.getTaskService().complete(task, Map.of("reviewSummary", "Done"));

    HistoricProcessInstance history =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceId(instance.getId())
            .singleResult();
    assertThat(history.getEndTime()).isEqualTo(ended);
    assertThat(history.getRemovalTime())
        .as("45 calendar days later, across the change to summer time")
        .isEqualTo(london("2026-04-26T15:00"));
  }

  @Test
  void history_cleanup_is_scheduled_only_in_the_nightly_window() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");

    at("2026-03-10T12:00");
    engine.getHistoryService().cleanUpHistoryAsync();
    assertThat(dueDates())
        .as("at noon, the job waits for 22:00")
        .containsOnly(london("2026-03-10T22:00"));

    Date lateEvening = at("2026-03-10T23:30");
    engine.getHistoryService().cleanUpHistoryAsync();
    assertThat(dueDates())
        .as("inside the window it may run now")
        .allSatisfy(due -> assertThat(due).isBeforeOrEqualTo(lateEvening));
  }

  // ---------------------------------------------------------------------------------------------

  private List<Date> dueDates() {
    List<Job> jobs = engine.getHistoryService().findHistoryCleanupJobs();
    assertThat(jobs).isNotEmpty();
    return jobs.stream().map(Job::getDuedate).toList();
  }

  private ProcessDefinition latest(String key) {
    return engine
        .getRepositoryService()
        .createProcessDefinitionQuery()
        .processDefinitionKey(key)
        .latestVersion()
        .singleResult();
  }

  private Integer decision(String key) {
    return engine
        .getRepositoryService()
        .createDecisionDefinitionQuery()
        .decisionDefinitionKey(key)
        .latestVersion()
        .singleResult()
        .getHistoryTimeToLive();
  }

  private static Date london(String dateTime) {
    return Date.from(
        ZonedDateTime.of(LocalDateTime.parse(dateTime), StatutoryClock.ZONE).toInstant());
  }

  private static Date at(String londonDateTime) {
    Date time = london(londonDateTime);
    ClockUtil.setCurrentTime(time);
    return time;
  }
}
