package org.ehcflow.amendment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcflow.amendment.AmendPlanProcess.Elements.*;
import static org.ehcflow.support.TestCase.dueDate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.casefile.CaseDocument;
import org.ehcflow.reporting.CaseChronology;
import org.ehcflow.reporting.CaseNotice;
import org.ehcflow.reporting.ChronologyEntry;
import org.ehcflow.reporting.ComplianceFigures.CaseRef;
import org.ehcflow.reporting.ComplianceFigures.DeadlineFigure;
import org.ehcflow.reporting.ComplianceReport;
import org.ehcflow.review.AnnualReviewProcess;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.EngineRest;
import org.ehcflow.support.TestCase;
import org.ehcflow.support.TestMail;
import org.ehcflow.vocabulary.DocumentKind;
import org.ehcflow.vocabulary.Pathways;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Amending a plan (reg 22), one test per route. Between reviews a caseworker proposes amendments;
 * an annual review that decides to amend calls the same pathway (EhcAnnualReviewProcessTest drives
 * its amended-plan routes; the last test here the decision not to amend).
 *
 * <p>The reference case: a plan issued on 1 September 2026, so the child's annual review waits for
 * its preparation window (22 June 2027); the amendment notice is dated Monday 1 February 2027, so
 * the parent may comment until Monday 15 February 2027 (15 days beginning with the notice) and the
 * final amended plan, or the notice not to amend, is due by Monday 29 March 2027 (8 weeks).
 */
@EhcIntegrationTest
class EhcAmendPlanProcessTest {

  static final String PARENT = "parent.osei@example.org";
  static final String SETTING = "senco@oakfield.example.org";
  static final String MANAGERS = "send-managers@council.example";
  static final String SETTINGS = "send-settings@council.example";
  static final String HEALTH = "send-health@icb.example";

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate http;
  @Autowired CaseChronology chronology;
  @Autowired ComplianceReport report;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Born 10 May 2015; the notice dated 1 February 2027. */
  static Map<String, Object> proposal(String childId) {
    Map<String, Object> start = new HashMap<>();
    start.put("childId", childId);
    start.put("childName", "Kwame Osei");
    start.put("dateOfBirth", "2015-05-10");
    start.put("nhsNumber", "9434765919");
    start.put("parentEmail", PARENT);
    start.put("namedSetting", "Oakfield Primary");
    start.put("namedSettingEmail", SETTING);
    start.put("amendmentTrigger", "change-of-circumstances");
    start.put("amendmentProposalReason", "Kwame now uses a wheelchair after surgery");
    start.put("proposedAmendments", "Section F: a full-time teaching assistant for mobility");
    start.put("amendmentNoticeDate", "2027-02-01");
    return start;
  }

  private TestCase runningReview(String childId) {
    Map<String, Object> plan = new HashMap<>();
    plan.put("childId", childId);
    plan.put("childName", "Kwame Osei");
    plan.put("dateOfBirth", "2015-05-10");
    plan.put("parentEmail", PARENT);
    plan.put("planIssuedDate", "2026-09-01");
    TestCase review = new TestCase(engine, mail).on("2026-09-01T10:00");
    review.start(Pathways.ANNUAL_REVIEW, "AR-" + childId + "-2026-09-01", plan);
    assertThat(review.variable("reviewDue")).isEqualTo("2027-08-31");
    assertThat(review.variable("preparationOpens")).isEqualTo("2027-06-22");
    return review;
  }

  /** The notice of 1 February 2027 sent: waiting for the parent's representations. */
  private TestCase proposed(String childId) {
    TestCase amendment = new TestCase(engine, mail).on("2027-02-01T10:00");
    amendment.start(Pathways.AMEND_PLAN, null, proposal(childId));
    assertThat(amendment.variable("proposedAtReview")).isEqualTo(false);
    assertThat(amendment.variable("amendmentTrigger")).isEqualTo("change-of-circumstances");
    assertThat(amendment.variable("amendmentNoticeDate")).isEqualTo("2027-02-01");
    assertThat(amendment.variable("amendmentCommentWindowEnds")).isEqualTo("2027-02-15");
    assertThat(amendment.variable("amendedPlanDue")).isEqualTo("2027-03-29");
    assertThat(amendment.passed(SEND_AMENDMENT_NOTICE)).isTrue();
    assertThat(amendment.subjectsTo(PARENT)).as("the amendment notice").hasSize(1);
    assertThat(amendment.bodyTo(PARENT, "Proposed changes"))
        .contains("We propose to amend")
        .doesNotContain("Following the annual review")
        .contains("Kwame now uses a wheelchair after surgery")
        .contains("a full-time teaching assistant for mobility")
        .contains("2027-02-15")
        .contains("2027-03-29");
    Task respond = amendment.task(RECORD_AMENDMENT_RESPONSE);
    assertThat(groups(respond)).containsExactly("la-caseworker");
    assertThat(dueDate(respond)).isEqualTo("2027-02-15");
    assertThat(respond.getName()).contains("Kwame Osei (AM-1)".replace("AM-1", childId));
    assertThat(amendment.tasks(ISSUE_AMENDED_PLAN)).isEmpty();
    return amendment;
  }

  @Test
  void
      amendments_proposed_between_reviews_give_15_days_to_comment_and_the_amended_plan_is_due_8_weeks_after_the_notice() {
    TestCase review = runningReview("AM-ISSUED");
    TestCase amendment = proposed("AM-ISSUED");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(amendment.id())
                .singleResult()
                .getBusinessKey())
        .isEqualTo("AMEND-AM-ISSUED-2027-02-01");

    amendment.on("2027-02-10T10:00");
    amendment.complete(
        RECORD_AMENDMENT_RESPONSE,
        Map.of(
            "parentAmendmentComments",
            "Agree; please add a ramp to the playground",
            "meetingRequested",
            false));
    Task issue = amendment.task(ISSUE_AMENDED_PLAN);
    assertThat(dueDate(issue)).isEqualTo("2027-03-29");
    assertThat(issue.getName()).contains("Kwame Osei (AM-ISSUED)");
    assertThat(issue.getDescription()).contains("29 March 2027");

    amendment.on("2027-03-10T10:00");
    amendment.complete(
        ISSUE_AMENDED_PLAN,
        Map.of(
            "amendmentDecision",
            "amend",
            "finalAmendedPlanIssuedDate",
            "2027-03-10",
            "namedSetting",
            "Oakfield Primary",
            "namedSettingEmail",
            SETTING));

    assertThat(amendment.ended()).isTrue();
    assertThat(amendment.passed(END_PLAN_AMENDED)).isTrue();
    assertThat(amendment.passed(SEND_NOT_AMENDING_NOTICE)).isFalse();
    assertThat(amendment.passed(NOTIFY_AMENDED_PLAN_LATE)).isFalse();
    assertThat(amendment.variable("amendmentDecision")).isEqualTo("amend");
    assertThat(amendment.variable("finalAmendedPlanIssuedDate")).isEqualTo("2027-03-10");
    assertThat(amendment.subjectsTo(PARENT)).as("notice, amended plan").hasSize(2);
    assertThat(amendment.bodyTo(PARENT, "Final amended EHC plan"))
        .contains("2027-03-10")
        .contains("Oakfield Primary")
        .contains("appeal");
    assertThat(amendment.subjectsTo(SETTING)).as("the named setting's own address").hasSize(1);
    assertThat(amendment.subjectsTo(HEALTH)).as("the ICB").hasSize(1);
    assertThat(amendment.subjectsTo(MANAGERS)).as("on time").isEmpty();

    List<CaseDocument> plans =
        chronology.documentsForChild("AM-ISSUED").stream()
            .filter(document -> document.kind() == DocumentKind.AMENDED_PLAN)
            .toList();
    assertThat(plans).hasSize(1);
    assertThat(plans.get(0).processInstanceId()).isEqualTo(amendment.id());
    assertThat(plans.get(0).version()).isEqualTo(1);
    assertThat(plans.get(0).taskDefinitionKey()).isEqualTo(ISSUE_AMENDED_PLAN);

    assertThat(review.ended()).as("amending does not end or reset the review").isFalse();
    assertThat(review.variable("reviewDue")).isEqualTo("2027-08-31");

    List<ChronologyEntry> entries = chronology.forChild("AM-ISSUED");
    assertThat(entries)
        .anySatisfy(
            entry -> {
              assertThat(entry.caseKey()).isEqualTo("AMEND-AM-ISSUED-2027-02-01");
              assertThat(entry.kind()).isEqualTo("deadline");
              assertThat(entry.event()).contains("between reviews").contains("2027-03-29");
              assertThat(entry.detail()).isEqualTo("met (2027-03-10)");
            });
    assertThat(entries)
        .anySatisfy(
            entry -> {
              assertThat(entry.kind()).isEqualTo("decision");
              assertThat(entry.detail()).startsWith("amend");
            });
  }

  @Test
  void
      when_the_window_closes_without_comments_the_council_may_decide_not_to_amend_and_says_why_with_appeal_rights() {
    TestCase amendment = proposed("AM-NOT");

    amendment.on("2027-02-15T23:00");
    assertThat(amendment.task(RECORD_AMENDMENT_RESPONSE))
        .as("the 15th day is the last day")
        .isNotNull();
    amendment.on("2027-02-16T00:00");
    assertThat(amendment.tasks(RECORD_AMENDMENT_RESPONSE)).as("window closed").isEmpty();
    assertThat(amendment.passed(AMENDMENT_WINDOW_CLOSED)).isTrue();
    assertThat(dueDate(amendment.task(ISSUE_AMENDED_PLAN))).isEqualTo("2027-03-29");

    amendment.on("2027-03-01T10:00");
    amendment.complete(
        ISSUE_AMENDED_PLAN,
        Map.of(
            "amendmentDecision",
            "not-amend",
            "notAmendingReason",
            "The surgery was postponed; the current support meets his needs",
            "notAmendingNoticeDate",
            "2027-03-01"));

    assertThat(amendment.ended()).isTrue();
    assertThat(amendment.passed(END_NOT_AMENDED)).isTrue();
    assertThat(amendment.passed(SEND_NOT_AMENDING_NOTICE)).isTrue();
    assertThat(amendment.passed(SEND_AMENDED_PLAN)).isFalse();
    assertThat(amendment.variable("amendmentDecision")).isEqualTo("not-amend");
    assertThat(amendment.variable("notAmendingNoticeDate")).isEqualTo("2027-03-01");
    assertThat(amendment.variable("finalAmendedPlanIssuedDate")).isNull();
    assertThat(amendment.subjectsTo(PARENT)).as("notice, decision not to amend").hasSize(2);
    assertThat(amendment.bodyTo(PARENT, "not to amend"))
        .contains("2027-02-01")
        .contains("2027-03-01")
        .contains("The surgery was postponed")
        .contains("a full-time teaching assistant for mobility")
        .contains("appeal")
        .contains("regulation 22(4)");
    assertThat(amendment.subjectsTo(SETTING)).as("no amended plan to send").isEmpty();
    assertThat(amendment.subjectsTo(HEALTH)).isEmpty();
    assertThat(chronology.documentsForChild("AM-NOT"))
        .noneMatch(document -> document.kind() == DocumentKind.AMENDED_PLAN);
    List<CaseNotice> notices = chronology.noticesForChild("AM-NOT");
    assertThat(notices)
        .extracting(CaseNotice::noticeType)
        .containsExactlyInAnyOrder("amendment-notice", "amendment-not-made");
    assertThat(chronology.forChild("AM-NOT"))
        .anySatisfy(
            entry -> {
              assertThat(entry.event()).contains("between reviews");
              assertThat(entry.detail()).isEqualTo("met (2027-03-01)");
            });
  }

  @Test
  void managers_are_told_once_the_8_weeks_have_passed_and_the_duty_continues() {
    TestCase amendment = proposed("AM-LATE");
    amendment.on("2027-02-12T10:00");
    amendment.complete(RECORD_AMENDMENT_RESPONSE, Map.of("parentAmendmentComments", "Agree"));

    amendment.on("2027-03-29T23:00");
    assertThat(amendment.subjectsTo(MANAGERS)).as("the last day is not late").isEmpty();
    amendment.on("2027-03-30T00:00");
    assertThat(amendment.passed(NOTIFY_AMENDED_PLAN_LATE)).isTrue();
    assertThat(amendment.subjectsTo(MANAGERS)).hasSize(1);
    assertThat(amendment.bodyTo(MANAGERS, "overdue"))
        .contains("Kwame Osei")
        .contains("2027-02-01")
        .contains("2027-03-29");
    assertThat(amendment.task(ISSUE_AMENDED_PLAN)).as("the duty continues").isNotNull();
    assertThat(keys(deadline("amended-plan-between-reviews", "2027-03-30").overdueCases()))
        .as("Cockpit lists it overdue")
        .contains("AMEND-AM-LATE-2027-02-01");
    amendment.on("2027-04-20T00:00");
    assertThat(amendment.subjectsTo(MANAGERS)).as("told once").hasSize(1);

    amendment.on("2027-04-20T10:00");
    amendment.complete(
        ISSUE_AMENDED_PLAN,
        Map.of(
            "amendmentDecision",
            "amend",
            "finalAmendedPlanIssuedDate",
            "2027-04-20",
            "namedSetting",
            "Oakfield Primary"));
    assertThat(amendment.ended()).isTrue();
    assertThat(amendment.passed(SEND_AMENDED_PLAN)).isTrue();
    assertThat(amendment.subjectsTo(PARENT)).as("notice, amended plan").hasSize(2);
    assertThat(chronology.forChild("AM-LATE"))
        .anySatisfy(
            entry -> {
              assertThat(entry.event()).contains("between reviews");
              assertThat(entry.detail()).isEqualTo("missed: done 2027-04-20");
            });
  }

  @Test
  void a_start_between_reviews_is_refused_naming_the_field_and_nothing_is_kept() {
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2027-02-01 10:00:00"));
    Map<String, Object> future = proposal("AM-REFUSED");
    future.put("amendmentNoticeDate", "2099-02-02");
    assertRefused(future, "amendmentNoticeDate");
    Map<String, Object> fromReview = proposal("AM-REFUSED");
    fromReview.put("amendmentTrigger", "annual-review");
    assertRefused(fromReview, "amendmentTrigger: cannot be an annual review here");
    Map<String, Object> unknown = proposal("AM-REFUSED");
    unknown.put("reviewDecision", "amend");
    assertRefused(unknown, "reviewDecision: is not a variable of this process");
    Map<String, Object> noAmendments = proposal("AM-REFUSED");
    noAmendments.remove("proposedAmendments");
    assertRefused(noAmendments, "proposedAmendments");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(Pathways.AMEND_PLAN)
                .variableValueEquals("childId", "AM-REFUSED")
                .count())
        .as("nothing kept")
        .isZero();
  }

  @Test
  void the_notice_date_defaults_to_today() {
    TestCase amendment = new TestCase(engine, mail).on("2027-02-01T10:00");
    Map<String, Object> start = proposal("AM-TODAY");
    start.remove("amendmentNoticeDate");
    amendment.start(Pathways.AMEND_PLAN, null, start);
    assertThat(amendment.variable("amendmentNoticeDate")).isEqualTo("2027-02-01");
    assertThat(amendment.variable("amendmentCommentWindowEnds")).isEqualTo("2027-02-15");
    assertThat(amendment.variable("amendedPlanDue")).isEqualTo("2027-03-29");
  }

  @Test
  void
      an_annual_review_that_calls_it_may_decide_not_to_amend_and_the_next_review_runs_from_the_decision_letter() {
    TestCase review = runningReview("AM-REVIEW");
    review.on("2027-06-22T00:00");
    review.on("2027-06-23T10:00");
    review.complete(
        AnnualReviewProcess.Elements.ARRANGE_MEETING, Map.of("reviewMeetingDate", "2027-07-12"));
    review.complete(
        AnnualReviewProcess.Elements.CIRCULATE_ADVICE,
        Map.of("adviceCirculatedDate", "2027-06-23"));
    review.on("2027-07-12T00:00");
    review.on("2027-07-13T10:00");
    review.complete(
        AnnualReviewProcess.Elements.SUBMIT_REPORT,
        Map.of(
            "reviewReport",
            "Needs changed",
            "needsChanged",
            true,
            "outcomesStillAppropriate",
            true,
            "stillNeedsPlan",
            true));
    review.on("2027-08-02T10:00");
    review.complete(
        AnnualReviewProcess.Elements.DECIDE_OUTCOME,
        Map.of(
            "reviewDecision",
            "amend",
            "reviewDecisionReason",
            "Mobility needs changed",
            "reviewDecisionDate",
            "2027-08-02",
            "proposedAmendments",
            "Section F: a lift pass"));
    assertThat(review.passed(AnnualReviewProcess.Elements.AMEND_PLAN)).isTrue();
    TestCase amendment = review.called(Pathways.AMEND_PLAN);
    assertThat(amendment.variable("proposedAtReview")).isEqualTo(true);
    assertThat(amendment.variable("amendmentTrigger")).isEqualTo("annual-review");
    assertThat(amendment.variable("amendmentProposalReason")).isEqualTo("Mobility needs changed");
    assertThat(amendment.variable("amendmentCommentWindowEnds")).isEqualTo("2027-08-16");
    assertThat(amendment.variable("amendedPlanDue")).isEqualTo("2027-09-27");
    assertThat(review.variable("amendedPlanDue")).isEqualTo("2027-09-27");
    assertThat(amendment.bodyTo(PARENT, "Proposed changes"))
        .contains("Following the annual review")
        .contains("Mobility needs changed");

    assertThat(keys(deadline("amended-plan", "2027-09-22").dueThisWeekCases()))
        .as("Cockpit lists the amended plan due by the review")
        .contains("AR-AM-REVIEW-2026-09-01");
    assertThat(keys(deadline("amended-plan-between-reviews", "2027-09-22").dueThisWeekCases()))
        .as("and not a second time by the amendment it called")
        .doesNotContain("AR-AM-REVIEW-2026-09-01");

    review.on("2027-08-20T10:00");
    amendment.complete(
        ISSUE_AMENDED_PLAN,
        Map.of(
            "amendmentDecision",
            "not-amend",
            "notAmendingReason",
            "The school has a lift already",
            "notAmendingNoticeDate",
            "2027-08-20"));

    assertThat(amendment.ended()).isTrue();
    assertThat(amendment.passed(SEND_NOT_AMENDING_NOTICE)).isTrue();
    assertThat(review.ended()).isTrue();
    assertThat(review.variable("amendmentDecision")).isEqualTo("not-amend");
    assertThat(review.variable("notAmendingNoticeDate")).isEqualTo("2027-08-20");
    assertThat(review.passed(AnnualReviewProcess.Elements.START_NEXT_REVIEW)).isTrue();
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey("AR-AM-REVIEW-2027-08-02")
                .count())
        .as("the next review runs from the decision letter")
        .isOne();
  }

  private DeadlineFigure deadline(String kind, String today) {
    return report
        .figures(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), LocalDate.parse(today))
        .deadlines()
        .stream()
        .filter(figure -> figure.kind().equals(kind))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> keys(List<CaseRef> cases) {
    return cases.stream().map(CaseRef::businessKey).toList();
  }

  private void assertRefused(Map<String, Object> start, String message) {
    ResponseEntity<String> answer =
        EngineRest.start(http, "caseworker", Pathways.AMEND_PLAN, start);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    assertThat(EngineRest.errorMessage(answer)).contains(message);
  }

  private List<String> groups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId)
        .filter(java.util.Objects::nonNull)
        .toList();
  }
}
