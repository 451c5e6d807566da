package org.ehcflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcflow.review.AnnualReviewProcess.Elements.AMEND_PLAN;
import static org.ehcflow.review.AnnualReviewProcess.Elements.ARRANGE_MEETING;
import static org.ehcflow.review.AnnualReviewProcess.Elements.CIRCULATE_ADVICE;
import static org.ehcflow.review.AnnualReviewProcess.Elements.DECIDE_OUTCOME;
import static org.ehcflow.review.AnnualReviewProcess.Elements.SEND_MAINTAIN_DECISION;
import static org.ehcflow.review.AnnualReviewProcess.Elements.SUBMIT_REPORT;
import static org.ehcflow.support.TestCase.dueDate;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.review.AnnualReviewProcess;
import org.ehcflow.support.browser.FormPage;
import org.junit.jupiter.api.Test;

/**
 * An annual review started by hand in Tasklist, hosted by the child's school (the SENCo arranges
 * the meeting, circulates advice and sends the report), decided by the caseworker with the decision
 * table's recommendation in front of them, and watched by a manager in Cockpit.
 */
class AnnualReviewJourneyBrowserTest extends BrowserJourney {

  static final String CHILD = "Noah Review";
  static final String CHILD_ID = "C-JOURNEY-2";
  static final String PARENT = "parent.review@example.org";
  static final String BUSINESS_KEY = "AR-" + CHILD_ID + "-2025-11-20";

  @Test
  void
      a_review_started_in_tasklist_is_hosted_by_the_school_and_the_plan_maintained_by_the_caseworker() {
    openBrowser("annual-review");
    on("2026-09-14T10:00");

    tasklist.logInAs("caseworker");
    FormPage start = tasklist.startForm("EHC plan annual review", "form_startAnnualReview");
    start.assertLabelledAndRequiredMarked();
    browser.screenshotWhole("start-annual-review", start.root());
    var empty = start.emptyRequiredFields();
    tasklist.pressStart();
    start.assertEachEmptyRequiredFieldExplained(empty);
    browser.screenshot("start-annual-review-required");

    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("childId", CHILD_ID);
    plan.put("childName", CHILD);
    plan.put("dateOfBirth", "2015-05-02");
    plan.put("parentEmail", PARENT);
    plan.put("planIssuedDate", "2026-11-20");
    plan.put("yearGroup", 6);
    plan.put("namedSetting", "Hillside Primary");
    start.fill(plan);
    tasklist.pressStart();
    assertThat(tasklist.startRefusal())
        .as("one sentence naming the field by its label")
        .contains("Date the plan was issued must not be in the future")
        .doesNotContain("planIssuedDate")
        .doesNotContain("at org.");
    browser.screenshot("start-annual-review-future-date-refused");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .variableValueEquals("childId", CHILD_ID)
                .count())
        .as("a refused start leaves nothing behind")
        .isZero();

    start.fill("planIssuedDate", "2025-11-20");
    tasklist.pressStart();
    tasklist.awaitStarted();
    ProcessInstance started =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(AnnualReviewProcess.KEY)
            .processInstanceBusinessKey(BUSINESS_KEY)
            .singleResult();
    assertThat(started)
        .as("the review started in Tasklist, keyed by child and plan date")
        .isNotNull();
    caseId = started.getId();
    runJobs();
    assertThat(variable("reviewDue")).isEqualTo("2026-11-19");
    assertThat(variable("preparationOpens")).isEqualTo("2026-09-10");

    // The school hosts the review: the SENCo arranges the meeting...
    Task arrange = openTask(ARRANGE_MEETING);
    assertThat(dueDate(arrange)).isEqualTo("2026-11-19");
    work(
        "senco",
        ARRANGE_MEETING,
        CHILD,
        Map.of("reviewMeetingDate", "2026-11-02"),
        "arrange-review-meeting");
    assertThat(variable("reviewReportDue")).isEqualTo("2026-11-16");
    assertThat(variable("reviewDecisionDue")).isEqualTo("2026-11-30");
    assertThat(dueDate(openTask(CIRCULATE_ADVICE))).isEqualTo("2026-10-19");

    // ...circulates the advice two weeks before it...
    on("2026-10-15T10:00");
    work(
        "senco",
        CIRCULATE_ADVICE,
        CHILD,
        Map.of(
            "adviceCirculatedDate",
            "2026-10-15",
            "adviceCirculationNote",
            "Advice from the speech and language therapist"),
        "circulate-review-advice");

    // ...and sends the report after it.
    on("2026-11-02T00:00");
    assertThat(dueDate(openTask(SUBMIT_REPORT))).isEqualTo("2026-11-16");
    on("2026-11-10T10:00");
    work(
        "senco",
        SUBMIT_REPORT,
        CHILD,
        Map.of(
            "reviewReport",
            "Good progress in reading and writing",
            "outcomesStillAppropriate",
            true,
            "stillNeedsPlan",
            true),
        "submit-review-report");
    assertThat(variable("reviewRecommendation")).isEqualTo("maintain");

    // The manager sees the review waiting for the caseworker's decision.
    cockpit.logInAs("manager").openProcess("EHC plan annual review").openCase(BUSINESS_KEY);
    assertThat(cockpit.positionMarker(DECIDE_OUTCOME).getText()).isEqualTo("1");
    browser.screenshot("cockpit-review-position");

    on("2026-11-20T10:00");
    Task decision = openTask(DECIDE_OUTCOME);
    assertThat(dueDate(decision)).isEqualTo("2026-11-30");
    FormPage decide = findTask("caseworker", decision, CHILD, "decide-review-outcome");
    assertThat(decide.shown("reviewRecommendation")).isEqualTo("Maintain");
    assertThat(decide.root().getText())
        .as("the report, shown from the case")
        .contains("Good progress in reading and writing")
        .contains("Advice from the speech and language therapist");
    claimCheckAndComplete(
        decide,
        decision,
        Map.of(
            "reviewDecision",
            "maintain",
            "reviewDecisionReason",
            "The plan still meets Noah's needs",
            "reviewDecisionDate",
            "2026-11-20"),
        "decide-review-outcome");

    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(caseId)
                .count())
        .as("the review ended")
        .isZero();
    assertThat(passed(SEND_MAINTAIN_DECISION)).isTrue();
    assertThat(passed(AMEND_PLAN)).isFalse();
    ProcessInstance next =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(AnnualReviewProcess.KEY)
            .processInstanceBusinessKey("AR-" + CHILD_ID + "-2026-11-20")
            .singleResult();
    assertThat(next).as("the next review").isNotNull();
    assertThat(engine.getRuntimeService().getVariable(next.getId(), "reviewDue"))
        .isEqualTo("2027-11-19");
    assertThat(subjectsTo(PARENT)).as("invitation, decision").hasSize(2);
  }
}
