package org.ehcflow.reassessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcflow.reassessment.ReassessmentProcess.Elements.*;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.reporting.ComplianceFigures;
import org.ehcflow.reporting.ComplianceReport;
import org.ehcflow.reporting.sen2.Sen2Export;
import org.ehcflow.reporting.sen2.Sen2Module;
import org.ehcflow.reporting.sen2.Sen2Period;
import org.ehcflow.support.Cases;
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
import org.springframework.http.ResponseEntity;

/**
 * A request to re-assess a plan (CFA s.44), one test per route.
 *
 * <p>The reference case: a request received on Monday 4 January 2027, so the answer is due on 19
 * January (15 days). The caseworker decides to re-assess by letter of 15 January 2027: the called
 * needs assessment starts at its advice stage, the decision not to amend is due on 26 March and the
 * final plan on 23 April 2027 (14 weeks), with the draft targeted 6 weeks before, on 12 March.
 */
@EhcIntegrationTest
class EhcReassessmentProcessTest {

  static final String PARENT = "parent.okafor@example.org";
  static final String MANAGERS = "send-managers@council.example";

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate http;
  @Autowired Sen2Export sen2;
  @Autowired ComplianceReport compliance;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Asked by the parent on 4 January 2027; needs have changed; born 1 June 2015. */
  static Map<String, Object> request(String childId) {
    Map<String, Object> start = new HashMap<>();
    start.put("childId", childId);
    start.put("childName", "Ada Okafor");
    start.put("dateOfBirth", "2015-06-01");
    start.put("parentEmail", PARENT);
    start.put("requestReceivedDate", "2027-01-04");
    start.put("reassessmentRequestedBy", "parent");
    start.put("reassessmentRequestReason", "New diagnosis of a hearing impairment in November");
    start.put("needsChangedSinceAssessment", true);
    start.put("lastAssessedDate", "2026-03-01");
    return start;
  }

  private TestCase requested(String childId, Map<String, Object> start) {
    TestCase reassessment = new TestCase(engine, mail).on("2027-01-04T10:00");
    reassessment.start(Pathways.REASSESSMENT, null, start);
    assertThat(reassessment.variable("decisionToReassessDue")).isEqualTo("2027-01-19");
    Task decide = reassessment.task(DECIDE_WHETHER_TO_REASSESS);
    assertThat(TestCase.dueDate(decide)).isEqualTo("2027-01-19");
    assertThat(
            engine.getTaskService().getIdentityLinksForTask(decide.getId()).stream()
                .map(link -> link.getGroupId())
                .filter(java.util.Objects::nonNull))
        .containsExactly("la-caseworker");
    assertThat(decide.getName()).contains("Ada Okafor").contains(childId);
    return reassessment;
  }

  /** Decided on 15 January 2027: the called assessment waits for the advice requests. */
  private TestCase reassessing(String childId) {
    TestCase reassessment = requested(childId, request(childId));
    assertThat(reassessment.variable("monthsSinceAssessed")).isEqualTo(10);
    assertThat(reassessment.variable("reassessmentRecommendation")).isEqualTo("reassess");
    reassessment.on("2027-01-15T10:00");
    reassessment.complete(
        DECIDE_WHETHER_TO_REASSESS,
        Map.of(
            "reassessDecision",
            "reassess",
            "reassessDecisionReason",
            "The new diagnosis calls for audiology and specialist teaching advice",
            "reassessDecisionDate",
            "2027-01-15"));
    assertThat(reassessment.passed(SEND_DECISION_TO_REASSESS)).isTrue();
    assertThat(reassessment.subjectsTo(PARENT)).hasSize(1);
    assertThat(reassessment.bodyTo(PARENT, "We will re-assess"))
        .contains("audiology and specialist teaching")
        .contains("2027-04-23");
    return reassessment;
  }

  @Test
  void
      a_decision_to_reassess_runs_the_assessments_advice_and_plan_steps_due_fourteen_weeks_later() {
    Map<String, Object> plan = new HashMap<>();
    plan.put("childId", "RA-PLAN");
    plan.put("childName", "Ada Okafor");
    plan.put("dateOfBirth", "2015-06-01");
    plan.put("parentEmail", "review-only@example.org");
    plan.put("planIssuedDate", "2026-03-01");
    plan.put("namedSetting", "Hillside Primary");
    new TestCase(engine, mail).on("2026-03-01T10:00").start(Pathways.ANNUAL_REVIEW, null, plan);
    TestCase reassessment = reassessing("RA-PLAN");
    TestCase assessment = reassessment.called(Pathways.NEEDS_ASSESSMENT);

    assertThat(assessment.variable("reassessment")).isEqualTo(true);
    assertThat(assessment.variable("finalPlanDue")).isEqualTo("2027-04-23");
    assertThat(assessment.variable("noPlanNoticeDue")).isEqualTo("2027-03-26");
    assertThat(assessment.variable("draftPlanTarget")).isEqualTo("2027-03-12");
    assertThat(assessment.variable("decisionToAssessDue")).as("already decided").isNull();
    assertThat(assessment.passed(AssessmentProcess.Elements.SEND_CONSIDERING_NOTICE)).isFalse();
    assertThat(assessment.passed(AssessmentProcess.Elements.DECIDE_WHETHER_TO_ASSESS_STAGE))
        .isFalse();
    assertThat(assessment.passed(AssessmentProcess.Elements.SEND_DECISION_TO_ASSESS_NOTICE))
        .isFalse();

    assertThat(assessment.task(AssessmentProcess.Elements.PLAN_ADVICE_REQUESTS).getDescription())
        .as("the card shows the re-assessment's clock, not the 20 weeks")
        .contains("Stage: Re-assessment: advice and plan (final plan 14 weeks from the decision)");

    adviceConsidered(assessment, "2027-02-26T10:00");
    assessment.complete(
        AssessmentProcess.Elements.DECIDE_WHETHER_TO_ISSUE,
        Map.of("issueDecision", "issue", "issueDecisionReason", "Section F must change"));
    assertThat(TestCase.dueDate(assessment.task(AssessmentProcess.Elements.DRAFT_PLAN)))
        .isEqualTo("2027-03-12");
    Map<String, Object> sections = new HashMap<>();
    for (String section : new String[] {"sectionA", "sectionB", "sectionE", "sectionF"}) {
      sections.put(section, "Re-assessed " + section);
    }
    assessment.on("2027-03-08T10:00");
    assessment.complete(AssessmentProcess.Elements.DRAFT_PLAN, sections);
    assessment.complete(
        AssessmentProcess.Elements.SERVE_DRAFT_PLAN, Map.of("draftServedDate", "2027-03-08"));
    assessment.on("2027-03-16T10:00");
    assessment.complete(
        AssessmentProcess.Elements.RECORD_PARENT_RESPONSE,
        Map.of("parentComments", "Agreed", "meetingRequested", false));
    Task finalPlan = assessment.task(AssessmentProcess.Elements.ISSUE_FINAL_PLAN);
    assertThat(TestCase.dueDate(finalPlan)).isEqualTo("2027-04-23");
    assessment.on("2027-04-20T10:00");
    assessment.complete(
        AssessmentProcess.Elements.ISSUE_FINAL_PLAN,
        Map.of(
            "finalPlanIssuedDate",
            "2027-04-20",
            "namedSetting",
            "Oak Hill School",
            "namedSettingEmail",
            "office@oakhill.example"));

    assertThat(assessment.ended()).isTrue();
    assertThat(assessment.passed("endEvent_reassessedPlanIssued")).isTrue();
    assertThat(assessment.passed(AssessmentProcess.Elements.START_ANNUAL_REVIEW))
        .as("the child's running review continues")
        .isFalse();
    assertThat(assessment.passed(AssessmentProcess.Elements.NOTIFY_MANAGERS_FINAL_PLAN_LATE))
        .isFalse();
    assertThat(reassessment.ended()).isTrue();
    assertThat(reassessment.passed(END_PLAN_REISSUED)).isTrue();
    assertThat(reassessment.passed(SEND_NOT_AMENDING)).isFalse();
    assertThat(reassessment.variable("reassessmentOutcome")).isEqualTo("plan-reissued");
    assertThat(reassessment.variable("finalPlanIssuedDate")).isEqualTo("2027-04-20");
    assertThat(sen2.export(Sen2Period.of(2028)).rows(Sen2Module.REQUESTS))
        .as("a re-assessment is not a new request for an EHC needs assessment in SEN2")
        .noneMatch(row -> "RA-PLAN".equals(row.get("child_id")));
    assertThat(sen2.export(Sen2Period.of(2028)).rows(Sen2Module.ACTIVE_PLANS))
        .as("the plan issued again names the setting SEN2 reports")
        .filteredOn(row -> "RA-PLAN".equals(row.get("child_id")))
        .singleElement()
        .satisfies(row -> assertThat(row.get("named_setting")).isEqualTo("Oak Hill School"));
    assertThat(reassessment.subjectsTo(PARENT))
        .as("re-assess, draft, final plan")
        .hasSize(3)
        .anyMatch(subject -> subject.contains("We will re-assess"));
  }

  @Test
  void a_reassessment_that_keeps_the_plan_sends_the_decision_not_to_amend_with_appeal_rights() {
    TestCase reassessment = reassessing("RA-KEEP");
    TestCase assessment = reassessment.called(Pathways.NEEDS_ASSESSMENT);
    adviceConsidered(assessment, "2027-02-26T10:00");
    assertThat(
            TestCase.dueDate(assessment.task(AssessmentProcess.Elements.DECIDE_WHETHER_TO_ISSUE)))
        .isEqualTo("2027-03-26");

    assessment.on("2027-03-01T10:00");
    assessment.complete(
        AssessmentProcess.Elements.DECIDE_WHETHER_TO_ISSUE,
        Map.of(
            "issueDecision",
            "do-not-issue",
            "issueDecisionReason",
            "The advice confirms the plan's provision meets the new needs"));

    assertThat(assessment.passed("endEvent_reassessmentNotAmended")).isTrue();
    assertThat(assessment.passed(AssessmentProcess.Elements.SEND_NO_PLAN_NOTICE))
        .as("no 'no plan' letter: the plan stays")
        .isFalse();
    assertThat(reassessment.ended()).isTrue();
    assertThat(reassessment.passed(SEND_NOT_AMENDING)).isTrue();
    assertThat(reassessment.passed(END_PLAN_NOT_AMENDED)).isTrue();
    assertThat(reassessment.variable("reassessmentOutcome")).isEqualTo("not-amended");
    assertThat(reassessment.bodyTo(PARENT, "stays as it is"))
        .contains("provision meets the new needs")
        .contains("2027-01-15")
        .containsIgnoringCase("tribunal")
        .containsIgnoringCase("mediation");
  }

  @Test
  void a_request_under_six_months_after_an_assessment_this_engine_holds_may_be_refused_by_letter() {
    // The first assessment's plan is issued on 20 May 2026 (the reference calendar).
    Cases.assessment(engine, mail).child("RA-RECENT").issued();
    mail.reset();
    Map<String, Object> start = request("RA-RECENT");
    start.remove("lastAssessedDate");
    start.put("needsChangedSinceAssessment", false);
    start.put("reassessmentRequestedBy", "setting");
    start.put("settingEmail", "senco@hillside.example");
    start.put("requestReceivedDate", "2026-11-02");
    TestCase reassessment = new TestCase(engine, mail).on("2026-11-02T10:00");
    reassessment.start(Pathways.REASSESSMENT, null, start);

    assertThat(reassessment.variable("lastAssessedDate")).isEqualTo("2026-05-20");
    assertThat(reassessment.variable("monthsSinceAssessed")).isEqualTo(5);
    assertThat(reassessment.variable("reassessmentRecommendation")).isEqualTo("may-refuse");
    assertThat(reassessment.variable("decisionToReassessDue")).isEqualTo("2026-11-17");

    reassessment.on("2026-11-12T10:00");
    reassessment.complete(
        DECIDE_WHETHER_TO_REASSESS,
        Map.of(
            "reassessDecision",
            "refuse",
            "reassessDecisionReason",
            "The plan was made in May and nothing has changed since",
            "reassessDecisionDate",
            "2026-11-12"));

    assertThat(reassessment.ended()).isTrue();
    assertThat(reassessment.passed(END_NOT_REASSESSED)).isTrue();
    assertThat(reassessment.passed(ASSESS_AND_PLAN)).isFalse();
    assertThat(reassessment.passed(NOTIFY_MANAGERS_DECISION_LATE)).isFalse();
    assertThat(reassessment.variable("reassessmentOutcome")).isEqualTo("refused");
    assertThat(reassessment.subjectsTo(PARENT)).hasSize(1);
    assertThat(reassessment.bodyTo(PARENT, "no re-assessment"))
        .contains("nothing has changed since")
        .contains("2026-11-17")
        .containsIgnoringCase("tribunal")
        .containsIgnoringCase("mediation");
  }

  @Test
  void an_answer_not_given_in_fifteen_days_tells_the_managers_and_the_task_stays_open() {
    TestCase reassessment = requested("RA-LATE", request("RA-LATE"));

    reassessment.on("2027-01-19T23:00");
    assertThat(reassessment.subjectsTo(MANAGERS)).as("not late on the due day").isEmpty();
    reassessment.on("2027-01-20T00:00");

    assertThat(reassessment.passed(NOTIFY_MANAGERS_DECISION_LATE)).isTrue();
    assertThat(reassessment.subjectsTo(MANAGERS))
        .singleElement()
        .asString()
        .contains("Re-assessment answer overdue")
        .contains("2027-01-19");
    assertThat(reassessment.task(DECIDE_WHETHER_TO_REASSESS)).as("the duty continues").isNotNull();
    assertThat(answerClock(LocalDate.of(2027, 1, 20)).lateOrMissed())
        .as("missed, and still open, in the Cockpit figures for January")
        .anyMatch(
            ref ->
                ref.businessKey().equals("REASSESS-RA-LATE-2027-01-04")
                    && ref.date().equals("2027-01-19")
                    && ref.running());

    reassessment.on("2027-01-21T10:00");
    reassessment.complete(
        DECIDE_WHETHER_TO_REASSESS,
        Map.of(
            "reassessDecision",
            "refuse",
            "reassessDecisionReason",
            "Nothing has changed since the plan",
            "reassessDecisionDate",
            "2027-01-21"));
    ComplianceFigures.ClockTimeliness answered = answerClock(LocalDate.of(2027, 1, 21));
    assertThat(answered.lateOrMissed())
        .as("now met, two days late")
        .anyMatch(
            ref ->
                ref.businessKey().equals("REASSESS-RA-LATE-2027-01-04")
                    && ref.date().equals("2027-01-21")
                    && !ref.running());
    assertThat(answered.due()).isEqualTo(answered.onTime() + answered.late() + answered.missed());
    assertThat(answered.late()).isPositive();
  }

  /** The 15-day answers due in January 2027, as the Cockpit compliance view shows them. */
  private ComplianceFigures.ClockTimeliness answerClock(LocalDate today) {
    return clock(
        compliance.figures(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31), today),
        "reassessment-decision");
  }

  @Test
  void a_reassessments_final_plan_is_overdue_the_day_after_fourteen_weeks() {
    TestCase reassessment = reassessing("RA-OVERDUE");
    TestCase assessment = reassessment.called(Pathways.NEEDS_ASSESSMENT);

    assessment.on("2027-04-23T23:00");
    assertThat(assessment.variable("finalPlanLate")).isNotEqualTo(true);
    assessment.on("2027-04-24T00:00");

    assertThat(assessment.passed(AssessmentProcess.Elements.NOTIFY_MANAGERS_FINAL_PLAN_LATE))
        .isTrue();
    assertThat(assessment.variable("finalPlanLate")).isEqualTo(true);
    assertThat(assessment.subjectsTo(MANAGERS)).hasSize(1);

    // The Cockpit counts it on the re-assessment's own clock, not among the 20-week plans.
    ComplianceFigures figures =
        compliance.figures(
            LocalDate.of(2027, 4, 1), LocalDate.of(2027, 4, 30), LocalDate.of(2027, 4, 24));
    assertThat(clock(figures, "reassessment-plan").lateOrMissed())
        .anyMatch(
            ref ->
                ref.businessKey().equals("REASSESS-RA-OVERDUE-2027-01-04")
                    && ref.date().equals("2027-04-23")
                    && ref.running());
    assertThat(clock(figures, "final-plan").lateOrMissed())
        .noneMatch(ref -> ref.businessKey().startsWith("REASSESS-"));
    assertThat(
            figures.deadlines().stream()
                .filter(deadline -> deadline.kind().equals("reassessment-plan"))
                .flatMap(deadline -> deadline.overdueCases().stream()))
        .anyMatch(ref -> ref.businessKey().equals("REASSESS-RA-OVERDUE-2027-01-04"));
  }

  private static ComplianceFigures.ClockTimeliness clock(ComplianceFigures figures, String kind) {
    return figures.clocks().stream()
        .filter(clock -> clock.kind().equals(kind))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void a_second_request_while_one_is_in_hand_and_bad_values_are_refused_naming_the_field() {
    ClockUtil.setCurrentTime(
        java.util.Date.from(
            java.time.LocalDateTime.parse("2027-01-04T10:00")
                .atZone(org.ehcflow.statutory.StatutoryClock.ZONE)
                .toInstant()));
    assertThat(start(request("RA-TWICE")).getStatusCode().value()).isEqualTo(200);
    assertRefused(request("RA-TWICE"), "childId: a request to re-assess this child is already");

    Map<String, Object> future = request("RA-BAD");
    future.put("requestReceivedDate", "2027-01-05");
    assertRefused(future, "requestReceivedDate");

    Map<String, Object> requester = request("RA-BAD");
    requester.put("reassessmentRequestedBy", "neighbour");
    assertRefused(requester, "reassessmentRequestedBy");

    Map<String, Object> lastAfter = request("RA-BAD");
    lastAfter.put("lastAssessedDate", "2027-01-04");
    lastAfter.put("requestReceivedDate", "2027-01-03");
    assertRefused(lastAfter, "lastAssessedDate: is after the request was received");

    Map<String, Object> silent = request("RA-BAD");
    silent.remove("needsChangedSinceAssessment");
    assertRefused(silent, "needsChangedSinceAssessment: is required");

    Map<String, Object> claimsToBeCalled = request("RA-BAD");
    claimsToBeCalled.put("reassessment", true);
    assertRefused(claimsToBeCalled, "reassessment: is not a variable of this process");

    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(Pathways.REASSESSMENT)
                .variableValueEquals("childId", "RA-BAD")
                .count())
        .as("nothing kept")
        .isZero();
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(Pathways.REASSESSMENT)
                .variableValueEquals("childId", "RA-TWICE")
                .count())
        .as("only the first request")
        .isOne();
  }

  /** Advice requested, every adviser replied by the given day, and the advice considered. */
  private static void adviceConsidered(TestCase assessment, String repliedOn) {
    assessment.complete(AssessmentProcess.Elements.PLAN_ADVICE_REQUESTS, Map.of());
    assertThat(assessment.tasks(AssessmentProcess.Elements.GIVE_ADVICE)).isNotEmpty();
    assertThat(TestCase.dueDate(assessment.tasks(AssessmentProcess.Elements.GIVE_ADVICE).get(0)))
        .as("6 weeks from the request for advice")
        .isEqualTo("2027-02-26");
    assessment.on(repliedOn);
    for (Task advice : assessment.tasks(AssessmentProcess.Elements.GIVE_ADVICE)) {
      assessment.completeTask(advice, Map.of("adviceSummary", "Needs and provision advised"));
    }
    assessment.complete(
        AssessmentProcess.Elements.CONSIDER_ADVICE,
        Map.of(
            "provisionBeyondSetting",
            true,
            "needsAcrossEducationHealthCare",
            false,
            "progressWithSenSupport",
            false));
  }

  private ResponseEntity<String> start(Map<String, Object> start) {
    return EngineRest.start(http, "caseworker", Pathways.REASSESSMENT, start);
  }

  private void assertRefused(Map<String, Object> start, String message) {
    ResponseEntity<String> answer = start(start);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    assertThat(EngineRest.errorMessage(answer)).contains(message);
  }
}
