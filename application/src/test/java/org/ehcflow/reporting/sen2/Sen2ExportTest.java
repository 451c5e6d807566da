package org.ehcflow.reporting.sen2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcflow.assessment.AssessmentProcess.Elements.CONSIDER_ADVICE;
import static org.ehcflow.assessment.AssessmentProcess.Elements.DECIDE_WHETHER_TO_ASSESS;
import static org.ehcflow.assessment.AssessmentProcess.Elements.DECIDE_WHETHER_TO_ISSUE;
import static org.ehcflow.assessment.AssessmentProcess.Elements.DRAFT_PLAN;
import static org.ehcflow.assessment.AssessmentProcess.Elements.GIVE_ADVICE;
import static org.ehcflow.assessment.AssessmentProcess.Elements.ISSUE_FINAL_PLAN;
import static org.ehcflow.assessment.AssessmentProcess.Elements.PLAN_ADVICE_REQUESTS;
import static org.ehcflow.assessment.AssessmentProcess.Elements.PREPARE_CASE_FOR_PANEL;
import static org.ehcflow.assessment.AssessmentProcess.Elements.RECORD_PARENT_RESPONSE;
import static org.ehcflow.assessment.AssessmentProcess.Elements.SERVE_DRAFT_PLAN;
import static org.ehcflow.cease.CeasePlanProcess.Elements.CONFIRM_CEASE;
import static org.ehcflow.review.AnnualReviewProcess.Elements.ARRANGE_MEETING;
import static org.ehcflow.review.AnnualReviewProcess.Elements.CIRCULATE_ADVICE;
import static org.ehcflow.review.AnnualReviewProcess.Elements.DECIDE_OUTCOME;
import static org.ehcflow.review.AnnualReviewProcess.Elements.SUBMIT_REPORT;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.amendment.AmendPlanProcess;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.cease.CeasePlanProcess;
import org.ehcflow.review.AnnualReviewProcess;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.TestCase;
import org.ehcflow.support.TestMail;
import org.ehcflow.transfer.TransferInProcess;
import org.ehcflow.vocabulary.Pathways;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The SEN2 return from a known seed driven through the real processes, compared module by module
 * with hand-written expected files (src/test/resources/sen2). Reporting year 2027: activity in
 * calendar year 2026 and plans active on the census date, 21 January 2027.
 *
 * <p>The export reads every case in the database, so this class runs on an application context (and
 * H2 database) of its own, not the one the other integration tests share, and closes it after.
 */
@EhcIntegrationTest
@TestPropertySource(properties = "ehc.test.context=sen2-export")
@DirtiesContext
class Sen2ExportTest {

  static final String PARENT = "parent@example.org";
  static final String SEN2 = "/api/reports/sen2";

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  private static boolean seeded;

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate http;

  @BeforeEach
  void theSeedIsDrivenThroughTheProcessesOnce() {
    if (!seeded) {
      try {
        seed();
      } finally {
        ClockUtil.reset();
      }
      seeded = true;
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // --- The seed
  // -----------------------------------------------------------------------------------

  private void seed() {
    refusedIn2025(); // calendar year 2025: not in the 2027 return
    refused();
    withdrawn();
    assessedWithNoPlan();
    planIssuedOnTime();
    planIssuedLateWithAnException();
    reviewedAndMaintainedWithin4Weeks();
    ceasedAfterTheAppealWindow();
    refusedThenReversed();
    amendedBetweenReviewsNamingAnotherSetting();
    ceasedBetweenReviewsWithNoPlanInTheEngine();
    transferredInFromAnotherCouncil();
  }

  /** S2-X: refused on 3 November 2025, all of it before the 2027 return's period. */
  private void refusedIn2025() {
    TestCase c = request("S2-X", "Xavier Xu", "2014-04-04", "2025-10-06", "parent", null);
    c.on("2025-11-03T10:00");
    decideWhetherToAssess(c, "do-not-assess");
  }

  /** (a) S2-A: refused on 2 March 2026, N. */
  private void refused() {
    TestCase c = request("S2-A", "Amir Ali", "2015-05-10", "2026-02-02", "school", null);
    c.on("2026-03-02T10:00");
    decideWhetherToAssess(c, "do-not-assess");
    assertThat(c.variable("requestOutcome")).isEqualTo("N");
  }

  /** (b) S2-B: withdrawn on 20 March 2026 before any decision, W. */
  private void withdrawn() {
    TestCase c = request("S2-B", "Bella Brown", "2017-09-01", "2026-03-02", "parent", null);
    c.on("2026-03-20T14:00");
    engine
        .getRuntimeService()
        .createMessageCorrelation(Pathways.Messages.REQUEST_WITHDRAWN)
        .processInstanceBusinessKey("EHCNA-S2-B-2026-03-02")
        .setVariable("withdrawnReason", "Family moved away")
        .correlate();
    c.runJobs();
    assertThat(c.variable("requestOutcome")).isEqualTo("W");
  }

  /**
   * (c) S2-C: assessed from 9 February 2026; told on 20 April 2026 that no plan will be issued, N.
   */
  private void assessedWithNoPlan() {
    TestCase c = request("S2-C", "Chloe Clark", "2014-11-30", "2026-01-12", "other", null);
    c.on("2026-02-09T10:00");
    decideWhetherToAssess(c, "assess");
    c.complete(PLAN_ADVICE_REQUESTS, Map.of());
    c.on("2026-03-16T10:00");
    allAdvisersReply(c);
    c.on("2026-04-20T10:00");
    c.complete(
        CONSIDER_ADVICE,
        Map.of(
            "provisionBeyondSetting",
            false,
            "needsAcrossEducationHealthCare",
            false,
            "progressWithSenSupport",
            true));
    c.complete(
        DECIDE_WHETHER_TO_ISSUE,
        Map.of(
            "issueDecision",
            "do-not-issue",
            "issueDecisionReason",
            "Needs can be met from SEN support"));
    assertThat(c.variable("assessmentOutcome")).isEqualTo("N");
  }

  /** (d) S2-D: request 5 January 2026, final plan 20 May 2026, within the 20 weeks (due 25 May). */
  private void planIssuedOnTime() {
    TestCase c = request("S2-D", "Daniel Davies", "2016-03-14", "2026-01-05", "parent", "ASD");
    c.on("2026-02-10T10:00");
    decideWhetherToAssess(c, "assess");
    c.complete(PLAN_ADVICE_REQUESTS, Map.of());
    c.on("2026-03-20T10:00");
    allAdvisersReply(c);
    decideToIssue(c);
    c.on("2026-03-31T10:00");
    c.complete(DRAFT_PLAN, draftSections());
    c.on("2026-04-01T10:00");
    c.complete(SERVE_DRAFT_PLAN, Map.of("draftServedDate", "2026-04-01"));
    c.on("2026-04-10T10:00");
    c.complete(
        RECORD_PARENT_RESPONSE, Map.of("parentComments", "Agreed", "meetingRequested", false));
    c.on("2026-05-20T10:00");
    c.complete(
        ISSUE_FINAL_PLAN,
        Map.of("finalPlanIssuedDate", "2026-05-20", "namedSetting", "Oak Hill School"));
    assertThat(c.ended()).isTrue();
  }

  /**
   * (e) S2-E: request 2 March 2026 (final plan due 20 July); an exception recorded on 20 March;
   * final plan 14 August 2026, late, with exceptions applying.
   */
  private void planIssuedLateWithAnException() {
    TestCase c = request("S2-E", "O'Brien, Erin", "2013-07-21", "2026-03-02", "school", "SEMH");
    c.on("2026-03-20T10:00");
    engine
        .getRuntimeService()
        .createMessageCorrelation(Pathways.Messages.EXCEPTION_RECORDED)
        .processInstanceBusinessKey("EHCNA-S2-E-2026-03-02")
        .setVariable("exceptionGround", "exceptional-personal-circumstances")
        .setVariable("exceptionNote", "Family bereavement")
        .correlate();
    c.runJobs();
    c.on("2026-04-08T10:00");
    decideWhetherToAssess(c, "assess");
    c.complete(PLAN_ADVICE_REQUESTS, Map.of());
    c.on("2026-05-15T10:00");
    allAdvisersReply(c);
    decideToIssue(c);
    c.on("2026-06-10T10:00");
    c.complete(DRAFT_PLAN, draftSections());
    c.complete(SERVE_DRAFT_PLAN, Map.of("draftServedDate", "2026-06-10"));
    c.on("2026-06-20T10:00");
    c.complete(RECORD_PARENT_RESPONSE, Map.of("meetingRequested", false));
    c.on("2026-07-21T09:00");
    assertThat(c.variable("finalPlanLate")).isEqualTo(true);
    c.on("2026-08-14T10:00");
    c.complete(
        ISSUE_FINAL_PLAN,
        Map.of(
            "finalPlanIssuedDate", "2026-08-14", "namedSetting", "Beech \"Upper\" Academy, Bury"));
    assertThat(c.variable("exceptionsApply")).isEqualTo(true);
  }

  /**
   * (f) S2-F: an existing plan of 2 June 2025 (review due 1 June 2026); meeting 11 May 2026,
   * decision to maintain written on 29 May 2026, within the 4 weeks (due 8 June).
   */
  private void reviewedAndMaintainedWithin4Weeks() {
    TestCase r =
        existingPlan("S2-F", "Fatima Farah", "2012-01-15", "2025-06-02", "Hillside Primary");
    r.on("2026-03-23T09:00");
    r.on("2026-04-20T10:00");
    r.complete(ARRANGE_MEETING, Map.of("reviewMeetingDate", "2026-05-11"));
    r.on("2026-04-24T10:00");
    r.complete(CIRCULATE_ADVICE, Map.of("adviceCirculatedDate", "2026-04-24"));
    r.on("2026-05-15T10:00");
    r.complete(SUBMIT_REPORT, reviewReport(true));
    r.on("2026-05-29T10:00");
    r.complete(
        DECIDE_OUTCOME,
        Map.of(
            "reviewDecision",
            "maintain",
            "reviewDecisionReason",
            "Still right",
            "reviewDecisionDate",
            "2026-05-29"));
    assertThat(r.ended()).isTrue();
  }

  /**
   * (g) S2-G: an existing plan of 1 July 2025; after the review meeting of 15 June 2026 the council
   * decides on 26 June to cease (reason 3, higher education), confirmed on 1 July; nobody appeals
   * and the plan ends on 2 September 2026, the day after the 2-month appeal window.
   */
  private void ceasedAfterTheAppealWindow() {
    TestCase r =
        existingPlan("S2-G", "George Green", "2007-10-05", "2025-07-01", "Kingsway College");
    r.on("2026-04-21T09:00");
    r.on("2026-05-01T10:00");
    r.complete(ARRANGE_MEETING, Map.of("reviewMeetingDate", "2026-06-15"));
    r.on("2026-05-28T10:00");
    r.complete(CIRCULATE_ADVICE, Map.of("adviceCirculatedDate", "2026-05-28"));
    r.on("2026-06-18T10:00");
    r.complete(SUBMIT_REPORT, reviewReport(false));
    r.on("2026-06-26T10:00");
    r.complete(
        DECIDE_OUTCOME,
        Map.of(
            "reviewDecision",
            "cease",
            "reviewDecisionReason",
            "Starting university",
            "reviewDecisionDate",
            "2026-06-26",
            "ceaseReason",
            "3"));
    r.on("2026-07-01T10:00");
    r.called(Pathways.CEASE_PLAN)
        .complete(
            CONFIRM_CEASE,
            Map.of(
                "ceaseConsultationSummary",
                "Young person agrees",
                "ceaseConfirmed",
                "cease",
                "ceaseDecisionDate",
                "2026-07-01"));
    r.on("2026-09-02T00:00");
    assertThat(r.ended()).isTrue();
    assertThat(r.variable("planCeasedDate")).isEqualTo("2026-09-02");
  }

  /**
   * S2-H: refused on 29 April 2026; a week later, before the case closed, the outcome held on the
   * case was changed to Y (as after a tribunal order). SEN2 keeps the first outcome, N, and the
   * export flags the reversal.
   */
  private void refusedThenReversed() {
    TestCase c = request("S2-H", "Hannah Hughes", "2018-02-28", "2026-04-01", "parent", null);
    c.on("2026-04-29T10:00");
    engine.getTaskService().complete(c.task(PREPARE_CASE_FOR_PANEL).getId(), panelEvidence());
    engine
        .getTaskService()
        .complete(
            c.task(DECIDE_WHETHER_TO_ASSESS).getId(),
            Map.of(
                "assessDecision",
                "do-not-assess",
                "assessDecisionReason",
                "Needs met at SEN support"));
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2026-05-06 10:00:00"));
    engine.getRuntimeService().setVariable(c.id(), "requestOutcome", "Y");
    engine.getRuntimeService().setVariable(c.id(), "requestOutcomeDate", "2026-05-06");
    c.runJobs();
    assertThat(c.ended()).isTrue();
  }

  /**
   * S2-I: an existing plan of 1 September 2025 naming Oak Primary; amended between reviews (notice
   * 2 March 2026, amended plan issued 14 April 2026) to name Birch Academy, the setting SEN2
   * reports on the census date.
   */
  private void amendedBetweenReviewsNamingAnotherSetting() {
    existingPlan("S2-I", "Isla Irving", "2014-11-20", "2025-09-01", "Oak Primary");
    Map<String, Object> start = new HashMap<>();
    start.put("childId", "S2-I");
    start.put("childName", "Isla Irving");
    start.put("dateOfBirth", "2014-11-20");
    start.put("parentEmail", PARENT);
    start.put("namedSetting", "Oak Primary");
    start.put("amendmentTrigger", "change-of-setting");
    start.put("amendmentProposalReason", "The family has moved across the borough");
    start.put("proposedAmendments", "Section I: Birch Academy");
    start.put("amendmentNoticeDate", "2026-03-02");
    TestCase amendment =
        new TestCase(engine, mail).on("2026-03-02T10:00").start(AmendPlanProcess.KEY, null, start);
    amendment.on("2026-03-12T10:00");
    amendment.complete(
        AmendPlanProcess.Elements.RECORD_AMENDMENT_RESPONSE,
        Map.of("parentAmendmentComments", "Agree", "meetingRequested", false));
    amendment.on("2026-04-14T10:00");
    amendment.complete(
        AmendPlanProcess.Elements.ISSUE_AMENDED_PLAN,
        Map.of(
            "amendmentDecision",
            "amend",
            "finalAmendedPlanIssuedDate",
            "2026-04-14",
            "namedSetting",
            "Birch Academy"));
    assertThat(amendment.ended()).isTrue();
  }

  /**
   * S2-J: a plan made before the council used EHC Flow and never imported, ceased between reviews
   * (needs met, reason 2): decision 4 March 2026, nobody appeals, the plan ends on 5 May 2026. SEN2
   * reports the ceased plan from the cease case, its start date unknown.
   */
  private void ceasedBetweenReviewsWithNoPlanInTheEngine() {
    Map<String, Object> start = new HashMap<>();
    start.put("childId", "S2-J");
    start.put("childName", "Jonah Jones");
    start.put("dateOfBirth", "2013-06-30");
    start.put("parentEmail", PARENT);
    start.put("namedSetting", "Hillside Secondary");
    start.put("ceaseReason", "2");
    start.put("ceaseProposedDate", "2026-02-16");
    start.put("inEducationOrTraining", true);
    TestCase cease =
        new TestCase(engine, mail).on("2026-02-16T10:00").start(CeasePlanProcess.KEY, null, start);
    cease.on("2026-03-04T10:00");
    cease.complete(
        CeasePlanProcess.Elements.CONFIRM_CEASE,
        Map.of(
            "ceaseConsultationSummary",
            "Needs met at SEN support",
            "ceaseConfirmed",
            "cease",
            "ceaseDecisionDate",
            "2026-03-04"));
    cease.on("2026-05-05T00:00");
    assertThat(cease.ended()).isTrue();
    assertThat(cease.variable("planCeasedDate")).isEqualTo("2026-05-05");
  }

  /**
   * S2-K: a plan transferred in from Northshire on 1 October 2026 (last reviewed there on 10 March
   * 2026). It is this council's plan from the transfer date, which SEN2 reports as its start.
   */
  private void transferredInFromAnotherCouncil() {
    Map<String, Object> start = new HashMap<>();
    start.put("childId", "S2-K");
    start.put("childName", "Kofi Kamara");
    start.put("dateOfBirth", "2016-01-09");
    start.put("parentEmail", PARENT);
    start.put("previousCouncil", "Northshire County Council");
    start.put("transferDate", "2026-10-01");
    start.put("lastReviewDate", "2026-03-10");
    start.put("namedSetting", "Brook Primary");
    TestCase arrival =
        new TestCase(engine, mail).on("2026-10-01T10:00").start(TransferInProcess.KEY, null, start);
    arrival.on("2026-10-15T10:00");
    arrival.complete(
        TransferInProcess.Elements.TELL_THE_FAMILY,
        Map.of("willAssess", false, "plannedReviewDate", "2027-02-20"));
    assertThat(arrival.ended()).isTrue();
  }

  private TestCase request(
      String childId,
      String name,
      String dateOfBirth,
      String received,
      String requester,
      String primaryNeed) {
    Map<String, Object> request = new HashMap<>();
    request.put("childId", childId);
    request.put("childName", name);
    request.put("dateOfBirth", dateOfBirth);
    request.put("requestReceivedDate", received);
    request.put("requester", requester);
    request.put("parentEmail", PARENT);
    if (primaryNeed != null) {
      request.put("primaryNeed", primaryNeed);
    }
    return new TestCase(engine, mail)
        .on(received + "T09:00")
        .start(AssessmentProcess.KEY, "EHCNA-" + childId + "-" + received, request);
  }

  private TestCase existingPlan(
      String childId, String name, String dateOfBirth, String planIssued, String setting) {
    Map<String, Object> plan = new HashMap<>();
    plan.put("childId", childId);
    plan.put("childName", name);
    plan.put("dateOfBirth", dateOfBirth);
    plan.put("parentEmail", PARENT);
    plan.put("planIssuedDate", planIssued);
    plan.put("namedSetting", setting);
    return new TestCase(engine, mail)
        .on(planIssued + "T10:00")
        .start(AnnualReviewProcess.KEY, "AR-" + childId + "-" + planIssued, plan);
  }

  private static Map<String, Object> panelEvidence() {
    return Map.of(
        "graduatedApproachCycles",
        2,
        "progressDespiteSupport",
        false,
        "needsAcrossEducationHealthCare",
        false,
        "evidenceSummary",
        "School reports");
  }

  private void decideWhetherToAssess(TestCase c, String decision) {
    c.complete(PREPARE_CASE_FOR_PANEL, panelEvidence());
    c.complete(
        DECIDE_WHETHER_TO_ASSESS,
        Map.of("assessDecision", decision, "assessDecisionReason", "Panel's reasons"));
  }

  private void allAdvisersReply(TestCase c) {
    for (Task advice : c.tasks(GIVE_ADVICE)) {
      engine.getTaskService().complete(advice.getId(), Map.of("adviceSummary", "Advice given"));
    }
    c.runJobs();
  }

  private void decideToIssue(TestCase c) {
    c.complete(
        CONSIDER_ADVICE,
        Map.of(
            "provisionBeyondSetting",
            true,
            "needsAcrossEducationHealthCare",
            false,
            "progressWithSenSupport",
            false));
    c.complete(
        DECIDE_WHETHER_TO_ISSUE,
        Map.of("issueDecision", "issue", "issueDecisionReason", "Necessary"));
  }

  private static Map<String, Object> draftSections() {
    Map<String, Object> sections = new HashMap<>();
    for (String section : new String[] {"sectionA", "sectionB", "sectionE", "sectionF"}) {
      sections.put(section, "Text of " + section);
    }
    return sections;
  }

  private static Map<String, Object> reviewReport(boolean stillNeedsPlan) {
    return Map.of(
        "reviewReport",
        "Progress reviewed",
        "needsChanged",
        false,
        "outcomesStillAppropriate",
        true,
        "stillNeedsPlan",
        stillNeedsPlan);
  }

  // --- The return
  // ---------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(
      strings = {"person", "requests", "assessments", "named-plans", "active-plans", "reviews"})
  void each_module_of_the_2027_return_matches_the_expected_file_row_by_row(String module)
      throws IOException {
    ResponseEntity<byte[]> response =
        http.withBasicAuth("manager", "demo")
            .getForEntity(SEN2 + "/" + module + ".csv?year=2027", byte[].class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(
            response
                .getHeaders()
                .getContentType()
                .isCompatibleWith(MediaType.parseMediaType("text/csv")))
        .isTrue();
    assertThat(response.getHeaders().getContentType().getCharset())
        .isEqualTo(StandardCharsets.UTF_8);
    assertThat(response.getHeaders().getContentDisposition().getFilename())
        .isEqualTo("sen2-2027-" + module + ".csv");
    String csv = new String(response.getBody(), StandardCharsets.UTF_8);
    assertThat(csv).endsWith("\r\n");
    assertThat(csv.replace("\r\n", "")).as("every line ends with CRLF").doesNotContain("\n");
    assertThat(lines(csv)).containsExactlyElementsOf(expected(module));
  }

  @Test
  void the_2026_return_holds_the_2025_refusal_and_the_plans_active_on_its_census_date() {
    assertThat(Sen2Period.of(2026).censusDate()).isEqualTo(LocalDate.of(2026, 1, 15));
    assertThat(Sen2Period.of(2027).censusDate()).isEqualTo(LocalDate.of(2027, 1, 21));

    List<String> requests = lines(get("admin", SEN2 + "/requests.csv?year=2026").getBody());
    assertThat(requests).hasSize(2);
    assertThat(requests.get(1))
        .isEqualTo("S2-X,EHCNA-S2-X-2025-10-06,2025-10-06,parent,N,2025-11-03,,0,N");

    List<String> active = lines(get("admin", SEN2 + "/active-plans.csv?year=2026").getBody());
    assertThat(active)
        .containsExactly(
            expected("active-plans").get(0),
            "S2-F,AR-S2-F-2025-06-02,,Hillside Primary,,",
            "S2-G,AR-S2-G-2025-07-01,,Kingsway College,,",
            "S2-I,AR-S2-I-2025-09-01,,Oak Primary,,");
  }

  @Test
  void the_return_is_as_it_stood_on_the_census_date_which_may_be_given() {
    // On the 2026 census date (15 January 2026) George's plan was in force and Daniel's not yet
    // issued.
    List<String> onCensus = lines(get("manager", SEN2 + "/named-plans.csv?year=2026").getBody());
    assertThat(onCensus)
        .contains("S2-G,AR-S2-G-2025-07-01,,2025-07-01,,")
        .noneMatch(row -> row.startsWith("S2-D,"))
        .as("a plan known only from its cease case, started after the census date")
        .noneMatch(row -> row.startsWith("S2-J,"));
    // Asked as at 31 December 2026, the same return sees the plan ceased and Daniel's plan issued.
    List<String> yearEnd =
        lines(get("manager", SEN2 + "/named-plans.csv?year=2026&censusDate=2026-12-31").getBody());
    assertThat(yearEnd)
        .contains("S2-G,AR-S2-G-2025-07-01,,2025-07-01,2026-09-02,3")
        .contains("S2-J,CP-S2-J-2026-02-16,,,2026-05-05,2")
        .anyMatch(row -> row.startsWith("S2-D,AR-S2-D-2026-05-20,"));

    ResponseEntity<String> outside =
        get("manager", SEN2 + "/named-plans.csv?year=2027&censusDate=2026-09-01");
    assertThat(outside.getStatusCode())
        .as("a census date outside the reporting year")
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(outside.getBody()).contains("censusDate:");
  }

  @Test
  void
      the_xml_nests_each_persons_requests_assessments_and_plans_and_says_which_names_are_provisional()
          throws Exception {
    ResponseEntity<String> response = get("manager", SEN2 + ".xml?year=2027");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_XML))
        .isTrue();
    assertThat(response.getBody()).contains("PROVISIONAL");

    Document xml =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(response.getBody().getBytes(StandardCharsets.UTF_8)));
    assertThat(text(xml.getDocumentElement(), "ReferenceDate")).isEqualTo("2027-01-21");
    NodeList people = xml.getElementsByTagName("Person");
    assertThat(people.getLength()).isEqualTo(11);

    Element daniel = person(people, "S2-D");
    Element request = (Element) daniel.getElementsByTagName("Requests").item(0);
    assertThat(text(request, "ReceivedDate")).isEqualTo("2026-01-05");
    assertThat(text(request, "RequestOutcome")).isEqualTo("Y");
    assertThat(text(request, "AssessmentOutcomeDate")).isEqualTo("2026-05-20");
    assertThat(text(request, "StartDate")).isEqualTo("2026-05-20");
    assertThat(text(request, "SENtype")).isEqualTo("ASD");
    assertThat(text(request, "SENtypeRank")).isEqualTo("1");

    Element fatima = person(people, "S2-F");
    assertThat(text(fatima, "RequestOutcome"))
        .as("an imported plan hangs from a historical request")
        .isEqualTo("H");
    assertThat(text(fatima, "LastReview")).isEqualTo("2026-05-29");
    assertThat(text(fatima, "ReviewDecision")).isEqualTo("maintain");

    Element erin = person(people, "S2-E");
    assertThat(text(erin, "ChildName")).isEqualTo("O'Brien, Erin");
    assertThat(text(erin, "NamedSetting")).isEqualTo("Beech \"Upper\" Academy, Bury");
    assertThat(text(erin, "Week20")).isEqualTo("1");
  }

  // --- Access
  // ---------------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"senco", "health", "caseworker"})
  void partners_and_caseworkers_are_refused_with_a_message(String user) {
    ResponseEntity<String> csv = get(user, SEN2 + "/person.csv?year=2027");
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON))
        .isTrue();
    assertThat(csv.getBody()).contains("\"message\"").contains("la-manager");
    assertThat(get(user, SEN2 + ".xml?year=2027").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void without_credentials_the_answer_is_401() {
    assertThat(http.getForEntity(SEN2 + "/person.csv?year=2027", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity(SEN2 + ".xml?year=2027", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void an_unknown_module_is_404_and_a_missing_or_bad_year_400_each_with_a_message() {
    ResponseEntity<String> unknown = get("manager", SEN2 + "/placements.csv?year=2027");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getBody()).contains("placements").contains("active-plans");

    ResponseEntity<String> noYear = get("admin", SEN2 + "/person.csv");
    assertThat(noYear.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noYear.getBody()).contains("year: is required");

    ResponseEntity<String> badYear = get("admin", SEN2 + ".xml?year=twenty");
    assertThat(badYear.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badYear.getBody()).contains("year:");
  }

  @Test
  void csv_fields_with_a_comma_quote_or_line_break_are_quoted_with_quotes_doubled() {
    assertThat(Sen2Csv.field("Oak Hill School")).isEqualTo("Oak Hill School");
    assertThat(Sen2Csv.field("O'Brien, Erin")).isEqualTo("\"O'Brien, Erin\"");
    assertThat(Sen2Csv.field("Beech \"Upper\"")).isEqualTo("\"Beech \"\"Upper\"\"\"");
    assertThat(Sen2Csv.field("Brook School\r\n(hospital site)"))
        .isEqualTo("\"Brook School\r\n(hospital site)\"");
    assertThat(Sen2Csv.field("line\nbreak")).isEqualTo("\"line\nbreak\"");
    assertThat(Sen2Csv.field("")).isEmpty();
  }

  // --- Helpers
  // ------------------------------------------------------------------------------------

  private ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
  }

  private static List<String> lines(String csv) {
    return Arrays.asList(csv.split("\r\n"));
  }

  private static List<String> expected(String module) {
    try (InputStream in = Sen2ExportTest.class.getResourceAsStream("/sen2/" + module + ".csv")) {
      assertThat(in).as("expected file sen2/" + module + ".csv").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Element person(NodeList people, String childId) {
    for (int i = 0; i < people.getLength(); i++) {
      Element person = (Element) people.item(i);
      if (childId.equals(text(person, "ChildId"))) {
        return person;
      }
    }
    throw new AssertionError("no Person " + childId);
  }

  private static String text(Element parent, String tag) {
    NodeList found = parent.getElementsByTagName(tag);
    return found.getLength() == 0 ? null : found.item(0).getTextContent();
  }
}
