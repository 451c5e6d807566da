package org.ehcflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcflow.reassessment.ReassessmentProcess.Elements.DECIDE_WHETHER_TO_REASSESS;
import static org.ehcflow.support.TestCase.dueDate;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.reassessment.ReassessmentProcess;
import org.ehcflow.support.browser.FormPage;
import org.junit.jupiter.api.Test;

/**
 * A caseworker registers a parent's request to re-assess from Tasklist's start form, and answers it
 * from their group's list: the refusal goes to the parent.
 */
class ReassessmentJourneyBrowserTest extends BrowserJourney {

  static final String CHILD = "Theo Request";
  static final String PARENT = "parent.theo@example.org";
  static final String BUSINESS_KEY = "REASSESS-C-JOURNEY-9-2027-01-04";

  @Test
  void a_caseworker_registers_a_request_to_reassess_and_refuses_it_within_fifteen_days() {
    openBrowser("reassessment");
    on("2027-01-04T11:00");

    tasklist.logInAs("caseworker");
    FormPage start = tasklist.startForm("Re-assessment of a plan", "form_requestReassessment");
    start.assertLabelledAndRequiredMarked();
    browser.screenshotWhole("request-reassessment", start.root());
    var empty = start.emptyRequiredFields();
    tasklist.pressStart();
    start.assertEachEmptyRequiredFieldExplained(empty);

    Map<String, Object> request = new LinkedHashMap<>();
    request.put("childId", "C-JOURNEY-9");
    request.put("childName", CHILD);
    request.put("dateOfBirth", "2014-02-20");
    request.put("parentEmail", PARENT);
    request.put("requestReceivedDate", "2027-01-04");
    request.put("reassessmentRequestedBy", "parent");
    request.put(
        "reassessmentRequestReason",
        "Theo has been excluded twice this term; the parent asks for new advice");
    // A last assessment after the request: refused by the server, naming the field by its label.
    request.put("lastAssessedDate", "2027-01-05");
    start.fill(request);
    tasklist.pressStart();
    assertThat(tasklist.startRefusal())
        .contains("is after the request was received")
        .doesNotContain("lastAssessedDate")
        .doesNotContain("at org.");
    browser.screenshot("request-reassessment-refused");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(ReassessmentProcess.KEY)
                .processInstanceBusinessKey(BUSINESS_KEY)
                .count())
        .as("a refused start leaves nothing behind")
        .isZero();

    start.fill("lastAssessedDate", "2026-10-01");
    tasklist.pressStart();
    tasklist.awaitStarted();
    ProcessInstance started =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(ReassessmentProcess.KEY)
            .processInstanceBusinessKey(BUSINESS_KEY)
            .singleResult();
    assertThat(started).isNotNull();
    caseId = started.getId();
    runJobs();
    assertThat(variable("reassessmentRecommendation")).isEqualTo("may-refuse");

    on("2027-01-12T10:00");
    Task decide = openTask(DECIDE_WHETHER_TO_REASSESS);
    assertThat(dueDate(decide)).isEqualTo("2027-01-19");
    FormPage form = findTask("caseworker", decide, CHILD, "decide-whether-to-reassess");
    assertThat(form.root().getText())
        .contains("Theo has been excluded twice this term")
        .contains("01/10/2026", "19/01/2027")
        .contains("The council may refuse");
    claimCheckAndComplete(
        form,
        decide,
        Map.of(
            "reassessDecision",
            "refuse",
            "reassessDecisionReason",
            "The plan was re-assessed in October; the school will hold an early review instead",
            "reassessDecisionDate",
            "2027-01-12"),
        "decide-whether-to-reassess");

    assertThat(variable("reassessmentOutcome")).isEqualTo("refused");
    assertThat(subjectsTo(PARENT))
        .singleElement()
        .asString()
        .contains("no re-assessment")
        .contains(CHILD);
  }
}
