package org.ehcflow.cease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcflow.cease.CeasePlanProcess.Elements.*;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.reporting.CaseChronology;
import org.ehcflow.reporting.ChronologyEntry;
import org.ehcflow.review.AnnualReviewProcess;
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
 * Ceasing to maintain a plan between annual reviews (s.45, regs 29-31), one test per route. The
 * route a review calls is the same pathway; EhcAnnualReviewProcessTest drives it from a review.
 *
 * <p>The reference case: a plan issued on 1 September 2026, so the child's annual review waits for
 * its preparation window (22 June 2027); ceasing is proposed on 15 February 2027 and the manager's
 * decision letter goes on 4 March 2027, so the appeal window closes on 4 May 2027.
 */
@EhcIntegrationTest
class EhcCeasePlanProcessTest {

  static final String PARENT = "parent.obi@example.org";
  static final String MANAGERS = "send-managers@council.example";
  static final String SETTINGS = "send-settings@council.example";
  static final String HEALTH = "send-health@icb.example";

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate http;
  @Autowired CaseChronology chronology;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Born 10 May 2012: 14 on the proposed date, in school. */
  static Map<String, Object> proposal(String childId, String reason) {
    Map<String, Object> start = new HashMap<>();
    start.put("childId", childId);
    start.put("childName", "Tobi Obi");
    start.put("dateOfBirth", "2012-05-10");
    start.put("parentEmail", PARENT);
    start.put("namedSetting", "Hillside Secondary");
    start.put("ceaseReason", reason);
    start.put("ceaseProposedDate", "2027-02-15");
    start.put("inEducationOrTraining", true);
    return start;
  }

  private TestCase runningReview(String childId) {
    Map<String, Object> plan = new HashMap<>();
    plan.put("childId", childId);
    plan.put("childName", "Tobi Obi");
    plan.put("dateOfBirth", "2012-05-10");
    plan.put("parentEmail", PARENT);
    plan.put("planIssuedDate", "2026-09-01");
    TestCase review = new TestCase(engine, mail).on("2026-09-01T10:00");
    review.start(Pathways.ANNUAL_REVIEW, "AR-" + childId + "-2026-09-01", plan);
    assertThat(review.variable("preparationOpens")).isEqualTo("2027-06-22");
    return review;
  }

  /** Proposed on 15 February, consulted, and decided by letter of 4 March 2027. */
  private TestCase decidedToCease(String childId) {
    TestCase cease = new TestCase(engine, mail).on("2027-02-15T10:00");
    cease.start(Pathways.CEASE_PLAN, null, proposal(childId, "2"));
    assertThat(cease.variable("proposedAtReview")).isEqualTo(false);
    assertThat(cease.variable("ageAtProposal")).isEqualTo(14);
    assertThat(cease.variable("ceaseEligibility")).isEqualTo("may-consider");
    assertThat(cease.passed(CHECK_ELIGIBILITY)).isTrue();
    assertThat(cease.subjectsTo(PARENT)).as("ceasing considered").hasSize(1);
    assertThat(cease.subjectsTo(SETTINGS)).as("the head is consulted").hasSize(1);
    Task confirm = cease.task(CONFIRM_CEASE);
    assertThat(groups(confirm)).containsExactly("la-manager");

    cease.on("2027-03-04T10:00");
    cease.complete(
        CONFIRM_CEASE,
        Map.of(
            "ceaseConsultationSummary",
            "Needs met at SEN support; parent content",
            "ceaseConfirmed",
            "cease",
            "ceaseDecisionDate",
            "2027-03-04"));
    assertThat(cease.variable("appealWindowEnds")).isEqualTo("2027-05-04");
    assertThat(cease.subjectsTo(PARENT)).as("considering, decision").hasSize(2);
    assertThat(cease.subjectsTo(SETTINGS)).as("consulted, told the decision").hasSize(2);
    assertThat(cease.subjectsTo(HEALTH)).as("the ICB is told the decision").hasSize(1);
    assertThat(cease.ended()).as("the plan is maintained while appeal is possible").isFalse();
    return cease;
  }

  @Test
  void a_plan_ceased_between_reviews_ends_the_day_after_the_appeal_window_and_ends_the_review() {
    TestCase review = runningReview("CP-WINDOW");
    TestCase cease = decidedToCease("CP-WINDOW");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(review.id())
                .count())
        .as("the review waits while the plan is maintained")
        .isOne();

    cease.on("2027-05-04T23:00");
    assertThat(cease.ended()).isFalse();
    cease.on("2027-05-05T00:00");

    assertThat(cease.ended()).isTrue();
    assertThat(cease.passed(END_PLAN_CEASED)).isTrue();
    assertThat(cease.passed(RECORD_APPEAL_OUTCOME)).isFalse();
    assertThat(cease.variable("planCeasedDate")).isEqualTo("2027-05-05");
    assertThat(cease.variable("ceaseOutcome")).isEqualTo("ceased");
    assertThat(cease.variable("ceaseReason")).isEqualTo("2");
    assertThat(cease.variable("reviewsEnded")).isEqualTo(1);
    assertThat(cease.subjectsTo(PARENT)).as("considering, decision, plan ended").hasSize(3);

    review.runJobs();
    assertThat(review.ended()).isTrue();
    assertThat(review.passed(AnnualReviewProcess.Elements.END_SUPERSEDED)).isTrue();
    assertThat(review.variable("supersededBy")).isEqualTo("CP-CP-WINDOW-2027-02-15");
    assertThat(review.variable("planCeasedDate"))
        .as("SEN2 reads the review")
        .isEqualTo("2027-05-05");
    assertThat(review.variable("ceaseReason")).isEqualTo("2");

    List<ChronologyEntry> entries = chronology.forChild("CP-WINDOW");
    assertThat(entries)
        .as("the child's chronology shows the manager's decision with its reasons")
        .anySatisfy(
            entry -> {
              assertThat(entry.caseKey()).isEqualTo("CP-CP-WINDOW-2027-02-15");
              assertThat(entry.detail()).contains("Needs met at SEN support; parent content");
            });
  }

  @Test
  void a_mediation_certificate_moves_the_end_to_a_month_after_it() {
    TestCase cease = decidedToCease("CP-CERTIFICATE");
    cease.on("2027-04-20T15:00");
    ResponseEntity<String> early = certificate("CP-CP-CERTIFICATE-2027-02-15", "2027-03-03");
    assertThat(early.getStatusCode().value()).as(early.getBody()).isEqualTo(400);
    assertThat(message(early))
        .contains("mediationCertificateDate: cannot be before the decision to cease (2027-03-04)");
    assertThat(cease.variable("appealWindowEnds")).isEqualTo("2027-05-04");
    ResponseEntity<String> taken = certificate("CP-CP-CERTIFICATE-2027-02-15", "2027-04-20");
    assertThat(taken.getStatusCode().is2xxSuccessful()).as(taken.getBody()).isTrue();
    cease.runJobs();
    assertThat(cease.passed(EXTEND_APPEAL_WINDOW)).isTrue();
    assertThat(cease.variable("appealWindowEnds")).isEqualTo("2027-05-20");

    cease.on("2027-05-05T00:00");
    assertThat(cease.ended()).as("2 months from the letter no longer ends the plan").isFalse();
    cease.on("2027-05-20T23:00");
    assertThat(cease.ended()).isFalse();
    cease.on("2027-05-21T00:00");
    assertThat(cease.ended()).isTrue();
    assertThat(cease.variable("planCeasedDate")).isEqualTo("2027-05-21");
    assertThat(cease.variable("ceaseOutcome")).isEqualTo("ceased");
  }

  @Test
  void an_appeal_that_upholds_the_decision_ends_the_plan_on_the_day_of_the_outcome() {
    TestCase cease = decidedToCease("CP-UPHELD");
    cease.on("2027-04-01T10:00");
    engine
        .getRuntimeService()
        .createMessageCorrelation(Pathways.Messages.APPEAL_LODGED)
        .processInstanceBusinessKey("CP-CP-UPHELD-2027-02-15")
        .correlate();
    cease.on("2027-05-05T00:00");
    assertThat(cease.ended()).as("the plan is maintained until the appeal ends").isFalse();
    assertThat(groups(cease.task(RECORD_APPEAL_OUTCOME))).containsExactly("la-manager");

    cease.on("2027-07-15T10:00");
    cease.complete(
        RECORD_APPEAL_OUTCOME,
        Map.of("appealOutcome", "cease-upheld", "appealOutcomeDate", "2027-07-14"));

    assertThat(cease.ended()).isTrue();
    assertThat(cease.passed(APPEAL_WINDOW_CLOSED)).isFalse();
    assertThat(cease.variable("planCeasedDate")).isEqualTo("2027-07-14");
    assertThat(cease.variable("ceaseOutcome")).isEqualTo("ceased");
  }

  @Test
  void an_appeal_that_keeps_the_plan_leaves_the_review_running() {
    TestCase review = runningReview("CP-WON");
    TestCase cease = decidedToCease("CP-WON");
    cease.on("2027-04-01T10:00");
    engine
        .getRuntimeService()
        .createMessageCorrelation(Pathways.Messages.APPEAL_LODGED)
        .processInstanceBusinessKey("CP-CP-WON-2027-02-15")
        .correlate();
    cease.on("2027-07-15T10:00");
    cease.complete(
        RECORD_APPEAL_OUTCOME,
        Map.of("appealOutcome", "plan-continues", "appealOutcomeDate", "2027-07-14"));

    assertThat(cease.ended()).isTrue();
    assertThat(cease.passed(END_PLAN_KEPT)).isTrue();
    assertThat(cease.passed(RECORD_PLAN_CEASED)).isFalse();
    assertThat(cease.variable("ceaseOutcome")).isEqualTo("kept");
    assertThat(cease.variable("planCeasedDate")).isNull();
    assertThat(review.ended()).as("the plan continues: so does its review").isFalse();
  }

  @Test
  void keeping_the_plan_after_consultation_sends_no_decision_and_leaves_the_review_untouched() {
    TestCase review = runningReview("CP-KEEP");
    TestCase cease = new TestCase(engine, mail).on("2027-02-15T10:00");
    cease.start(Pathways.CEASE_PLAN, null, proposal("CP-KEEP", "2"));
    cease.on("2027-03-04T10:00");
    cease.complete(
        CONFIRM_CEASE,
        Map.of(
            "ceaseConsultationSummary",
            "The head reports new needs",
            "ceaseConfirmed",
            "continue"));

    assertThat(cease.ended()).isTrue();
    assertThat(cease.passed(END_PLAN_KEPT)).isTrue();
    assertThat(cease.passed(SEND_CEASE_DECISION)).isFalse();
    assertThat(cease.variable("ceaseOutcome")).isEqualTo("kept");
    assertThat(cease.variable("appealWindowEnds")).isNull();
    assertThat(cease.subjectsTo(PARENT))
        .as("only the letter saying ceasing is considered")
        .hasSize(1);
    review.runJobs();
    assertThat(review.ended()).isFalse();
    assertThat(review.passed(AnnualReviewProcess.Elements.END_SUPERSEDED)).isFalse();
  }

  @Test
  void a_young_person_who_has_left_education_and_does_not_wish_to_return_may_be_considered() {
    Map<String, Object> start = proposal("CP-ADULT", "6");
    start.put("dateOfBirth", "2007-01-20");
    start.put("inEducationOrTraining", false);
    start.put("wishesToReturnToEducation", false);
    TestCase cease = new TestCase(engine, mail).on("2027-02-15T10:00");
    cease.start(Pathways.CEASE_PLAN, null, start);
    assertThat(cease.variable("ageAtProposal")).isEqualTo(20);
    assertThat(cease.variable("ceaseEligibility")).isEqualTo("may-consider");
    assertThat(cease.task(CONFIRM_CEASE)).isNotNull();
  }

  @Test
  void
      a_proposal_the_criteria_do_not_allow_is_refused_with_400_naming_the_field_and_nothing_kept() {
    ClockUtil.setCurrentTime(
        java.util.Date.from(
            java.time.LocalDateTime.parse("2027-02-15T10:00")
                .atZone(org.ehcflow.statutory.StatutoryClock.ZONE)
                .toInstant()));

    Map<String, Object> outOfSchool = proposal("CP-REFUSED", "2");
    outOfSchool.put("inEducationOrTraining", false);
    assertRefused(
        outOfSchool,
        "inEducationOrTraining: review-first: Under 18 and not in education or training");

    Map<String, Object> nineteen = proposal("CP-REFUSED", "1");
    nineteen.put("dateOfBirth", "2007-09-01");
    assertRefused(nineteen, "ceaseReason: not-allowed: The plan has not reached the end");

    Map<String, Object> underEighteenOther = proposal("CP-REFUSED", "6");
    assertRefused(underEighteenOther, "ceaseReason: not-allowed: Under 18 a plan may cease only");

    Map<String, Object> wishes = proposal("CP-REFUSED", "6");
    wishes.put("dateOfBirth", "2007-01-20");
    wishes.put("inEducationOrTraining", false);
    assertRefused(wishes, "wishesToReturnToEducation: is required for a young person of 18");
    wishes.put("wishesToReturnToEducation", true);
    assertRefused(wishes, "wishesToReturnToEducation: review-first");

    Map<String, Object> future = proposal("CP-REFUSED", "2");
    future.put("ceaseProposedDate", "2027-02-16");
    assertRefused(future, "ceaseProposedDate");

    Map<String, Object> unknownReason = proposal("CP-REFUSED", "12");
    assertRefused(unknownReason, "ceaseReason");

    Map<String, Object> unknownVariable = proposal("CP-REFUSED", "2");
    unknownVariable.put("proposedAtReview", true);
    assertRefused(unknownVariable, "proposedAtReview: is not a variable of this process");

    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(Pathways.CEASE_PLAN)
                .variableValueEquals("childId", "CP-REFUSED")
                .count())
        .as("nothing kept")
        .isZero();
    assertThat(mail.getReceivedMessages()).isEmpty();
  }

  /** As a mediation service's integration sends it: REST, by the case's business key. */
  private ResponseEntity<String> certificate(String businessKey, String issued) {
    return EngineRest.message(
        http,
        "caseworker",
        Pathways.Messages.MEDIATION_CERTIFICATE_ISSUED,
        businessKey,
        Map.of("mediationCertificateDate", issued));
  }

  private void assertRefused(Map<String, Object> start, String message) {
    ResponseEntity<String> answer =
        EngineRest.start(http, "caseworker", Pathways.CEASE_PLAN, start);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    assertThat(message(answer)).contains(message);
  }

  private static String message(ResponseEntity<String> answer) {
    return EngineRest.errorMessage(answer);
  }

  private List<String> groups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId)
        .filter(java.util.Objects::nonNull)
        .toList();
  }
}
