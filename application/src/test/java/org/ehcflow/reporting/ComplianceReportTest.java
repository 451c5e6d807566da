package org.ehcflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcflow.reporting.ComplianceFigures.AdviceFigure;
import org.ehcflow.reporting.ComplianceFigures.ClockTimeliness;
import org.ehcflow.reporting.ComplianceFigures.DeadlineFigure;
import org.ehcflow.reporting.ComplianceFigures.MonthTimeliness;
import org.ehcflow.review.AnnualReviewProcess;
import org.ehcflow.support.CaseDriver;
import org.ehcflow.support.TestMail;
import org.ehcflow.vocabulary.Pathways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The figures on a seeded history whose answers were worked out by hand, as of 15 June 2026 for the
 * calendar year 2026. Its own database, so other tests' cases do not change the answers.
 *
 * <pre>
 * A1 request 2026-01-05, plan issued 2026-05-20 (due 05-25): on time
 * A2 request 2026-01-05, plan issued 2026-05-28 (due 05-25): late; health's advice late (03-30, due 03-24)
 * A3 request 2026-01-12, exception recorded, plan issued 2026-06-05 (due 06-01): late, excused
 * A4 request 2026-03-16, advice asked 05-01 (due 06-12): educational psychology still outstanding
 * A5 request 2026-05-04: decision whether to assess due 06-15 (this week)
 * A6 request 2026-04-27: decision whether to assess due 06-08 (overdue)
 * A7 request 2026-01-19, assessed 02-20, advice not yet asked: decision whether to issue due 05-11
 *    and final plan due 06-08, both overdue
 * R1 plan 2025-08-20: review due 2026-08-19, not yet held
 * R2 plan 2025-03-10: review due 2026-03-09, meeting 02-16, decided 03-20 (due 03-16): late, maintained
 * </pre>
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      "ehc.data-dir=./target/test-data/compliance-${random.uuid}",
      "ehc.notification.delivery=smtp",
      "spring.mail.host=127.0.0.1",
      "spring.mail.port=${ehc.test.smtp-port:3025}"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceReportTest {

  @RegisterExtension
  static GreenMailExtension mail = TestMail.server().withPerMethodLifecycle(false);

  @Autowired ProcessEngine engine;
  @Autowired ComplianceReport report;
  @Autowired TestRestTemplate http;

  private ComplianceFigures figures;

  @BeforeAll
  void seedAKnownHistory() {
    CaseDriver cases = new CaseDriver(engine);
    String r2 = cases.plan("R2", "2025-03-10", "primary");
    cases.on("2025-12-29");
    cases.on("2026-01-05");
    cases.complete(
        r2,
        AnnualReviewProcess.Elements.ARRANGE_MEETING,
        Map.of("reviewMeetingDate", "2026-02-16"));
    cases.complete(
        r2,
        AnnualReviewProcess.Elements.CIRCULATE_ADVICE,
        Map.of("adviceCirculatedDate", "2026-01-05"));

    String a1 = cases.request("A1", "2026-01-05");
    String a2 = cases.request("A2", "2026-01-05");
    String a3 = cases.request("A3", "2026-01-12");
    String a7 = cases.request("A7", "2026-01-19");
    cases.on("2026-02-02");
    engine
        .getRuntimeService()
        .createMessageCorrelation(Pathways.Messages.EXCEPTION_RECORDED)
        .processInstanceBusinessKey("EHCNA-A3")
        .setVariable("exceptionGround", "absence-from-area")
        .correlate();
    for (String id : List.of(a1, a2, a3)) {
      cases.decideToAssess(id, "2026-02-10");
      cases.requestAdvice(id);
    }
    cases.decideToAssess(a7, "2026-02-20");

    cases.on("2026-02-16");
    cases.complete(
        r2,
        AnnualReviewProcess.Elements.SUBMIT_REPORT,
        Map.of(
            "reviewReport",
            "Fine",
            "needsChanged",
            false,
            "outcomesStillAppropriate",
            true,
            "stillNeedsPlan",
            true));
    String a4 = cases.request("A4", "2026-03-16");
    cases.adviceGiven(a1, "2026-03-20");
    cases.adviceGiven(a2, "2026-03-20", "medical");
    cases.adviceGiven(a3, "2026-03-20");
    cases.adviceGiven(a2, "2026-03-30");
    cases.on("2026-03-20");
    cases.complete(
        r2,
        AnnualReviewProcess.Elements.DECIDE_OUTCOME,
        Map.of(
            "reviewDecision",
            "maintain",
            "reviewDecisionReason",
            "Still right",
            "reviewDecisionDate",
            "2026-03-20"));

    cases.issuePlan(a1, "2026-04-20", "2026-05-20");
    cases.issuePlan(a2, "2026-04-20", "2026-05-28");
    cases.issuePlan(a3, "2026-04-20", "2026-06-05");
    String a6 = cases.request("A6", "2026-04-27");
    cases.decideToAssess(a4, "2026-05-01");
    cases.requestAdvice(a4);
    cases.request("A5", "2026-05-04");
    cases.adviceGiven(a4, "2026-06-01", "psychological");
    cases.plan("R1", "2025-08-20", "primary");
    cases.on("2026-06-15");
    figures =
        report.figures(
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), LocalDate.of(2026, 6, 15));
  }

  @AfterAll
  void resetClock() {
    ClockUtil.reset();
  }

  private DeadlineFigure deadline(String kind) {
    return figures.deadlines().stream()
        .filter(figure -> figure.kind().equals(kind))
        .findFirst()
        .orElseThrow();
  }

  private AdviceFigure advice(String partner) {
    return figures.advice().stream()
        .filter(figure -> figure.partner().equals(partner))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void deadlines_due_this_week_and_overdue_per_kind() {
    assertThat(deadline("decision-to-assess"))
        .satisfies(
            d -> {
              assertThat(d.dueThisWeek()).isEqualTo(1);
              assertThat(d.overdue()).isEqualTo(1);
              assertThat(d.dueThisWeekCases())
                  .extracting(c -> c.businessKey())
                  .containsExactly("EHCNA-A5");
              assertThat(d.overdueCases())
                  .extracting(c -> c.businessKey())
                  .containsExactly("EHCNA-A6");
            });
    assertThat(deadline("final-plan").overdueCases())
        .extracting(c -> c.businessKey())
        .containsExactly("EHCNA-A7");
    assertThat(deadline("final-plan").dueThisWeekCases())
        .extracting(c -> c.businessKey() + " " + c.date())
        .isEmpty();
    // A7 (request 01-19) has no decision whether to issue either: that was due 05-11.
    assertThat(deadline("no-plan-notice").overdueCases())
        .extracting(c -> c.businessKey() + " " + c.date())
        .containsExactly("EHCNA-A7 2026-05-11");
    assertThat(deadline("advice").overdue()).isEqualTo(1);
    assertThat(deadline("advice").overdueCases())
        .extracting(c -> c.businessKey())
        .containsExactly("EHCNA-A4");
    assertThat(deadline("review-decision").overdue()).isZero();
  }

  @Test
  void twenty_week_timeliness_by_month_with_and_without_exceptions() {
    assertThat(figures.timeliness())
        .extracting(MonthTimeliness::month)
        .containsExactly("2026-05", "2026-06");
    MonthTimeliness may = figures.timeliness().get(0);
    assertThat(may.issued()).isEqualTo(2);
    assertThat(may.within20Weeks()).isEqualTo(1);
    assertThat(may.percent()).isEqualTo(50.0);
    assertThat(may.issuedExcludingExceptions()).isEqualTo(2);
    assertThat(may.percentExcludingExceptions()).isEqualTo(50.0);
    assertThat(may.late()).extracting(c -> c.businessKey()).containsExactly("EHCNA-A2");
    MonthTimeliness june = figures.timeliness().get(1);
    assertThat(june.issued()).isEqualTo(1);
    assertThat(june.within20Weeks()).isZero();
    assertThat(june.percent()).isEqualTo(0.0);
    assertThat(june.issuedExcludingExceptions()).as("A3's exception takes it out").isZero();
    assertThat(june.percentExcludingExceptions()).isNull();
  }

  @Test
  void every_clock_due_in_the_period_is_met_on_time_late_or_missed_with_exceptions_beside() {
    ClockTimeliness finalPlan = clock("final-plan");
    // A1 issued 05-20 (due 05-25); A2 on 05-28 (due 05-25); A3 on 06-05 (due 06-01, an
    // exception recorded); A7 due 06-08 and not issued; A4, A5, A6 not due until after today.
    assertThat(finalPlan)
        .extracting("due", "onTime", "late", "missed", "withExceptions")
        .containsExactly(4, 1, 2, 1, 1);
    assertThat(finalPlan.lateOrMissed())
        .extracting(c -> c.businessKey() + " " + c.date() + (c.running() ? " open" : ""))
        .containsExactly("EHCNA-A2 2026-05-28", "EHCNA-A3 2026-06-05", "EHCNA-A7 2026-06-08 open");

    // Decided on the day the panel sat: A4 (due 04-27) on 05-01; A6 (due 06-08) not yet.
    assertThat(clock("decision-to-assess").lateOrMissed())
        .extracting(c -> c.businessKey() + " " + c.date())
        .containsExactly("EHCNA-A4 2026-05-01", "EHCNA-A6 2026-06-08");
    // R2's meeting on 02-16: the decision was due 03-16 and made on 03-20, as the reviews say.
    assertThat(clock("review-decision"))
        .extracting("due", "onTime", "late", "missed")
        .containsExactly(1, 0, 1, 0);
  }

  private ClockTimeliness clock(String kind) {
    return figures.clocks().stream()
        .filter(figure -> figure.kind().equals(kind))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void advice_requested_on_time_late_and_outstanding_by_partner() {
    assertThat(figures.advice())
        .extracting(AdviceFigure::partner)
        .containsExactly("education-setting", "educational-psychology", "health", "social-care");
    assertThat(advice("education-setting"))
        .extracting("requested", "onTime", "late", "outstanding")
        .containsExactly(4, 4, 0, 0);
    assertThat(advice("health"))
        .extracting("requested", "onTime", "late", "outstanding")
        .containsExactly(4, 3, 1, 0);
    assertThat(advice("health").lateOrOverdue())
        .extracting(c -> c.businessKey())
        .containsExactly("EHCNA-A2");
    assertThat(advice("educational-psychology"))
        .extracting("requested", "onTime", "late", "outstanding", "outstandingOverdue")
        .containsExactly(4, 3, 0, 1, 1);
    assertThat(advice("social-care")).extracting("requested", "onTime").containsExactly(4, 4);
  }

  @Test
  void annual_reviews_due_held_decided_in_time_and_late() {
    assertThat(figures.reviews())
        .extracting("due", "held", "decidedWithin4Weeks", "decidedLate", "overdue", "maintained")
        .containsExactly(2, 1, 0, 1, 0, 1);
    assertThat(figures.reviews().decidedLateCases())
        .extracting(c -> c.businessKey())
        .containsExactly("AR-R2");
  }

  @Test
  void open_cases_by_stage_count_each_waiting_task() {
    Map<String, Integer> stages = new java.util.TreeMap<>();
    figures
        .openCases()
        .forEach(stage -> stages.put(stage.pathway() + "/" + stage.stage(), stage.count()));
    assertThat(stages)
        .containsEntry("ehc-needs-assessment/userTask_prepareCaseForPanel", 2)
        .containsEntry("ehc-needs-assessment/userTask_planAdviceRequests", 1)
        .containsEntry("ehc-needs-assessment/userTask_giveAdvice", 1)
        .containsEntry("ehc-annual-review/userTask_arrangeReviewMeeting", 1);
  }

  @Test
  void the_api_gives_managers_the_same_figures_and_refuses_partners() {
    ResponseEntity<Map<String, Object>> manager =
        http.withBasicAuth("manager", "demo")
            .exchange(
                "/api/reports/compliance?from=2026-01-01&to=2026-12-31",
                HttpMethod.GET,
                null,
                new ParameterizedTypeReference<>() {});
    ResponseEntity<String> partner =
        http.withBasicAuth("health", "demo").getForEntity("/api/reports/compliance", String.class);
    ResponseEntity<String> badDate =
        http.withBasicAuth("manager", "demo")
            .getForEntity("/api/reports/compliance?from=2026-13-01", String.class);

    assertThat(manager.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(manager.getBody())
        .containsKeys(
            "openCases", "deadlines", "timeliness", "advice", "reviews", "phaseTransfers");
    assertThat(partner.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badDate.getBody()).contains("from:");
  }

  @Test
  void a_childs_chronology_lists_decisions_notices_deadlines_and_exceptions_in_order() {
    List<ChronologyEntry> chronology =
        http.withBasicAuth("caseworker", "demo")
            .exchange(
                "/api/cases/A3/chronology",
                HttpMethod.GET,
                null,
                new ParameterizedTypeReference<List<ChronologyEntry>>() {})
            .getBody();

    assertThat(chronology)
        .extracting(ChronologyEntry::kind)
        .contains("case-opened", "decision", "notice", "deadline", "exception", "case-closed");
    assertThat(chronology)
        .anySatisfy(
            entry -> {
              assertThat(entry.event()).startsWith("Final plan (20 weeks) due 2026-06-01");
              assertThat(entry.detail()).isEqualTo("missed: done 2026-06-05");
            });
    assertThat(chronology)
        .anySatisfy(entry -> assertThat(entry.detail()).isEqualTo("assess: May need a plan"));
    assertThat(chronology).isSortedAccordingTo(java.util.Comparator.comparing(ChronologyEntry::at));
    String page =
        http.withBasicAuth("manager", "demo")
            .getForObject("/api/cases/A3/chronology.html", String.class);
    assertThat(page).contains("<table>").contains("absence-from-area");
    assertThat(
            http.withBasicAuth("senco", "demo")
                .getForEntity("/api/cases/A3/chronology", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }
}
