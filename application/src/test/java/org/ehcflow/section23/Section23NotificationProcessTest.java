package org.ehcflow.section23;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ehcflow.section23.Section23Process.Elements.*;
import static org.ehcflow.support.TestCase.dueDate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.TestCase;
import org.ehcflow.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Section 23 notifications: each refusal rule, each triage route, and the notification following
 * the child.
 */
@EhcIntegrationTest
class Section23NotificationProcessTest {

  static final String NOTIFIER = "dr.patel@royal-hospital.example";
  static final String PARENT = "parent.lee@example.org";

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Map<String, Object> notification(String nhsNumber, String childName, String concernLevel) {
    Map<String, Object> start = new HashMap<>();
    start.put("childName", childName);
    start.put("dateOfBirth", "2024-06-15");
    start.put("nhsNumber", nhsNumber);
    start.put("notificationDate", "2026-03-10");
    start.put("notifyingBody", "Royal Hospital NHS Trust");
    start.put("notifierEmail", NOTIFIER);
    start.put("concern", "Global developmental delay; little speech at 20 months");
    start.put("parentInformedDate", "2026-03-09");
    start.put("parentOfferedDiscussion", true);
    start.put("voluntaryOrganisationsInfoGiven", false);
    start.put("parentEmail", PARENT);
    if (concernLevel != null) {
      start.put("concernLevel", concernLevel);
    }
    return start;
  }

  private TestCase notify(String businessKey, Map<String, Object> variables) {
    TestCase notification = new TestCase(engine, mail).on("2026-03-10T11:00");
    notification.start(Section23Process.KEY, businessKey, variables);
    return notification;
  }

  private void assertRefused(Map<String, Object> variables, String message) {
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2026-03-10 11:00:00"));
    long before =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(Section23Process.KEY)
            .count();
    assertThatThrownBy(
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey(Section23Process.KEY, variables))
        .hasMessageContaining(message);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(Section23Process.KEY)
                .count())
        .as("nothing left behind")
        .isEqualTo(before);
  }

  @Test
  void
      a_child_of_compulsory_school_age_is_refused_and_the_term_after_the_fifth_birthday_is_the_boundary() {
    Map<String, Object> fiveOnNewYearsEve = notification("9434765919", "Tom Lee", null);
    fiveOnNewYearsEve.put("dateOfBirth", "2020-12-31");
    assertRefused(
        fiveOnNewYearsEve,
        "dateOfBirth: the child was of compulsory school age on 2026-03-10 (from 2025-12-31)");

    Map<String, Object> fiveOnNewYearsDay = notification("9434765919", "Tom Lee", null);
    fiveOnNewYearsDay.put("dateOfBirth", "2021-01-01");
    TestCase accepted = notify("S23-BOUNDARY", fiveOnNewYearsDay);
    assertThat(accepted.ended()).as("under compulsory school age until 31 March").isFalse();
  }

  @Test
  void a_wrong_nhs_check_digit_is_refused() {
    assertRefused(
        notification("9434765918", "Tom Lee", null),
        "nhsNumber: '9434765918' is not a valid NHS number");
    assertRefused(
        notification("94347659", "Tom Lee", null),
        "nhsNumber: '94347659' is not a valid NHS number");
  }

  @Test
  void a_parent_not_yet_informed_or_not_offered_a_discussion_is_refused() {
    Map<String, Object> informedLater = notification("9434765919", "Tom Lee", null);
    informedLater.put("parentInformedDate", "2026-03-11");
    assertRefused(
        informedLater,
        "parentInformedDate: the parent must be told on or before the notification date");

    Map<String, Object> noDiscussion = notification("9434765919", "Tom Lee", null);
    noDiscussion.put("parentOfferedDiscussion", false);
    assertRefused(noDiscussion, "parentOfferedDiscussion: must be true");
  }

  @Test
  void missing_notifier_details_are_refused() {
    Map<String, Object> anonymous = notification("9434765919", "Tom Lee", null);
    anonymous.remove("notifierEmail");
    anonymous.remove("notifyingBody");
    assertRefused(anonymous, "notifyingBody: is required");
    assertRefused(anonymous, "notifierEmail: is required");
  }

  @Test
  void
      a_disability_without_likely_sen_is_information_only_with_a_recorded_reason_and_the_notifier_is_told() {
    TestCase notification =
        notify("S23-INFO", notification("4010232137", "Mia Lee", "disability-only"));
    assertThat(notification.subjectsTo(NOTIFIER)).as("acknowledged").hasSize(1);
    assertThat(notification.subjectsTo(PARENT))
        .as("local offer and voluntary organisations")
        .hasSize(1);
    assertThat(notification.variable("triageRecommendation")).isEqualTo("information-only");
    assertThat(notification.variable("triageDue")).isEqualTo("2026-03-25");
    assertThat(dueDate(notification.task(TRIAGE))).isEqualTo("2026-03-25");

    String triage = notification.task(TRIAGE).getId();
    assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .complete(triage, Map.of("triageOutcome", "information-only")))
        .hasMessageContaining("triageReason: is required");
    notification.on("2026-03-16T10:00");
    notification.complete(
        TRIAGE,
        Map.of(
            "triageOutcome",
            "information-only",
            "triageReason",
            "Hearing aids fitted; no learning needs identified"));

    assertThat(notification.ended()).isTrue();
    assertThat(notification.passed(START_ASSESSMENT)).isFalse();
    assertThat(notification.variable("triageDate")).isEqualTo("2026-03-16");
    assertThat(notification.subjectsTo(NOTIFIER)).as("acknowledged, outcome").hasSize(2);
    assertThat(notification.bodyTo(NOTIFIER, notification.subjectsTo(NOTIFIER).get(1)))
        .contains("information-only");
  }

  @Test
  void emerging_needs_get_early_years_support_and_no_assessment() {
    Map<String, Object> start = notification("4505577104", "Ava Lee", "emerging");
    start.put("voluntaryOrganisationsInfoGiven", true);
    TestCase notification = notify("S23-SUPPORT", start);
    assertThat(notification.subjectsTo(PARENT))
        .as("the notifier already told the parent")
        .isEmpty();
    assertThat(notification.variable("triageRecommendation")).isEqualTo("early-years-support");

    notification.complete(
        TRIAGE, Map.of("triageOutcome", "early-years-support", "triageReason", "Portage referral"));

    assertThat(notification.ended()).isTrue();
    assertThat(notification.passed(START_ASSESSMENT)).isFalse();
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(AssessmentProcess.KEY)
                .variableValueEquals("nhsNumber", "4505577104")
                .count())
        .isZero();
  }

  @Test
  void considering_an_assessment_starts_it_with_the_childs_details_so_nobody_retells_the_story() {
    TestCase notification =
        notify("S23-ASSESS", notification("9434765919", "Leo Lee", "significant"));
    assertThat(notification.variable("triageRecommendation")).isEqualTo("consider-ehc-assessment");
    notification.on("2026-03-20T10:00");

    notification.complete(
        TRIAGE, Map.of("triageOutcome", "consider-ehc-assessment", "parentEmail", PARENT));

    assertThat(notification.ended()).isTrue();
    assertThat(notification.variable("assessmentBusinessKey"))
        .isEqualTo("EHCNA-NHS-9434765919-2026-03-20");
    ProcessInstance assessment =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(AssessmentProcess.KEY)
            .processInstanceBusinessKey("EHCNA-NHS-9434765919-2026-03-20")
            .singleResult();
    assertThat(assessment).isNotNull();
    Map<String, Object> details = engine.getRuntimeService().getVariables(assessment.getId());
    assertThat(details)
        .containsEntry("childName", "Leo Lee")
        .containsEntry("dateOfBirth", "2024-06-15")
        .containsEntry("nhsNumber", "9434765919")
        .containsEntry("requester", "other")
        .containsEntry("requestReceivedDate", "2026-03-20")
        .containsEntry("decisionToAssessDue", "2026-05-01")
        .containsEntry("section23NotificationId", "S23-ASSESS");
    assertThat((String) details.get("section23Summary"))
        .contains("Royal Hospital NHS Trust")
        .contains("Global developmental delay");
  }

  @Test
  void a_later_request_for_the_same_child_shows_the_earlier_notification_and_its_triage() {
    TestCase notification =
        notify("S23-EARLIER", notification("4010232137", "Isla Lee", "emerging"));
    notification.complete(
        TRIAGE,
        Map.of("triageOutcome", "early-years-support", "triageReason", "Area SENCO visits"));

    Map<String, Object> byNhsNumber =
        Map.of(
            "childId",
            "C-ISLA",
            "childName",
            "Isla Lee",
            "dateOfBirth",
            "2024-06-15",
            "requestReceivedDate",
            "2026-03-10",
            "requester",
            "parent",
            "parentEmail",
            PARENT,
            "nhsNumber",
            "4010232137");
    ProcessInstance request =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(AssessmentProcess.KEY, "EHCNA-ISLA", byNhsNumber);
    assertThat((String) engine.getRuntimeService().getVariable(request.getId(), "section23Summary"))
        .contains("S23-EARLIER")
        .contains("early-years-support")
        .contains("Area SENCO visits");
    assertThat(engine.getRuntimeService().getVariable(request.getId(), "section23NotificationId"))
        .isEqualTo("S23-EARLIER");

    Map<String, Object> byNameAndBirth =
        Map.of(
            "childId",
            "C-ISLA-2",
            "childName",
            "Isla Lee",
            "dateOfBirth",
            "2024-06-15",
            "requestReceivedDate",
            "2026-03-10",
            "requester",
            "school",
            "parentEmail",
            PARENT);
    ProcessInstance second =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(AssessmentProcess.KEY, "EHCNA-ISLA-2", byNameAndBirth);
    assertThat((String) engine.getRuntimeService().getVariable(second.getId(), "section23Summary"))
        .contains("S23-EARLIER");
  }

  @Test
  void a_triage_not_done_by_its_local_deadline_escalates_to_a_manager() {
    TestCase notification = notify("S23-LATE", notification("9434765919", "Zac Lee", null));
    notification.on("2026-03-26T00:00");

    assertThat(notification.task(ESCALATE_LATE_TRIAGE)).isNotNull();
    assertThat(notification.subjectsTo("send-managers@council.example")).hasSize(1);
    assertThat(notification.task(TRIAGE)).as("the triage is still to do").isNotNull();
    notification.complete(
        TRIAGE, Map.of("triageOutcome", "early-years-support", "triageReason", "Late but done"));
    assertThat(notification.tasks(ESCALATE_LATE_TRIAGE)).isEmpty();
  }
}
