package org.ehcflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ehcflow.support.TestCase.dueDate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.phasetransfer.PhaseTransferProcess;
import org.ehcflow.review.AnnualReviewProcess;
import org.ehcflow.section23.Section23Process;
import org.ehcflow.statutory.StatutoryDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The case builders: each walked stage by stage, where it waits at each (the open task, its due
 * date, the day on the engine clock, the values the steps recorded), and the clock taken by the
 * test, a changed submission, and a stage already passed.
 */
@EhcIntegrationTest
class CaseBuildersTest {

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void an_assessment_walks_the_reference_calendar_stage_by_stage_to_its_final_plan() {
    AssessmentCase assessment = Cases.assessment(engine, mail).child("B-ASSESS-1");

    assessment.requested();
    assertThat(today()).isEqualTo("2026-01-05");
    assertThat(businessKey(assessment)).isEqualTo("EHCNA-B-ASSESS-1");
    assertThat(dueDate(assessment.task(AssessmentProcess.Elements.PREPARE_CASE_FOR_PANEL)))
        .isEqualTo("2026-02-16");
    assertThat(assessment.variable("childName")).isEqualTo("Child B-ASSESS-1");
    assertThat(assessment.variable("requestReceivedDate")).isEqualTo("2026-01-05");
    assertThat(assessment.variable("finalPlanDue")).isEqualTo("2026-05-25");

    assessment.atPanelDecision();
    assertThat(today()).isEqualTo("2026-02-10");
    assertThat(assessment.task(AssessmentProcess.Elements.DECIDE_WHETHER_TO_ASSESS)).isNotNull();
    assertThat(assessment.variable("graduatedApproachCycles")).isEqualTo(3);
    assertThat(assessment.variable("evidenceSummary")).isEqualTo("Reports");

    assessment.atAdviceRequests();
    assertThat(assessment.task(AssessmentProcess.Elements.PLAN_ADVICE_REQUESTS)).isNotNull();
    assertThat(assessment.variable("requestOutcome")).isEqualTo("Y");
    assertThat(assessment.variable("requestOutcomeDate")).isEqualTo("2026-02-10");

    assessment.atAdvice();
    assertThat(assessment.adviceTasks())
        .hasSize(4)
        .allSatisfy(task -> assertThat(dueDate(task)).isEqualTo("2026-03-24"));
    assertThat(assessment.adviceTask("educational-psychology")).isNotNull();
    assertThat(assessment.adviceTask("health")).isNotNull();

    assessment.atConsiderAdvice();
    assertThat(today()).isEqualTo("2026-03-20");
    assertThat(assessment.adviceTasks()).isEmpty();
    assertThat(dueDate(assessment.task(AssessmentProcess.Elements.CONSIDER_ADVICE)))
        .isEqualTo("2026-04-27");

    assessment.atIssueDecision();
    assertThat(today()).isEqualTo("2026-03-26");
    assertThat(assessment.task(AssessmentProcess.Elements.DECIDE_WHETHER_TO_ISSUE)).isNotNull();
    assertThat(assessment.variable("issueRecommendation")).isEqualTo("issue");

    assessment.atDraft();
    assertThat(dueDate(assessment.task(AssessmentProcess.Elements.DRAFT_PLAN)))
        .isEqualTo("2026-04-13");

    assessment.draftServed();
    assertThat(today()).isEqualTo("2026-04-01");
    assertThat(dueDate(assessment.task(AssessmentProcess.Elements.RECORD_PARENT_RESPONSE)))
        .isEqualTo("2026-04-15");
    assertThat(assessment.variable("sectionF")).isEqualTo("Text of sectionF");
    assertThat(assessment.variable("draftServedDate")).isEqualTo("2026-04-01");
    assertThat(assessment.variable("commentWindowEnds")).isEqualTo("2026-04-15");

    assessment.atConsultation();
    assertThat(today()).isEqualTo("2026-04-10");
    assertThat(dueDate(assessment.task(AssessmentProcess.Elements.RESPOND_TO_CONSULTATION)))
        .isEqualTo("2026-04-25");
    assertThat(assessment.variable("parentResponded")).isEqualTo(true);
    assertThat(assessment.subjectsTo("office@oakhill.example")).hasSize(1);

    assessment.atFinalPlan();
    assertThat(today()).isEqualTo("2026-04-20");
    assertThat(dueDate(assessment.task(AssessmentProcess.Elements.ISSUE_FINAL_PLAN)))
        .isEqualTo("2026-05-25");
    assertThat(assessment.variable("consultationResponse")).isEqualTo("can-meet-needs");

    assessment.issued();
    assertThat(today()).isEqualTo("2026-05-20");
    assertThat(assessment.ended()).isTrue();
    assertThat(assessment.passed(AssessmentProcess.Elements.END_PLAN_ISSUED)).isTrue();
    assertThat(assessment.passed(AssessmentProcess.Elements.NOTIFY_MANAGERS_FINAL_PLAN_LATE))
        .isFalse();
    assertThat(assessment.variable("finalPlanIssuedDate")).isEqualTo("2026-05-20");
    assertThat(assessment.variable("namedSetting")).isEqualTo("Oak Hill School");
    assertThat(assessment.variable("assessmentOutcome")).isEqualTo("Y");
    assertThat(running(AnnualReviewProcess.KEY, "AR-B-ASSESS-1-2026-05-20"))
        .as("the annual review")
        .isNotNull();
  }

  @Test
  void a_stage_asked_for_directly_walks_every_stage_before_it() {
    AssessmentCase assessment =
        Cases.assessment(engine, mail)
            .child("B-ASSESS-2")
            .with("childName", "Sam Jones")
            .businessKey("EHCNA-B-ASSESS-2-OWN")
            .atFinalPlan();

    assertThat(today()).isEqualTo("2026-04-20");
    assertThat(businessKey(assessment)).isEqualTo("EHCNA-B-ASSESS-2-OWN");
    assertThat(assessment.task(AssessmentProcess.Elements.ISSUE_FINAL_PLAN)).isNotNull();
    assertThat(assessment.variable("childName")).isEqualTo("Sam Jones");
    assertThat(assessment.variable("draftServedDate")).isEqualTo("2026-04-01");
    assertThat(assessment.passed(AssessmentProcess.Elements.RESPOND_TO_CONSULTATION)).isTrue();
  }

  @Test
  void once_the_test_takes_the_clock_each_step_happens_at_the_clock() {
    AssessmentCase sameDay =
        Cases.assessment(engine, mail).child("B-CLOCK-1").on("2026-02-09T09:30").atAdviceRequests();
    assertThat(today()).isEqualTo("2026-02-09");
    assertThat(sameDay.variable("requestReceivedDate")).isEqualTo("2026-02-09");
    assertThat(sameDay.variable("requestOutcomeDate")).isEqualTo("2026-02-09");
    assertThat(sameDay.task(AssessmentProcess.Elements.PLAN_ADVICE_REQUESTS)).isNotNull();

    AssessmentCase silent =
        Cases.assessment(engine, mail)
            .child("B-CLOCK-2")
            .atAdvice()
            .on("2026-03-20T10:00")
            .draftServed();
    assertThat(today()).isEqualTo("2026-03-20");
    assertThat(silent.variable("requestReceivedDate")).isEqualTo("2026-01-05");
    assertThat(silent.variable("draftServedDate")).isEqualTo("2026-03-20");
    assertThat(silent.variable("commentWindowEnds")).isEqualTo("2026-04-03");
    assertThat(silent.task(AssessmentProcess.Elements.RECORD_PARENT_RESPONSE)).isNotNull();
  }

  @Test
  void a_changed_submission_is_used_and_a_stage_the_case_cannot_reach_is_refused() {
    AssessmentCase refused =
        Cases.assessment(engine, mail)
            .child("B-REFUSED")
            .submitting(
                AssessmentProcess.Elements.DECIDE_WHETHER_TO_ASSESS,
                Map.of(
                    "assessDecision",
                    "do-not-assess",
                    "assessDecisionReason",
                    "Needs met at SEN support"));

    assertThatThrownBy(refused::atAdvice)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ended without a plan");
    assertThat(refused.ended()).isTrue();
    assertThat(refused.passed(AssessmentProcess.Elements.END_NOT_ASSESSED)).isTrue();
    assertThat(refused.variable("assessDecisionReason")).isEqualTo("Needs met at SEN support");

    AssessmentCase atAdvice = Cases.assessment(engine, mail).child("B-PAST").atAdvice();
    assertThatThrownBy(atAdvice::requested)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(AssessmentProcess.Elements.GIVE_ADVICE);
    assertThatThrownBy(() -> atAdvice.with("yearGroup", 10))
        .isInstanceOf(IllegalStateException.class);
    assertThat(atAdvice.adviceTasks()).as("the case is where it was").hasSize(4);
  }

  @Test
  void the_package_documentations_example_runs() {
    TestCase assessment = Cases.assessment(engine, mail).child("C-LATE-DRAFT").atDraft();

    assessment.on("2026-04-14T00:00");

    assertThat(assessment.passed(AssessmentProcess.Elements.SEND_DRAFT_LATE_REMINDER)).isTrue();
    assertThat(assessment.task(AssessmentProcess.Elements.DRAFT_PLAN)).isNotNull();
  }

  @Test
  void an_annual_review_walks_from_its_plan_to_the_decision_and_starts_the_next() {
    ReviewCase review = Cases.review(engine, mail).child("B-REVIEW-1");

    review.started();
    assertThat(today()).isEqualTo("2025-11-20");
    assertThat(businessKey(review)).isEqualTo("AR-B-REVIEW-1-2025-11-20");
    assertThat(review.variable("planIssuedDate")).isEqualTo("2025-11-20");
    assertThat(review.variable("reviewDue")).isEqualTo("2026-11-19");
    assertThat(review.variable("preparationOpens")).isEqualTo("2026-09-10");
    assertThat(review.tasks(AnnualReviewProcess.Elements.ARRANGE_MEETING)).isEmpty();

    review.atArrangeMeeting();
    assertThat(today()).isEqualTo("2026-09-10");
    assertThat(dueDate(review.task(AnnualReviewProcess.Elements.ARRANGE_MEETING)))
        .isEqualTo("2026-11-19");

    review.atAdviceCirculation();
    assertThat(today()).isEqualTo("2026-09-14");
    assertThat(review.variable("reviewMeetingDate")).isEqualTo("2026-11-02");
    assertThat(dueDate(review.task(AnnualReviewProcess.Elements.CIRCULATE_ADVICE)))
        .isEqualTo("2026-10-19");

    review.atMeeting();
    assertThat(today()).isEqualTo("2026-11-02");
    assertThat(review.variable("adviceCirculatedDate")).isEqualTo("2026-10-15");
    assertThat(dueDate(review.task(AnnualReviewProcess.Elements.SUBMIT_REPORT)))
        .isEqualTo("2026-11-16");

    review.atDecision();
    assertThat(today()).isEqualTo("2026-11-10");
    assertThat(dueDate(review.task(AnnualReviewProcess.Elements.DECIDE_OUTCOME)))
        .isEqualTo("2026-11-30");
    assertThat(review.variable("reviewRecommendation")).isEqualTo("maintain");

    review.decided();
    assertThat(today()).isEqualTo("2026-11-20");
    assertThat(review.ended()).isTrue();
    assertThat(review.passed(AnnualReviewProcess.Elements.SEND_MAINTAIN_DECISION)).isTrue();
    assertThat(review.variable("reviewDecisionDate")).isEqualTo("2026-11-20");
    ProcessInstance next = running(AnnualReviewProcess.KEY, "AR-B-REVIEW-1-2026-11-20");
    assertThat(next).as("the next review").isNotNull();
    assertThat(engine.getRuntimeService().getVariable(next.getId(), "reviewDue"))
        .isEqualTo("2027-11-19");
  }

  @Test
  void a_review_on_the_tests_clock_waits_for_its_meeting_day() {
    ReviewCase review =
        Cases.review(engine, mail)
            .child("B-REVIEW-2")
            .with("planIssuedDate", "2025-03-01")
            .on("2026-02-10T10:00")
            .atArrangeMeeting();
    assertThat(today()).as("the preparation window was already open").isEqualTo("2026-02-10");
    assertThat(review.variable("reviewDue")).isEqualTo("2026-02-28");

    review.atMeeting();

    assertThat(review.variable("reviewMeetingDate"))
        .as("two weeks' notice")
        .isEqualTo("2026-02-24");
    assertThat(review.variable("adviceCirculatedDate")).isEqualTo("2026-02-10");
    assertThat(today()).as("moved to the meeting day").isEqualTo("2026-02-24");
    assertThat(review.task(AnnualReviewProcess.Elements.SUBMIT_REPORT)).isNotNull();
  }

  @Test
  void a_phase_transfer_walks_from_the_cohort_run_to_the_plan_naming_the_next_setting() {
    PhaseTransferCase transfer = Cases.phaseTransfer(engine, mail).child("B-TRANSFER-1");

    transfer.atReview();
    assertThat(today()).isEqualTo("2026-09-07");
    assertThat(businessKey(transfer)).isEqualTo("PT-B-TRANSFER-1");
    assertThat(transfer.variable("phaseTransferDeadline")).isEqualTo("2027-02-15");
    assertThat(dueDate(transfer.task(PhaseTransferProcess.Elements.HOLD_REVIEW)))
        .isEqualTo("2026-11-23");

    transfer.atAmendmentNotice();
    assertThat(today()).isEqualTo("2026-10-20");
    assertThat(transfer.variable("reviewMeetingDate")).isEqualTo("2026-10-20");
    assertThat(dueDate(transfer.task(PhaseTransferProcess.Elements.SEND_NOTICE_TASK)))
        .isEqualTo("2026-12-21");

    transfer.atIssuePlan();
    assertThat(today()).isEqualTo("2026-11-10");
    assertThat(transfer.variable("amendmentCommentWindowEnds")).isEqualTo("2026-11-24");
    assertThat(dueDate(transfer.task(PhaseTransferProcess.Elements.ISSUE_PLAN)))
        .isEqualTo("2027-02-15");

    transfer.issued();
    assertThat(today()).isEqualTo("2027-01-20");
    assertThat(transfer.ended()).isTrue();
    assertThat(transfer.passed(PhaseTransferProcess.Elements.ESCALATE_LATE)).isFalse();
    assertThat(transfer.variable("namedSetting")).isEqualTo("Castle Academy");
    assertThat(transfer.variable("finalAmendedPlanIssuedDate")).isEqualTo("2027-01-20");
    ProcessInstance next = running(AnnualReviewProcess.KEY, "AR-B-TRANSFER-1-2026-11-10");
    assertThat(next).as("the next review").isNotNull();
    assertThat(engine.getRuntimeService().getVariable(next.getId(), "reviewDue"))
        .isEqualTo("2027-11-09");
  }

  @Test
  void a_section_23_notification_waits_for_triage_and_is_triaged_six_days_later() {
    Section23Case notification = Cases.section23(engine, mail).with("nhsNumber", "4505577104");

    notification.atTriage();
    assertThat(today()).isEqualTo("2026-03-10");
    assertThat(businessKey(notification)).isEqualTo("S23-4505577104-2026-03-10");
    assertThat(notification.variable("triageDue")).isEqualTo("2026-03-25");
    assertThat(dueDate(notification.task(Section23Process.Elements.TRIAGE)))
        .isEqualTo("2026-03-25");
    assertThat(notification.subjectsTo("dr.patel@royal-hospital.example"))
        .as("acknowledged")
        .hasSize(1);

    notification.triaged();
    assertThat(today()).isEqualTo("2026-03-16");
    assertThat(notification.ended()).isTrue();
    assertThat(notification.variable("triageOutcome")).isEqualTo("early-years-support");
    assertThat(notification.variable("triageDate")).isEqualTo("2026-03-16");
    assertThat(notification.passed(Section23Process.Elements.START_ASSESSMENT)).isFalse();
  }

  private static String today() {
    return StatutoryDates.londonDateOf(ClockUtil.getCurrentTime()).toString();
  }

  private String businessKey(TestCase testCase) {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processInstanceId(testCase.id())
        .singleResult()
        .getBusinessKey();
  }

  private ProcessInstance running(String processKey, String businessKey) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(processKey)
        .processInstanceBusinessKey(businessKey)
        .singleResult();
  }
}
