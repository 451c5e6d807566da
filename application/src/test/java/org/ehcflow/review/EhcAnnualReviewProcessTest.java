package org.ehcflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ehcflow.amendment.AmendPlanProcess.Elements.ISSUE_AMENDED_PLAN;
import static org.ehcflow.amendment.AmendPlanProcess.Elements.NOTIFY_AMENDED_PLAN_LATE;
import static org.ehcflow.amendment.AmendPlanProcess.Elements.RECORD_AMENDMENT_RESPONSE;
import static org.ehcflow.amendment.AmendPlanProcess.Elements.SEND_AMENDED_PLAN;
import static org.ehcflow.amendment.AmendPlanProcess.Elements.SEND_AMENDMENT_NOTICE;
import static org.ehcflow.amendment.AmendPlanProcess.Elements.SEND_NOT_AMENDING_NOTICE;
import static org.ehcflow.cease.CeasePlanProcess.Elements.CONFIRM_CEASE;
import static org.ehcflow.cease.CeasePlanProcess.Elements.EXTEND_APPEAL_WINDOW;
import static org.ehcflow.cease.CeasePlanProcess.Elements.RECORD_APPEAL_OUTCOME;
import static org.ehcflow.cease.CeasePlanProcess.Elements.RECORD_PLAN_CEASED;
import static org.ehcflow.cease.CeasePlanProcess.Elements.SEND_CEASE_DECISION;
import static org.ehcflow.review.AnnualReviewProcess.Elements.*;
import static org.ehcflow.support.TestCase.dueDate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.TestCase;
import org.ehcflow.support.TestMail;
import org.ehcflow.vocabulary.Pathways;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** The annual review, one test per route, with the reference dates of the plan's life. */
@EhcIntegrationTest
class EhcAnnualReviewProcessTest {

  static final String PARENT = "parent.khan@example.org";
  static final String MANAGERS = "send-managers@council.example";
  static final String SETTINGS = "send-settings@council.example";
  static final String HEALTH = "send-health@icb.example";

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired ProcessEngine engine;

  private TestCase review;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Map<String, Object> plan(String childId, String planIssued) {
    Map<String, Object> plan = new HashMap<>();
    plan.put("childId", childId);
    plan.put("childName", "Ayesha Khan");
    plan.put("dateOfBirth", "2014-02-03");
    plan.put("parentEmail", PARENT);
    plan.put("planIssuedDate", planIssued);
    plan.put("namedSetting", "Hillside Primary");
    plan.put("settingPhase", "primary");
    return plan;
  }

  /** A plan issued 20 November 2025: due 19 November 2026, preparation opens 10 September. */
  private void reviewHeldOn2November(String childId) {
    reviewHeldOn2November(plan(childId, "2025-11-20"));
  }

  private void reviewHeldOn2November(Map<String, Object> plan) {
    review = new TestCase(engine, mail).on("2025-11-20T10:00");
    review.start(Pathways.ANNUAL_REVIEW, "AR-" + plan.get("childId") + "-2025-11-20", plan);
    assertThat(review.variable("reviewDue")).isEqualTo("2026-11-19");
    assertThat(review.variable("preparationOpens")).isEqualTo("2026-09-10");
    assertThat(review.tasks(ARRANGE_MEETING)).as("waits for the preparation window").isEmpty();

    review.on("2026-09-10T00:00");
    Task arrange = review.task(ARRANGE_MEETING);
    assertThat(groups(arrange)).containsExactly("education-setting");
    assertThat(dueDate(arrange)).isEqualTo("2026-11-19");
    review.on("2026-09-14T10:00");
    review.complete(ARRANGE_MEETING, Map.of("reviewMeetingDate", "2026-11-02"));
    assertThat(review.variable("reviewReportDue")).isEqualTo("2026-11-16");
    assertThat(review.variable("reviewDecisionDue")).isEqualTo("2026-11-30");
    assertThat(dueDate(review.task(CIRCULATE_ADVICE))).isEqualTo("2026-10-19");
    review.on("2026-10-15T10:00");
    review.complete(CIRCULATE_ADVICE, Map.of("adviceCirculatedDate", "2026-10-15"));
    assertThat(review.tasks(SUBMIT_REPORT)).as("the report follows the meeting").isEmpty();

    review.on("2026-11-02T00:00");
    assertThat(dueDate(review.task(SUBMIT_REPORT))).isEqualTo("2026-11-16");
  }

  private void reportSays(boolean needsChanged, boolean stillNeedsPlan) {
    review.on("2026-11-10T10:00");
    review.complete(
        SUBMIT_REPORT,
        Map.of(
            "reviewReport",
            "Good progress in reading",
            "needsChanged",
            needsChanged,
            "outcomesStillAppropriate",
            true,
            "stillNeedsPlan",
            stillNeedsPlan));
  }

  @Test
  void the_review_decision_form_shows_the_report_and_the_advice_circulated_from_the_case()
      throws Exception {
    reviewHeldOn2November("R-EVIDENCE");
    review.on("2026-11-10T10:00");
    review.complete(
        SUBMIT_REPORT,
        Map.of(
            "reviewReport",
            "Reads at his age level",
            "needsChanged",
            true,
            "outcomesStillAppropriate",
            false,
            "stillNeedsPlan",
            true,
            "pfaDiscussed",
            false,
            "recommendedChanges",
            "Add touch-typing to section F"));
    Task decision = review.task(DECIDE_OUTCOME);

    var form =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(java.nio.file.Path.of("forms", "decide-review-outcome.form").toFile())
            .path("components");
    Map<String, String> views = new HashMap<>();
    form.forEach(
        component -> {
          if (component.path("type").asText().equals("text")) {
            assertThat(component.has("key"))
                .as("a view adds no field a completion could set")
                .isFalse();
            views.put(component.path("id").asText(), component.path("text").asText());
          }
        });
    assertThat(views.get("text_reviewReport"))
        .contains(
            "{{reviewReport}}",
            "{{recommendedChanges}}",
            "reviewMeetingDate",
            "needsChanged = true",
            "outcomesStillAppropriate = true",
            "stillNeedsPlan = true",
            "pfaDiscussed = true");
    assertThat(views.get("text_adviceCirculated"))
        .contains("adviceCirculatedDate", "adviceCirculationDue", "{{adviceCirculationNote}}");
    // What the views read is what the decision's task sees on the case.
    assertThat(engine.getTaskService().getVariables(decision.getId()))
        .containsEntry("reviewReport", "Reads at his age level")
        .containsEntry("needsChanged", true)
        .containsEntry("outcomesStillAppropriate", false)
        .containsEntry("recommendedChanges", "Add touch-typing to section F")
        .containsEntry("adviceCirculatedDate", "2026-10-15")
        .containsKeys("adviceCirculationDue", "reviewMeetingDate");
  }

  @Test
  void
      a_plan_maintained_after_its_review_starts_the_next_review_12_months_from_the_decision_letter() {
    Map<String, Object> plan = plan("R-MAINTAIN", "2025-11-20");
    plan.put("nhsNumber", "943 476 5919");
    reviewHeldOn2November(plan);
    assertThat(review.variable("nhsNumber"))
        .as("kept as ten digits, as a search by the number asks")
        .isEqualTo("9434765919");
    assertThat(review.subjectsTo(PARENT)).as("invitation").hasSize(1);
    assertThat(review.subjectsTo(SETTINGS)).as("invitation").hasSize(1);
    assertThat(review.subjectsTo(HEALTH)).as("invitation").hasSize(1);
    reportSays(false, true);

    assertThat(review.variable("reviewRecommendation")).isEqualTo("maintain");
    assertThat(dueDate(review.task(DECIDE_OUTCOME))).isEqualTo("2026-11-30");
    review.on("2026-11-20T10:00");
    review.complete(
        DECIDE_OUTCOME,
        Map.of(
            "reviewDecision",
            "maintain",
            "reviewDecisionReason",
            "Still right",
            "reviewDecisionDate",
            "2026-11-20"));

    assertThat(review.ended()).isTrue();
    assertThat(review.passed(SEND_MAINTAIN_DECISION)).isTrue();
    assertThat(review.passed(AMEND_PLAN)).isFalse();
    assertThat(review.passed(NOTIFY_DECISION_LATE)).isFalse();
    assertThat(review.subjectsTo(PARENT)).as("invitation, decision").hasSize(2);
    assertThat(review.bodyTo(PARENT, review.subjectsTo(PARENT).get(1))).contains("Still right");
    assertNextReview("AR-R-MAINTAIN-2026-11-20", "2027-11-19");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey("AR-R-MAINTAIN-2026-11-20")
                .variableValueEquals("nhsNumber", "9434765919")
                .count())
        .as("the next review carries the NHS number")
        .isOne();
  }

  @Test
  void
      a_plan_whose_next_review_would_fall_after_the_age_limit_ends_on_the_31_july_after_the_25th_birthday() {
    Map<String, Object> youngPerson = plan("R-AGE25", "2025-11-20");
    youngPerson.put("dateOfBirth", "2001-10-15");
    youngPerson.put("namedSetting", "Bury College");
    youngPerson.put("settingPhase", "post16");
    reviewHeldOn2November(youngPerson);
    reportSays(false, true);
    review.on("2026-11-20T10:00");
    review.complete(
        DECIDE_OUTCOME,
        Map.of(
            "reviewDecision",
            "maintain",
            "reviewDecisionReason",
            "Still right",
            "reviewDecisionDate",
            "2026-11-20"));

    // Turns 25 on 15 October 2026: that academic year ends on 31 July 2027, before the next
    // review would fall due on 19 November 2027.
    assertThat(review.variable("planLastDay")).isEqualTo("2027-07-31");
    assertThat(review.variable("planRunsToNextReview")).isEqualTo(false);
    assertThat(review.passed(SEND_MAINTAIN_DECISION)).isTrue();
    assertThat(review.passed(SEND_PLAN_ENDS_AT_AGE_LIMIT)).isTrue();
    assertThat(review.passed(START_NEXT_REVIEW)).isFalse();
    assertThat(review.subjectsTo(PARENT)).as("invitation, decision, plan ends").hasSize(3);
    assertThat(review.subjectsTo(PARENT).get(2)).isEqualTo("Your EHC plan will end on 2027-07-31");
    assertThat(review.bodyTo(PARENT, "will end on"))
        .contains("section 46")
        .contains("there will not be another");
    assertThat(review.subjectsTo(SETTINGS)).as("invitation, plan ends").hasSize(2);
    assertThat(review.subjectsTo(HEALTH)).as("invitation, plan ends").hasSize(2);
    assertThat(review.subjectsTo(HEALTH).get(1)).contains("ends at the age limit on 2027-07-31");
    assertThat(review.ended()).as("the plan is kept to its last day").isFalse();
    assertThat(review.variable("planCeasedDate")).isNull();

    review.on("2027-07-31T23:00");
    assertThat(review.ended()).isFalse();
    review.on("2027-08-01T00:00");

    assertThat(review.ended()).isTrue();
    assertThat(review.passed(END_PLAN_ENDED_AT_AGE_LIMIT)).isTrue();
    assertThat(review.passed(END_PLAN_CEASED)).isFalse();
    assertThat(review.variable("planCeasedDate")).isEqualTo("2027-08-01");
    assertThat(review.variable("ceaseReason")).as("SEN2: reached maximum age").isEqualTo("1");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(Pathways.ANNUAL_REVIEW)
                .variableValueEquals("childId", "R-AGE25")
                .count())
        .as("no next review")
        .isZero();
    assertThat(
            engine.getRuntimeService().createIncidentQuery().processInstanceId(review.id()).count())
        .isZero();
  }

  @Test
  void a_plan_that_reaches_the_age_limit_before_its_review_falls_due_holds_no_review_and_ends() {
    Map<String, Object> youngPerson = plan("R-AGE25-START", "2025-11-20");
    // Turned 25 on 15 October 2025: the plan may run to 31 July 2026, before the review would
    // fall due on 19 November 2026.
    youngPerson.put("dateOfBirth", "2000-10-15");
    youngPerson.put("namedSetting", "Bury College");
    youngPerson.put("settingPhase", "post16");
    review = new TestCase(engine, mail).on("2025-11-20T10:00");
    review.start(Pathways.ANNUAL_REVIEW, "AR-R-AGE25-START-2025-11-20", youngPerson);

    assertThat(review.variable("planLastDay")).isEqualTo("2026-07-31");
    assertThat(review.variable("planRunsToNextReview")).isEqualTo(false);
    assertThat(review.variable("reviewDue")).as("no review is held, so none is due").isNull();
    assertThat(review.passed(REVIEW_BEFORE_PLAN_ENDS)).isTrue();
    assertThat(review.passed(PREPARATION_OPENS)).isFalse();
    assertThat(review.passed(SEND_PLAN_ENDS_AT_AGE_LIMIT)).isTrue();
    assertThat(review.passed(NOTIFY_BODIES_PLAN_ENDS_AT_AGE_LIMIT)).isTrue();
    assertThat(review.subjectsTo(PARENT)).containsExactly("Your EHC plan will end on 2026-07-31");
    assertThat(review.bodyTo(PARENT, "will end on"))
        .contains("section 46")
        .contains("why it will not take place")
        .doesNotContain("decision from your latest annual review");
    assertThat(review.subjectsTo(SETTINGS)).hasSize(1);
    assertThat(review.subjectsTo(HEALTH).get(0)).contains("ends at the age limit on 2026-07-31");

    review.on("2026-07-31T23:00");
    assertThat(review.ended()).isFalse();
    assertThat(review.tasks(ARRANGE_MEETING)).as("no meeting is arranged").isEmpty();
    review.on("2026-08-01T00:00");

    assertThat(review.ended()).isTrue();
    assertThat(review.passed(END_PLAN_ENDED_AT_AGE_LIMIT)).isTrue();
    assertThat(review.passed(ARRANGE_MEETING)).isFalse();
    assertThat(review.passed(DECIDE_OUTCOME)).isFalse();
    assertThat(review.variable("planCeasedDate")).isEqualTo("2026-08-01");
    assertThat(review.variable("ceaseReason")).as("SEN2: reached maximum age").isEqualTo("1");
    assertThat(
            engine.getRuntimeService().createIncidentQuery().processInstanceId(review.id()).count())
        .isZero();
  }

  @Test
  void a_young_person_whose_next_review_falls_before_the_age_limit_is_reviewed_again() {
    Map<String, Object> youngPerson = plan("R-AGE24", "2025-11-20");
    // Turns 25 on 10 September 2027, so the plan may run to 31 July 2028.
    youngPerson.put("dateOfBirth", "2002-09-10");
    youngPerson.put("settingPhase", "post16");
    reviewHeldOn2November(youngPerson);
    reportSays(false, true);
    review.on("2026-11-20T10:00");
    review.complete(
        DECIDE_OUTCOME,
        Map.of(
            "reviewDecision",
            "maintain",
            "reviewDecisionReason",
            "Still right",
            "reviewDecisionDate",
            "2026-11-20"));

    assertThat(review.variable("planLastDay")).isEqualTo("2028-07-31");
    assertThat(review.variable("planRunsToNextReview")).isEqualTo(true);
    assertThat(review.ended()).isTrue();
    assertThat(review.passed(SEND_PLAN_ENDS_AT_AGE_LIMIT)).isFalse();
    assertThat(review.subjectsTo(PARENT)).as("invitation, decision").hasSize(2);
    assertNextReview("AR-R-AGE24-2026-11-20", "2027-11-19");
  }

  @Test
  void
      an_amended_plan_is_due_8_weeks_after_the_amendment_notice_and_the_next_review_runs_from_the_notice() {
    reviewHeldOn2November("R-AMEND");
    reportSays(true, true);
    assertThat(review.variable("reviewRecommendation")).isEqualTo("amend");

    review.on("2026-11-27T10:00");
    review.complete(
        DECIDE_OUTCOME,
        Map.of(
            "reviewDecision",
            "amend",
            "reviewDecisionReason",
            "Needs changed",
            "reviewDecisionDate",
            "2026-11-27",
            "proposedAmendments",
            "Section F: add speech and language therapy"));
    assertThat(review.variable("amendmentNoticeDate")).isEqualTo("2026-11-27");
    assertThat(review.variable("amendmentCommentWindowEnds")).isEqualTo("2026-12-11");
    assertThat(review.variable("amendedPlanDue")).isEqualTo("2027-01-22");
    assertThat(review.passed(AMEND_PLAN)).as("amending is its own pathway").isTrue();
    TestCase amendment = review.called(Pathways.AMEND_PLAN);
    assertThat(amendment.variable("proposedAtReview")).isEqualTo(true);
    assertThat(amendment.variable("amendmentTrigger")).isEqualTo("annual-review");
    assertThat(amendment.variable("amendmentNoticeDate")).isEqualTo("2026-11-27");
    assertThat(amendment.variable("amendmentCommentWindowEnds")).isEqualTo("2026-12-11");
    assertThat(amendment.variable("amendedPlanDue")).isEqualTo("2027-01-22");
    assertThat(amendment.passed(SEND_AMENDMENT_NOTICE)).isTrue();
    assertThat(review.bodyTo(PARENT, review.subjectsTo(PARENT).get(1)))
        .contains("Following the annual review")
        .contains("speech and language therapy")
        .contains("2026-12-11");
    assertThat(dueDate(amendment.task(RECORD_AMENDMENT_RESPONSE))).isEqualTo("2026-12-11");

    review.on("2026-12-12T00:00");
    assertThat(amendment.tasks(RECORD_AMENDMENT_RESPONSE)).as("window closed").isEmpty();
    assertThat(dueDate(amendment.task(ISSUE_AMENDED_PLAN))).isEqualTo("2027-01-22");
    review.on("2027-01-15T10:00");
    amendment.complete(
        ISSUE_AMENDED_PLAN,
        Map.of(
            "amendmentDecision",
            "amend",
            "finalAmendedPlanIssuedDate",
            "2027-01-15",
            "namedSetting",
            "Hillside Primary"));

    assertThat(amendment.ended()).isTrue();
    assertThat(review.ended()).isTrue();
    assertThat(amendment.passed(NOTIFY_AMENDED_PLAN_LATE)).isFalse();
    assertThat(amendment.passed(SEND_AMENDED_PLAN)).isTrue();
    assertThat(amendment.passed(SEND_NOT_AMENDING_NOTICE)).isFalse();
    assertThat(review.variable("finalAmendedPlanIssuedDate")).isEqualTo("2027-01-15");
    assertThat(review.variable("amendmentDecision")).isEqualTo("amend");
    assertThat(review.subjectsTo(PARENT)).as("invitation, notice, amended plan").hasSize(3);
    assertThat(review.subjectsTo(HEALTH)).as("invitation, amended plan").hasSize(2);
    assertNextReview("AR-R-AMEND-2026-11-27", "2027-11-26");
  }

  @Test
  void a_late_decision_and_a_late_amended_plan_are_each_reported_to_managers() {
    reviewHeldOn2November("R-LATE");
    reportSays(true, true);
    review.on("2026-12-01T00:00");
    assertThat(review.subjectsTo(MANAGERS)).as("decision late").hasSize(1);
    assertThat(review.task(DECIDE_OUTCOME)).as("the duty continues").isNotNull();

    review.on("2026-12-02T10:00");
    review.complete(
        DECIDE_OUTCOME,
        Map.of(
            "reviewDecision",
            "amend",
            "reviewDecisionReason",
            "Late but right",
            "reviewDecisionDate",
            "2026-12-02",
            "proposedAmendments",
            "Section B"));
    TestCase amendment = review.called(Pathways.AMEND_PLAN);
    amendment.complete(RECORD_AMENDMENT_RESPONSE, Map.of("parentAmendmentComments", "Agree"));
    assertThat(review.variable("amendedPlanDue")).isEqualTo("2027-01-27");
    assertThat(amendment.variable("amendedPlanDue")).isEqualTo("2027-01-27");
    review.on("2027-01-27T23:00");
    assertThat(review.subjectsTo(MANAGERS)).as("not late on the last day").hasSize(1);
    review.on("2027-01-28T00:00");

    assertThat(review.subjectsTo(MANAGERS)).as("decision late, amended plan late").hasSize(2);
    assertThat(amendment.passed(NOTIFY_AMENDED_PLAN_LATE)).isTrue();
    assertThat(amendment.task(ISSUE_AMENDED_PLAN)).isNotNull();
  }

  @Test
  void
      a_plan_ceased_with_no_appeal_ends_the_day_after_the_appeal_window_and_records_the_sen2_reason() {
    reviewHeldOn2November("R-CEASE");
    reportSays(false, false);
    assertThat(review.variable("reviewRecommendation")).isEqualTo("cease");
    review.on("2026-11-20T10:00");
    review.complete(
        DECIDE_OUTCOME,
        Map.of(
            "reviewDecision",
            "cease",
            "reviewDecisionReason",
            "Needs met at SEN support",
            "reviewDecisionDate",
            "2026-11-20",
            "ceaseReason",
            "2"));
    assertThat(review.subjectsTo(PARENT)).as("invitation, consultation on ceasing").hasSize(2);
    assertThat(review.subjectsTo(SETTINGS)).as("invitation, consultation on ceasing").hasSize(2);
    assertThat(review.passed(CEASE_PLAN)).as("ceasing is its own pathway").isTrue();
    TestCase cease = review.called(Pathways.CEASE_PLAN);
    Task confirm = cease.task(CONFIRM_CEASE);
    assertThat(groups(confirm)).containsExactly("la-manager");

    review.on("2026-11-25T10:00");
    cease.complete(
        CONFIRM_CEASE,
        Map.of(
            "ceaseConsultationSummary",
            "Parent agrees",
            "ceaseConfirmed",
            "cease",
            "ceaseDecisionDate",
            "2026-11-25"));
    assertThat(cease.variable("appealWindowEnds")).isEqualTo("2027-01-25");
    assertThat(review.ended()).as("the plan continues during the appeal window").isFalse();

    review.on("2027-01-25T23:00");
    assertThat(review.ended()).isFalse();
    review.on("2027-01-26T00:00");

    assertThat(review.ended()).isTrue();
    assertThat(review.passed(END_PLAN_CEASED)).isTrue();
    assertThat(review.passed(START_NEXT_REVIEW)).isFalse();
    assertThat(cease.ended()).isTrue();
    assertThat(cease.variable("planCeasedDate")).isEqualTo("2027-01-26");
    assertThat(review.variable("planCeasedDate")).isEqualTo("2027-01-26");
    assertThat(review.variable("ceaseOutcome")).isEqualTo("ceased");
    assertThat(review.variable("ceaseReason")).isEqualTo("2");
    assertThat(review.subjectsTo(PARENT))
        .as("invitation, consultation, decision, plan ended")
        .hasSize(4);
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(Pathways.ANNUAL_REVIEW)
                .variableValueEquals("childId", "R-CEASE")
                .count())
        .as("no next review")
        .isZero();
  }

  @Test
  void a_mediation_certificate_extends_the_cease_appeal_window_to_a_month_after_it() {
    reviewHeldOn2November("R-CERTIFICATE");
    reportSays(false, false);
    review.on("2026-11-20T10:00");
    review.complete(
        DECIDE_OUTCOME,
        Map.of(
            "reviewDecision",
            "cease",
            "reviewDecisionReason",
            "Needs met at SEN support",
            "reviewDecisionDate",
            "2026-11-20",
            "ceaseReason",
            "2"));
    review.on("2026-11-25T10:00");
    TestCase cease = review.called(Pathways.CEASE_PLAN);
    cease.complete(
        CONFIRM_CEASE,
        Map.of(
            "ceaseConsultationSummary",
            "Parent disagrees and asks for mediation",
            "ceaseConfirmed",
            "cease",
            "ceaseDecisionDate",
            "2026-11-25"));
    assertThat(cease.variable("appealWindowEnds")).isEqualTo("2027-01-25");
    String key = "AR-R-CERTIFICATE-2025-11-20";

    // A certificate dated before the decision, or not yet issued, is refused and changes nothing.
    review.on("2026-12-01T10:00");
    assertThatThrownBy(() -> certificate(key, "2026-11-24"))
        .hasMessageContaining("mediationCertificateDate")
        .hasMessageContaining("cannot be before the decision to cease (2026-11-25)");
    assertThatThrownBy(() -> certificate(key, "2026-12-02"))
        .hasMessageContaining("mediationCertificateDate");
    assertThat(cease.variable("appealWindowEnds")).isEqualTo("2027-01-25");
    assertThat(cease.variable("mediationCertificateDate")).isNull();

    // Mediation declined at once: 1 month from the certificate (1 January) is earlier than 2 months
    // from the decision, which stands.
    certificate(key, "2026-12-01");
    assertThat(cease.variable("appealWindowEnds")).isEqualTo("2027-01-25");

    // A certificate after mediation on 10 January: the window runs to 10 February.
    review.on("2027-01-10T15:00");
    certificate(key, "2027-01-10");
    assertThat(cease.passed(EXTEND_APPEAL_WINDOW)).isTrue();
    assertThat(cease.variable("mediationCertificateDate")).isEqualTo("2027-01-10");
    assertThat(cease.variable("appealWindowEnds")).isEqualTo("2027-02-10");

    review.on("2027-01-26T00:00");
    assertThat(review.ended()).as("2 months from the decision no longer ends the plan").isFalse();
    review.on("2027-02-10T23:00");
    assertThat(review.ended()).isFalse();
    review.on("2027-02-11T00:00");
    assertThat(review.ended()).isTrue();
    assertThat(review.passed(END_PLAN_CEASED)).isTrue();
    assertThat(cease.passed(RECORD_APPEAL_OUTCOME)).isFalse();
    assertThat(review.variable("planCeasedDate")).isEqualTo("2027-02-11");
  }

  private void certificate(String businessKey, String issued) {
    engine
        .getRuntimeService()
        .createMessageCorrelation(Pathways.Messages.MEDIATION_CERTIFICATE_ISSUED)
        .processInstanceBusinessKey(businessKey)
        .setVariable("mediationCertificateDate", issued)
        .correlate();
  }

  @Test
  void an_appeal_against_ceasing_that_keeps_the_plan_starts_the_next_review() {
    reviewHeldOn2November("R-APPEAL");
    reportSays(false, false);
    review.on("2026-11-20T10:00");
    review.complete(
        DECIDE_OUTCOME,
        Map.of(
            "reviewDecision",
            "cease",
            "reviewDecisionReason",
            "Needs met",
            "reviewDecisionDate",
            "2026-11-20",
            "ceaseReason",
            "2"));
    TestCase cease = review.called(Pathways.CEASE_PLAN);
    cease.complete(
        CONFIRM_CEASE,
        Map.of(
            "ceaseConsultationSummary",
            "Parent disagrees",
            "ceaseConfirmed",
            "cease",
            "ceaseDecisionDate",
            "2026-11-20"));
    review.on("2027-01-10T10:00");
    engine
        .getRuntimeService()
        .createMessageCorrelation(Pathways.Messages.APPEAL_LODGED)
        .processInstanceBusinessKey("AR-R-APPEAL-2025-11-20")
        .correlate();

    review.on("2027-03-01T10:00");
    assertThat(review.ended()).as("the appeal window's timer no longer ends the plan").isFalse();
    cease.complete(
        RECORD_APPEAL_OUTCOME,
        Map.of("appealOutcome", "plan-continues", "appealOutcomeDate", "2027-02-26"));

    assertThat(review.ended()).isTrue();
    assertThat(cease.passed(RECORD_PLAN_CEASED)).isFalse();
    assertNextReview("AR-R-APPEAL-2026-11-20", "2027-11-19");
  }

  @Test
  void keeping_the_plan_after_consultation_on_ceasing_sends_the_decision_to_maintain() {
    reviewHeldOn2November("R-KEEP");
    reportSays(false, false);
    review.on("2026-11-20T10:00");
    review.complete(
        DECIDE_OUTCOME,
        Map.of(
            "reviewDecision",
            "cease",
            "reviewDecisionReason",
            "Considering",
            "reviewDecisionDate",
            "2026-11-20",
            "ceaseReason",
            "6"));
    TestCase cease = review.called(Pathways.CEASE_PLAN);
    cease.complete(
        CONFIRM_CEASE,
        Map.of(
            "ceaseConsultationSummary",
            "Young person wants support",
            "ceaseConfirmed",
            "continue"));

    assertThat(review.ended()).isTrue();
    assertThat(review.passed(SEND_MAINTAIN_DECISION)).isTrue();
    assertThat(cease.passed(SEND_CEASE_DECISION)).isFalse();
    assertNextReview("AR-R-KEEP-2026-11-20", "2027-11-19");
  }

  @Test
  void a_review_not_held_by_its_due_date_is_reported_to_managers() {
    review = new TestCase(engine, mail).on("2025-11-20T10:00");
    review.start(
        Pathways.ANNUAL_REVIEW, "AR-R-OVERDUE-2025-11-20", plan("R-OVERDUE", "2025-11-20"));
    review.on("2026-11-20T00:00");

    assertThat(review.subjectsTo(MANAGERS)).hasSize(1);
    assertThat(review.task(ARRANGE_MEETING)).isNotNull();
  }

  @Test
  void
      a_child_under_five_is_reviewed_within_6_months_and_year_9_reviews_cover_preparing_for_adulthood() {
    review = new TestCase(engine, mail).on("2026-05-20T10:00");
    Map<String, Object> young = plan("R-UNDER5", "2026-05-20");
    young.put("dateOfBirth", "2023-01-01");
    review.start(Pathways.ANNUAL_REVIEW, "AR-R-UNDER5", young);
    assertThat(review.variable("reviewDue")).isEqualTo("2026-11-19");
    assertThat(review.variable("preparingForAdulthood")).isEqualTo(false);

    TestCase older = new TestCase(engine, mail).on("2026-05-20T10:00");
    Map<String, Object> year9 = plan("R-YEAR9", "2026-05-20");
    year9.put("dateOfBirth", "2012-10-01");
    older.start(Pathways.ANNUAL_REVIEW, "AR-R-YEAR9", year9);
    assertThat(older.variable("reviewDue")).isEqualTo("2027-05-19");
    assertThat(older.variable("preparingForAdulthood")).isEqualTo(true);
  }

  @Test
  void a_review_due_date_given_at_start_is_the_due_date_and_one_not_after_the_plan_is_refused() {
    review = new TestCase(engine, mail).on("2026-09-10T10:00");
    Map<String, Object> given = plan("R-DUEBY", "2025-11-20");
    given.put("reviewDueBy", "2026-12-31");
    review.start(Pathways.ANNUAL_REVIEW, "AR-R-DUEBY", given);
    assertThat(review.variable("reviewDue"))
        .as("in place of 2026-11-19, 12 months from the plan")
        .isEqualTo("2026-12-31");
    assertThat(review.variable("preparationOpens")).isEqualTo("2026-10-22");

    Map<String, Object> early = plan("R-DUEBY-BAD", "2025-11-20");
    early.put("reviewDueBy", "2025-11-20");
    assertThatThrownBy(
            () ->
                engine.getRuntimeService().startProcessInstanceByKey(Pathways.ANNUAL_REVIEW, early))
        .hasMessageContaining(
            "reviewDueBy: must be after the date the review runs from (2025-11-20)");
    Map<String, Object> notADate = plan("R-DUEBY-BAD", "2025-11-20");
    notADate.put("reviewDueBy", "next year");
    assertThatThrownBy(
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey(Pathways.ANNUAL_REVIEW, notADate))
        .hasMessageContaining("reviewDueBy");
  }

  @Test
  void a_review_start_without_a_plan_date_and_a_meeting_without_2_weeks_notice_are_refused() {
    review = new TestCase(engine, mail).on("2026-09-10T10:00");
    Map<String, Object> noDates = plan("R-NODATE", "2025-11-20");
    noDates.remove("planIssuedDate");
    assertThatThrownBy(
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey(Pathways.ANNUAL_REVIEW, noDates))
        .hasMessageContaining("planIssuedDate: is required unless lastReviewDecisionDate is given");
    Map<String, Object> badNhsNumber = plan("R-NHS", "2025-11-20");
    badNhsNumber.put("nhsNumber", "9434765918");
    assertThatThrownBy(
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey(Pathways.ANNUAL_REVIEW, badNhsNumber))
        .hasMessageContaining(
            "nhsNumber: '9434765918' is not a valid NHS number (10 digits with a correct check"
                + " digit)");

    review.start(Pathways.ANNUAL_REVIEW, "AR-R-SOON", plan("R-SOON", "2025-11-20"));
    review.runJobs();
    String arrange = review.task(ARRANGE_MEETING).getId();
    assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .complete(arrange, Map.of("reviewMeetingDate", "2026-09-20")))
        .hasMessageContaining("reviewMeetingDate: must be at least 2 weeks from today");
  }

  private void assertNextReview(String businessKey, String reviewDue) {
    ProcessInstance next =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(Pathways.ANNUAL_REVIEW)
            .processInstanceBusinessKey(businessKey)
            .singleResult();
    assertThat(next).as(businessKey).isNotNull();
    assertThat(engine.getRuntimeService().getVariable(next.getId(), "reviewDue"))
        .isEqualTo(reviewDue);
  }

  private List<String> groups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }
}
