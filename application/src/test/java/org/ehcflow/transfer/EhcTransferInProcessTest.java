package org.ehcflow.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ehcflow.support.TestCase.dueDate;
import static org.ehcflow.transfer.TransferInProcess.Elements.*;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.EngineRest;
import org.ehcflow.support.TestCase;
import org.ehcflow.support.TestMail;
import org.ehcflow.vocabulary.Pathways;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A plan transferred in from another council (reg 15): the family told within 6 weeks, the review
 * due at the later of 12 months from the last review and 3 months from the transfer, and started
 * with that date; the late route; bad starts and completions.
 */
@EhcIntegrationTest
class EhcTransferInProcessTest {

  static final String PARENT = "parent.haddad@example.org";
  static final String CASEWORKERS = "send-casework@council.example";
  static final String MANAGERS = "send-managers@council.example";

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate http;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Map<String, Object> arrival(String childId, String transferDate, String lastReviewDate) {
    Map<String, Object> start = new HashMap<>();
    start.put("childId", childId);
    start.put("childName", "Yusuf Haddad");
    start.put("dateOfBirth", "2016-02-17");
    start.put("parentEmail", PARENT);
    start.put("previousCouncil", "Northshire County Council");
    start.put("transferDate", transferDate);
    start.put("lastReviewDate", lastReviewDate);
    start.put("yearGroup", 5);
    start.put("namedSetting", "Brook Primary");
    return start;
  }

  private ProcessInstance review(String businessKey) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(Pathways.ANNUAL_REVIEW)
        .processInstanceBusinessKey(businessKey)
        .singleResult();
  }

  @Test
  void a_plan_reviewed_in_the_last_nine_months_is_reviewed_twelve_months_after_its_last_review() {
    TestCase transfer = new TestCase(engine, mail).on("2027-02-01T10:00");
    transfer.start(Pathways.TRANSFER_IN, null, arrival("TI-RECENT", "2027-02-01", "2026-06-20"));

    assertThat(transfer.variable("transferNoticeDue")).isEqualTo("2027-03-15");
    assertThat(transfer.variable("transferReviewDue"))
        .as("later of 2027-06-20 and 2027-05-01")
        .isEqualTo("2027-06-20");
    assertThat(dueDate(transfer.task(TELL_THE_FAMILY))).isEqualTo("2027-03-15");
    assertThat(groups(transfer.task(TELL_THE_FAMILY).getId())).containsExactly("la-caseworker");

    transfer.on("2027-03-01T10:00");
    transfer.complete(
        TELL_THE_FAMILY, Map.of("willAssess", false, "plannedReviewDate", "2027-06-10"));

    assertThat(transfer.ended()).isTrue();
    assertThat(transfer.passed(END_REVIEW_STARTED)).isTrue();
    assertThat(transfer.passed("serviceTask_tellCaseworkersAssessmentProposed")).isFalse();
    assertThat(transfer.passed(ESCALATE_LATE)).isFalse();
    assertThat(transfer.variable("transferNoticeDate")).isEqualTo("2027-03-01");
    assertThat(transfer.variable("transferNoticeLate")).isNull();
    assertThat(transfer.subjectsTo(PARENT))
        .containsExactly("Yusuf Haddad's EHC plan has transferred to us");
    assertThat(transfer.bodyTo(PARENT, "transferred to us"))
        .contains("Northshire County Council")
        .contains("We do not propose to carry out a new EHC needs assessment")
        .doesNotContain("We propose to carry out")
        .contains("on or before 2027-06-10")
        .contains("by 2027-06-20");
    assertThat(transfer.subjectsTo(CASEWORKERS)).isEmpty();

    assertThat(transfer.variable("annualReviewBusinessKey")).isEqualTo("AR-TI-RECENT-2026-06-20");
    ProcessInstance review = review("AR-TI-RECENT-2026-06-20");
    assertThat(review).as("the review started").isNotNull();
    assertThat(engine.getRuntimeService().getVariable(review.getId(), "reviewDue"))
        .isEqualTo("2027-06-20");
    assertThat(engine.getRuntimeService().getVariable(review.getId(), "reviewDueBy"))
        .isEqualTo("2027-06-20");
    assertThat(engine.getRuntimeService().getVariable(review.getId(), "namedSetting"))
        .isEqualTo("Brook Primary");
  }

  @Test
  void
      a_plan_last_reviewed_over_nine_months_before_is_reviewed_three_months_after_the_transfer_and_a_late_notice_is_escalated() {
    TestCase transfer = new TestCase(engine, mail).on("2027-02-01T10:00");
    transfer.start(Pathways.TRANSFER_IN, null, arrival("TI-OLDER", "2027-02-01", "2026-01-10"));

    assertThat(transfer.variable("transferNoticeDue")).isEqualTo("2027-03-15");
    assertThat(transfer.variable("transferReviewDue"))
        .as("later of 2027-01-10 and 2027-05-01")
        .isEqualTo("2027-05-01");

    transfer.on("2027-03-15T23:00");
    assertThat(transfer.tasks(ESCALATE_LATE)).as("not late on its last day").isEmpty();
    transfer.on("2027-03-16T00:00");
    assertThat(transfer.variable("transferNoticeLate")).isEqualTo(true);
    assertThat(groups(transfer.task(ESCALATE_LATE).getId())).containsExactly("la-manager");
    assertThat(transfer.subjectsTo(MANAGERS))
        .containsExactly(
            "Transfer notice late (reg 15): Yusuf Haddad (TI-OLDER), due by 2027-03-15");
    assertThat(transfer.task(TELL_THE_FAMILY)).as("the duty continues").isNotNull();

    transfer.on("2027-03-18T10:00");
    transfer.complete(
        TELL_THE_FAMILY, Map.of("willAssess", true, "plannedReviewDate", "2027-05-01"));

    assertThat(transfer.tasks(ESCALATE_LATE)).as("closed once the family is told").isEmpty();
    assertThat(transfer.ended()).isTrue();
    assertThat(transfer.variable("willAssess")).isEqualTo(true);
    assertThat(transfer.passed("serviceTask_tellCaseworkersAssessmentProposed")).isTrue();
    assertThat(transfer.subjectsTo(CASEWORKERS))
        .containsExactly("Assessment proposed for a transferred plan: Yusuf Haddad (TI-OLDER)");
    assertThat(transfer.bodyTo(PARENT, "transferred to us"))
        .contains("We propose to carry out an EHC needs assessment")
        .doesNotContain("We do not propose");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(Pathways.NEEDS_ASSESSMENT)
                .variableValueEquals("childId", "TI-OLDER")
                .count())
        .as("an assessment needs a request: only the intention is recorded")
        .isZero();

    ProcessInstance review = review("AR-TI-OLDER-2026-01-10");
    assertThat(engine.getRuntimeService().getVariable(review.getId(), "reviewDue"))
        .isEqualTo("2027-05-01");
  }

  @Test
  void
      a_last_review_after_the_transfer_a_transfer_from_this_council_or_an_unknown_variable_is_refused() {
    new TestCase(engine, mail).on("2027-02-01T10:00");
    Map<String, Object> start = arrival("TI-BAD", "2027-01-20", "2027-01-25");
    start.put("previousCouncil", "Example Council");
    start.put("reviewDate", "2027-05-01");
    assertThatThrownBy(
            () -> engine.getRuntimeService().startProcessInstanceByKey(Pathways.TRANSFER_IN, start))
        .hasMessageContaining("lastReviewDate: cannot be after transferDate (2027-01-20)")
        .hasMessageContaining("previousCouncil: is this council (Example Council)")
        .hasMessageContaining("reviewDate: is not a variable of this process");

    Map<String, Object> future = arrival("TI-BAD", "2027-02-02", "2026-06-20");
    assertThatThrownBy(
            () ->
                engine.getRuntimeService().startProcessInstanceByKey(Pathways.TRANSFER_IN, future))
        .hasMessageContaining("transferDate: ");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(Pathways.TRANSFER_IN)
                .variableValueEquals("childId", "TI-BAD")
                .count())
        .as("nothing half-written")
        .isZero();
  }

  @Test
  void a_planned_review_after_the_statutory_date_is_refused_and_the_task_stays_open() {
    TestCase transfer = new TestCase(engine, mail).on("2027-02-01T10:00");
    transfer.start(Pathways.TRANSFER_IN, null, arrival("TI-LATEPLAN", "2027-02-01", "2026-06-20"));

    assertThatThrownBy(
            () ->
                transfer.complete(
                    TELL_THE_FAMILY,
                    Map.of("willAssess", false, "plannedReviewDate", "2027-06-21")))
        .hasMessageContaining("plannedReviewDate: cannot be after 2027-06-20");
    assertThatThrownBy(
            () -> transfer.complete(TELL_THE_FAMILY, Map.of("plannedReviewDate", "2027-06-01")))
        .hasMessageContaining("willAssess: is required");
    assertThat(transfer.task(TELL_THE_FAMILY)).isNotNull();
    assertThat(transfer.subjectsTo(PARENT)).isEmpty();
    assertThat(review("AR-TI-LATEPLAN-2026-06-20")).isNull();
  }

  @Test
  void a_caseworker_starting_a_transfer_in_with_an_unknown_variable_over_rest_gets_400_naming_it() {
    new TestCase(engine, mail).on("2027-03-01T10:00");
    Map<String, Object> start = arrival("TI-REST", "2027-02-01", "2026-06-20");
    start.put("reviewDue", "2027-06-20");

    ResponseEntity<String> response =
        EngineRest.start(http, "caseworker", Pathways.TRANSFER_IN, start);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(EngineRest.errorMessage(response))
        .contains("reviewDue: is not a variable of this process");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("ehc-transfer-in")
                .variableValueEquals("childId", "TI-REST")
                .count())
        .as("nothing half-written")
        .isZero();
  }

  private List<String> groups(String taskId) {
    return engine.getTaskService().getIdentityLinksForTask(taskId).stream()
        .filter(link -> "candidate".equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }
}
