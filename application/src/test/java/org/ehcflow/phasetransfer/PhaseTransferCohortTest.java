package org.ehcflow.phasetransfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ehcflow.statutory.StatutoryDates;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.TestMail;
import org.ehcflow.vocabulary.Pathways;
import org.ehcflow.vocabulary.PhaseTransferCohortVariables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The yearly cohort run over a seeded register of plans, run on 7 September 2026 for moves in
 * September 2027, including the birthdays either side of 1 September.
 */
@EhcIntegrationTest
class PhaseTransferCohortTest {

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  /** Other tests share this database: only this test's seeded children are counted. */
  private static final String SEED = "CO-";

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate http;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private void plan(String childId, String dateOfBirth, String settingPhase) {
    Map<String, Object> plan = new HashMap<>();
    plan.put("childId", SEED + childId);
    plan.put("childName", "Child " + childId);
    plan.put("dateOfBirth", dateOfBirth);
    plan.put("parentEmail", "parent." + childId.toLowerCase() + "@example.org");
    plan.put("planIssuedDate", "2026-03-01");
    plan.put("namedSetting", "Setting of " + childId);
    if (settingPhase != null) {
      plan.put("settingPhase", settingPhase);
    }
    engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            Pathways.ANNUAL_REVIEW, "AR-" + SEED + childId + "-2026-03-01", plan);
  }

  /** A cohort run, and the number of batch jobs its finding left. */
  private record Run(String id, int batches) {}

  /** Runs the cohort by its message, job by job. */
  private Run runCohortNow() {
    ProcessInstance run =
        engine
            .getRuntimeService()
            .createMessageCorrelation(Pathways.Messages.RUN_PHASE_TRANSFER_COHORT)
            .correlateStartMessage();
    Job find =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(run.getId())
            .singleResult();
    engine.getManagementService().executeJob(find.getId());
    List<Job> batches =
        engine.getManagementService().createJobQuery().processInstanceId(run.getId()).list();
    for (Job batch : batches) {
      assertThat(batch.getDuedate()).as("due at once").isEqualTo(ClockUtil.getCurrentTime());
      engine.getManagementService().executeJob(batch.getId());
    }
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(run.getId())
                .count())
        .as("the run has ended")
        .isZero();
    return new Run(run.getId(), batches.size());
  }

  private Object variableOf(Run run, String name) {
    return engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(run.id())
        .variableName(name)
        .singleResult()
        .getValue();
  }

  private Map<String, String> transfersByChild() {
    Map<String, String> transfers = new TreeMap<>();
    for (ProcessInstance instance :
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(Pathways.PHASE_TRANSFER)
            .list()) {
      String childId = (String) engine.getRuntimeService().getVariable(instance.getId(), "childId");
      if (childId.startsWith(SEED)) {
        transfers.put(
            childId.substring(SEED.length()),
            engine.getRuntimeService().getVariable(instance.getId(), "transferType")
                + " by "
                + engine
                    .getRuntimeService()
                    .getVariable(instance.getId(), "phaseTransferDeadline"));
      }
    }
    return transfers;
  }

  @Test
  void the_cohort_run_starts_exactly_the_children_changing_phase_and_a_second_run_starts_none() {
    ClockUtil.setCurrentTime(StatutoryDates.startOfDay(java.time.LocalDate.of(2026, 9, 7)));
    plan("Y6-FIRST-DAY", "2015-09-01", "primary"); // oldest in Year 6
    plan("Y6-LAST-DAY", "2016-08-31", "primary"); // youngest in Year 6
    plan("Y7-OLDER", "2015-08-31", "secondary"); // already moved last year
    plan("Y5-YOUNGER", "2016-09-01", "primary"); // moves the year after
    plan("Y6-UNKNOWN", "2016-01-15", null); // phase unknown: taken as primary
    plan("Y11", "2011-08-31", "secondary"); // youngest in Year 11
    plan("Y10", "2011-09-01", "secondary");
    plan("Y11-COLLEGE", "2011-03-01", "post16"); // already post-16
    plan("NURSERY", "2023-05-01", "early-years");
    plan("Y2-INFANT", "2019-10-10", "infant");
    plan("Y2-PRIMARY", "2019-10-10", "primary");
    plan("Y4-FIRST", "2017-12-01", "first");
    plan("Y8-MIDDLE", "2014-02-02", "middle");

    Run first = runCohortNow();
    int started = (Integer) variableOf(first, PhaseTransferCohortVariables.COHORT_STARTED.name());
    assertThat(started)
        .as("the 8 seeded here, and any other test's child changing phase")
        .isGreaterThanOrEqualTo(8);
    assertThat(first.batches())
        .isEqualTo((started + PhaseTransferCohort.BATCH_SIZE - 1) / PhaseTransferCohort.BATCH_SIZE);

    assertThat(transfersByChild())
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.of(
                    "NURSERY", "early-years-to-school by 2027-02-15",
                    "Y11", "secondary-to-post16 by 2027-03-31",
                    "Y2-INFANT", "infant-to-junior by 2027-02-15",
                    "Y4-FIRST", "primary-to-middle by 2027-02-15",
                    "Y6-FIRST-DAY", "primary-to-secondary by 2027-02-15",
                    "Y6-LAST-DAY", "primary-to-secondary by 2027-02-15",
                    "Y6-UNKNOWN", "primary-to-secondary by 2027-02-15",
                    "Y8-MIDDLE", "middle-to-secondary by 2027-02-15")));
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(Pathways.ANNUAL_REVIEW)
                .processInstanceBusinessKeyLike("AR-" + SEED + "%")
                .count())
        .as("the 8 children's reviews are replaced; 5 stay")
        .isEqualTo(5);

    ClockUtil.setCurrentTime(StatutoryDates.startOfDay(java.time.LocalDate.of(2026, 9, 8)));
    Run second = runCohortNow();
    assertThat(second.batches()).as("nobody left to start: no batch").isZero();

    assertThat(transfersByChild()).as("no duplicates").hasSize(8);
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(Pathways.PHASE_TRANSFER)
                .processInstanceBusinessKeyLike("PT-" + SEED + "%")
                .count())
        .isEqualTo(8);
    assertThat(variableOf(second, PhaseTransferCohortVariables.COHORT_STARTED.name())).isEqualTo(0);
  }

  @Test
  void
      a_cohort_larger_than_a_batch_is_started_batch_by_batch_each_in_its_own_job_with_exact_totals() {
    ClockUtil.setCurrentTime(StatutoryDates.startOfDay(java.time.LocalDate.of(2026, 9, 7)));
    int children = PhaseTransferCohort.BATCH_SIZE + 7;
    for (int n = 0; n < children; n++) {
      plan("BATCH-" + n, "2016-01-15", "primary"); // Year 6: all move to secondary
    }
    plan("BATCH-Y5", "2016-09-01", "primary"); // not this year

    Run run = runCohortNow();

    int started = (Integer) variableOf(run, PhaseTransferCohortVariables.COHORT_STARTED.name());
    assertThat(started)
        .as("every child of this test, and any other test's left in Year 6")
        .isGreaterThanOrEqualTo(children);
    assertThat(run.batches())
        .as("%d children in batches of %d", started, PhaseTransferCohort.BATCH_SIZE)
        .isEqualTo((started + PhaseTransferCohort.BATCH_SIZE - 1) / PhaseTransferCohort.BATCH_SIZE)
        .isGreaterThanOrEqualTo(2);
    assertThat(transfersByChild().keySet().stream().filter(child -> child.startsWith("BATCH-")))
        .hasSize(children)
        .doesNotContain("BATCH-Y5");
    assertThat(transfersByChild()).containsEntry("BATCH-0", "primary-to-secondary by 2027-02-15");
    assertThat(variableOf(run, PhaseTransferCohortVariables.COHORT_RUN_DATE.name()))
        .isEqualTo("2026-09-07");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(Pathways.ANNUAL_REVIEW)
                .processInstanceBusinessKeyLike("AR-" + SEED + "BATCH-%")
                .count())
        .as("each transfer replaced its child's review; the Year 5 child's stays")
        .isEqualTo(1);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .variableName(PhaseTransferCohortVariables.COHORT_BATCHES.name())
                .count())
        .as("the list of batches was never kept")
        .isZero();
  }

  @Test
  void the_yearly_run_is_scheduled_for_7_september_at_6_in_the_morning() {
    Job timer =
        engine
            .getManagementService()
            .createJobQuery()
            .timers()
            .processDefinitionKey(Pathways.PHASE_TRANSFER_COHORT)
            .singleResult();
    assertThat(timer).isNotNull();
    var next =
        java.time.ZonedDateTime.ofInstant(
            timer.getDuedate().toInstant(), java.time.ZoneId.of("Europe/London"));
    assertThat(next.getMonthValue()).isEqualTo(9);
    assertThat(next.getDayOfMonth()).isEqualTo(7);
    assertThat(next.getHour()).isEqualTo(6);
  }

  /**
   * Running the cohort early reaches every child with a plan: a manager's call. A caseworker's
   * message is refused and starts nothing; a manager's starts the run.
   */
  @Test
  void only_a_manager_runs_the_cohort_early() {
    Map<String, Object> message =
        Map.of("messageName", Pathways.Messages.RUN_PHASE_TRANSFER_COHORT);
    long runsBefore = cohortRuns();
    ResponseEntity<String> caseworker =
        http.withBasicAuth("caseworker", "demo")
            .exchange("/engine-rest/message", HttpMethod.POST, asJson(message), String.class);
    assertThat(caseworker.getStatusCode().value()).as(caseworker.getBody()).isEqualTo(403);
    assertThat(caseworker.getBody()).contains("managers");
    assertThat(cohortRuns()).isEqualTo(runsBefore);

    ResponseEntity<String> manager =
        http.withBasicAuth("manager", "demo")
            .exchange("/engine-rest/message", HttpMethod.POST, asJson(message), String.class);
    assertThat(manager.getStatusCode().value()).as(manager.getBody()).isEqualTo(204);
    assertThat(cohortRuns()).isEqualTo(runsBefore + 1);
    // The run waits for its first job; other tests run the cohort themselves.
    engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(Pathways.PHASE_TRANSFER_COHORT)
        .list()
        .forEach(
            run ->
                engine
                    .getRuntimeService()
                    .deleteProcessInstance(run.getId(), "test cleanup", true, true));
  }

  private long cohortRuns() {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(Pathways.PHASE_TRANSFER_COHORT)
        .count();
  }

  private static HttpEntity<Map<String, Object>> asJson(Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
