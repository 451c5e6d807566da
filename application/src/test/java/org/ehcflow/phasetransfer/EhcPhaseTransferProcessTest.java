package org.ehcflow.phasetransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ehcflow.phasetransfer.PhaseTransferProcess.Elements.*;
import static org.ehcflow.support.TestCase.dueDate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.TestCase;
import org.ehcflow.support.TestMail;
import org.ehcflow.vocabulary.Pathways;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** Phase-transfer reviews (reg 18): the deadlines, the route on time, and the late route. */
@EhcIntegrationTest
class EhcPhaseTransferProcessTest {

  static final String PARENT = "parent.osei@example.org";
  static final String CASEWORKERS = "send-casework@council.example";
  static final String MANAGERS = "send-managers@council.example";

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Map<String, Object> transfer(String childId, String type, String transferDate) {
    Map<String, Object> start = new HashMap<>();
    start.put("childId", childId);
    start.put("childName", "Kofi Osei");
    start.put("dateOfBirth", "2016-04-12");
    start.put("parentEmail", PARENT);
    start.put("transferType", type);
    start.put("transferDate", transferDate);
    start.put("namedSetting", "Brook Primary");
    return start;
  }

  private TestCase startTransfer(String childId, String type, String transferDate) {
    TestCase transfer = new TestCase(engine, mail).on("2026-09-07T06:00");
    transfer.start(Pathways.PHASE_TRANSFER, "PT-" + childId, transfer(childId, type, transferDate));
    return transfer;
  }

  @Test
  void the_deadline_is_15_february_31_march_or_5_months_before_a_post16_move() {
    TestCase primary = startTransfer("T-P2S", "primary-to-secondary", "2027-09-01");
    TestCase post16 = startTransfer("T-S2P", "secondary-to-post16", "2027-09-01");
    assertThat(primary.variable("phaseTransferDeadline")).isEqualTo("2027-02-15");
    assertThat(primary.variable("transferMeetingBy")).isEqualTo("2026-11-23");
    assertThat(primary.variable("amendmentNoticeBy")).isEqualTo("2026-12-21");
    assertThat(post16.variable("phaseTransferDeadline")).isEqualTo("2027-03-31");

    TestCase college = new TestCase(engine, mail).on("2026-06-01T10:00");
    college.start(
        Pathways.PHASE_TRANSFER, "PT-T-P2P", transfer("T-P2P", "post16-to-post16", "2027-01-10"));
    assertThat(college.variable("phaseTransferDeadline")).isEqualTo("2026-08-10");
  }

  @Test
  void
      a_transfer_issued_on_time_names_the_next_setting_replaces_this_years_review_and_starts_the_next() {
    TestCase annual = new TestCase(engine, mail).on("2026-03-01T10:00");
    Map<String, Object> plan =
        new HashMap<>(
            Map.of(
                "childId",
                "T-ONTIME",
                "childName",
                "Kofi Osei",
                "dateOfBirth",
                "2016-04-12",
                "parentEmail",
                PARENT,
                "planIssuedDate",
                "2026-03-01"));
    annual.start(Pathways.ANNUAL_REVIEW, "AR-T-ONTIME-2026-03-01", plan);

    TestCase transfer = startTransfer("T-ONTIME", "primary-to-secondary", "2027-09-01");
    assertThat(annual.ended()).as("the waiting annual review is replaced").isTrue();
    assertThat(annual.variable("supersededBy")).isEqualTo("PT-T-ONTIME");
    assertThat(transfer.variable("supersededReviews")).isEqualTo(1);
    assertThat(transfer.subjectsTo(PARENT)).as("the review has started").hasSize(1);
    assertThat(dueDate(transfer.task(HOLD_REVIEW))).isEqualTo("2026-11-23");
    assertThat(groups(transfer.task(HOLD_REVIEW).getId())).containsExactly("education-setting");

    transfer.on("2026-10-20T10:00");
    transfer.complete(
        HOLD_REVIEW,
        Map.of(
            "reviewMeetingDate",
            "2026-10-20",
            "preferredNextSetting",
            "Castle Academy",
            "reviewReport",
            "Ready for secondary with support"));
    assertThat(dueDate(transfer.task(SEND_NOTICE_TASK))).isEqualTo("2026-12-21");
    transfer.on("2026-11-10T10:00");
    transfer.complete(
        SEND_NOTICE_TASK,
        Map.of(
            "amendmentNoticeDate",
            "2026-11-10",
            "proposedSetting",
            "Castle Academy",
            "proposedAmendments",
            "Section I: Castle Academy from September 2027"));
    assertThat(transfer.variable("amendmentCommentWindowEnds")).isEqualTo("2026-11-24");
    assertThat(dueDate(transfer.task(ISSUE_PLAN))).isEqualTo("2027-02-15");

    transfer.on("2027-01-20T10:00");
    transfer.complete(
        ISSUE_PLAN,
        Map.of(
            "finalAmendedPlanIssuedDate",
            "2027-01-20",
            "namedSetting",
            "Castle Academy",
            "namedSettingEmail",
            "senco@castle.example"));

    assertThat(transfer.ended()).isTrue();
    assertThat(transfer.passed(END_ISSUED)).isTrue();
    assertThat(transfer.passed(ESCALATE_LATE)).isFalse();
    assertThat(transfer.passed(MEETING_MILESTONE_MISSED)).isFalse();
    assertThat(transfer.variable("phaseTransferLate")).isNull();
    assertThat(transfer.variable("namedSetting")).isEqualTo("Castle Academy");
    assertThat(transfer.subjectsTo(PARENT)).as("started, amendment notice, final plan").hasSize(3);
    assertThat(transfer.subjectsTo("senco@castle.example")).hasSize(1);

    ProcessInstance next =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(Pathways.ANNUAL_REVIEW)
            .processInstanceBusinessKey("AR-T-ONTIME-2026-11-10")
            .singleResult();
    assertThat(next).isNotNull();
    assertThat(engine.getRuntimeService().getVariable(next.getId(), "reviewDue"))
        .isEqualTo("2027-11-09");
    assertThat(engine.getRuntimeService().getVariable(next.getId(), "settingPhase"))
        .isEqualTo("secondary");
  }

  @Test
  void
      a_transfer_late_for_15_february_is_flagged_and_escalated_to_a_manager_after_warnings_at_each_milestone() {
    TestCase transfer = startTransfer("T-LATE", "primary-to-secondary", "2027-09-01");

    transfer.on("2026-11-24T00:00");
    assertThat(transfer.subjectsTo(CASEWORKERS)).as("meeting milestone missed").hasSize(1);
    transfer.on("2026-12-01T10:00");
    transfer.complete(
        HOLD_REVIEW, Map.of("reviewMeetingDate", "2026-12-01", "reviewReport", "Held late"));
    transfer.on("2026-12-22T00:00");
    assertThat(transfer.subjectsTo(CASEWORKERS)).as("then the notice milestone").hasSize(2);
    transfer.on("2027-01-05T10:00");
    transfer.complete(
        SEND_NOTICE_TASK,
        Map.of(
            "amendmentNoticeDate",
            "2027-01-05",
            "proposedSetting",
            "Castle Academy",
            "proposedAmendments",
            "Section I"));

    transfer.on("2027-02-16T00:00");
    assertThat(transfer.variable("phaseTransferLate")).isEqualTo(true);
    assertThat(groups(transfer.task(ESCALATE_LATE).getId())).containsExactly("la-manager");
    assertThat(transfer.task(ISSUE_PLAN)).as("the duty continues").isNotNull();

    transfer.on("2027-02-20T10:00");
    transfer.complete(
        ISSUE_PLAN,
        Map.of("finalAmendedPlanIssuedDate", "2027-02-20", "namedSetting", "Castle Academy"));
    assertThat(transfer.tasks(ESCALATE_LATE)).as("closed once the plan is issued").isEmpty();
    assertThat(transfer.ended()).isTrue();
  }

  @Test
  void a_transfer_start_with_an_unknown_type_or_a_past_move_date_is_refused() {
    new TestCase(engine, mail).on("2026-09-07T10:00");
    assertThatThrownBy(
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey(
                        Pathways.PHASE_TRANSFER,
                        transfer("T-BAD", "primary-to-university", "2026-09-01")))
        .hasMessageContaining("transferType: must be one of")
        .hasMessageContaining("transferDate: must be in the future");
  }

  private java.util.List<String> groups(String taskId) {
    return engine.getTaskService().getIdentityLinksForTask(taskId).stream()
        .filter(link -> "candidate".equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }
}
