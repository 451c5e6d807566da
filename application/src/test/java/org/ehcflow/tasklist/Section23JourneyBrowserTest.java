package org.ehcflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcflow.section23.Section23Process.Elements.TRIAGE;
import static org.ehcflow.support.TestCase.dueDate;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.section23.Section23Process;
import org.ehcflow.support.browser.FormPage;
import org.junit.jupiter.api.Test;

/**
 * A health visitor notifies the council under section 23 from Tasklist's start form, the early
 * years team triages it with the decision table's recommendation, and a manager finds it in
 * Cockpit; considering an assessment starts one with the child's details.
 */
class Section23JourneyBrowserTest extends BrowserJourney {

  static final String CHILD = "Isla Notified";
  static final String NOTIFIER = "hv.jones@community-health.example";
  static final String BUSINESS_KEY = "S23-9434765919-2026-03-10";

  @Test
  void health_notifies_in_tasklist_and_early_years_triage_it_to_an_assessment() {
    openBrowser("section-23");
    on("2026-03-10T11:00");

    tasklist.logInAs("health");
    FormPage start = tasklist.startForm("Section 23 notification", "form_notifySection23");
    start.assertLabelledAndRequiredMarked();
    browser.screenshotWhole("notify-section-23", start.root());
    var empty = start.emptyRequiredFields();
    tasklist.pressStart();
    start.assertEachEmptyRequiredFieldExplained(empty);
    browser.screenshot("notify-section-23-required");

    // A number too short to be an NHS number is caught by the form itself, in words.
    start.fill("nhsNumber", "94347");
    String nhsHint = "Field must have minimum length of 10.";
    assertThat(start.errorUnder("nhsNumber", nhsHint)).isEqualTo(nhsHint);
    browser.screenshot("notify-section-23-nhs-number-hint");

    Map<String, Object> notification = new LinkedHashMap<>();
    notification.put("childName", CHILD);
    notification.put("dateOfBirth", "2024-06-15");
    notification.put("nhsNumber", "943 476 5919");
    notification.put("notifyingBody", "Community Health NHS Trust");
    notification.put("notificationDate", "2026-03-10");
    notification.put("notifierName", "Hannah Jones, health visitor");
    notification.put("notifierEmail", NOTIFIER);
    notification.put("concern", "Global developmental delay; little speech at 20 months");
    notification.put("concernLevel", "significant");
    // The parent is told after the notification: refused by the server, naming the rule.
    notification.put("parentInformedDate", "2026-03-11");
    notification.put("parentOfferedDiscussion", true);
    notification.put("voluntaryOrganisationsInfoGiven", true);
    notification.put("parentEmail", "parent.isla@example.org");
    start.fill(notification);
    tasklist.pressStart();
    assertThat(tasklist.startRefusal())
        .as("one sentence naming the field by its label")
        .contains(
            "Date you told the parent of your opinion and that you are notifying the council: the"
                + " parent must be told on or before the notification date")
        .doesNotContain("parentInformedDate")
        .doesNotContain("at org.");
    browser.screenshot("notify-section-23-parent-not-yet-told-refused");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(Section23Process.KEY)
                .count())
        .as("a refused notification leaves nothing behind")
        .isZero();

    start.fill("parentInformedDate", "2026-03-09");
    tasklist.pressStart();
    tasklist.awaitStarted();
    ProcessInstance started =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(Section23Process.KEY)
            .processInstanceBusinessKey(BUSINESS_KEY)
            .singleResult();
    assertThat(started).as("the notification, keyed by NHS number and date").isNotNull();
    caseId = started.getId();
    runJobs();
    assertThat(subjectsTo(NOTIFIER)).as("acknowledgement").hasSize(1);

    Task triage = openTask(TRIAGE);
    String triageDue = dueDate(triage);
    assertThat(triageDue).isEqualTo(variable("triageDue"));

    // The manager finds the notification waiting for triage.
    cockpit.logInAs("manager").openProcess("Section 23 notification").openCase(BUSINESS_KEY);
    assertThat(cockpit.positionMarker(TRIAGE).getText()).isEqualTo("1");
    browser.screenshot("cockpit-notification-position");

    on("2026-03-20T10:00");
    FormPage triageForm = findTask("earlyyears", triage, CHILD, "triage-notification");
    assertThat(triageForm.shown("triageRecommendation"))
        .isEqualTo("Consider an EHC needs assessment");
    assertThat(triageForm.shown("notifyingBody")).isEqualTo("Community Health NHS Trust");
    claimCheckAndComplete(
        triageForm,
        triage,
        Map.of("triageOutcome", "consider-ehc-assessment", "childId", "C-JOURNEY-3"),
        "triage-notification");

    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(caseId)
                .count())
        .as("the notification ended")
        .isZero();
    assertThat(variable("triageOutcome")).isEqualTo("consider-ehc-assessment");
    ProcessInstance assessment =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(AssessmentProcess.KEY)
            .variableValueEquals("childId", "C-JOURNEY-3")
            .singleResult();
    assertThat(assessment).as("the assessment it started").isNotNull();
    assertThat(engine.getRuntimeService().getVariable(assessment.getId(), "requestReceivedDate"))
        .isEqualTo("2026-03-20");
    assertThat(engine.getRuntimeService().getVariable(assessment.getId(), "decisionToAssessDue"))
        .isEqualTo("2026-05-01");
  }
}
