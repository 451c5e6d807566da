package org.ehcflow.tasklist;

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
import static org.ehcflow.assessment.AssessmentProcess.Elements.RESPOND_TO_CONSULTATION;
import static org.ehcflow.assessment.AssessmentProcess.Elements.SERVE_DRAFT_PLAN;
import static org.ehcflow.support.TestCase.dueDate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.review.AnnualReviewProcess;
import org.ehcflow.support.browser.FormPage;
import org.junit.jupiter.api.Test;

/**
 * A request for an EHC needs assessment from the start form to the final plan, in a real browser,
 * each step done by the person whose job it is, on the engine clock of spring 2026.
 */
class AssessmentJourneyBrowserTest extends BrowserJourney {

  static final String CHILD = "Maya Browser";
  static final String CHILD_ID = "C-JOURNEY-1";
  static final String PARENT = "parent.browser@example.org";
  static final String BUSINESS_KEY = "EHCNA-" + CHILD_ID + "-2026-01-05";

  /** Which demo user answers each advice request: the contract's group for each adviceType. */
  static final Map<String, String> ADVISER =
      Map.of(
          "educational",
          "senco",
          "medical",
          "health",
          "psychological",
          "ep",
          "social-care",
          "socialcare");

  @Test
  void
      a_request_is_filed_in_tasklist_and_each_partner_does_their_part_until_the_final_plan_is_issued() {
    openBrowser("assessment");
    on("2026-01-05T09:30");

    // The caseworker files the request; a request date in the future is refused with a message
    // naming it.
    tasklist.logInAs("caseworker");
    assertThat(tasklist.filterNames()).contains("My tasks", "SEN caseworkers: my group's tasks");
    FormPage start = tasklist.startForm("EHC needs assessment", "form_requestAssessment");
    start.assertLabelledAndRequiredMarked();
    browser.screenshotWhole("request-assessment", start.root());
    var empty = start.emptyRequiredFields();
    tasklist.pressStart();
    start.assertEachEmptyRequiredFieldExplained(empty);
    browser.screenshot("request-assessment-required");

    Map<String, Object> request = new LinkedHashMap<>();
    request.put("childId", CHILD_ID);
    request.put("childName", CHILD);
    request.put("dateOfBirth", "2016-03-14");
    request.put("requestReceivedDate", "2026-01-12");
    request.put("requester", "parent");
    request.put("parentEmail", PARENT);
    request.put("settingEmail", "senco@hillside.example");
    request.put("yearGroup", 4);
    start.fill(request);
    browser.screenshot("request-assessment-before-start");
    tasklist.pressStart();
    assertThat(tasklist.startRefusal())
        .as("one sentence naming the field by its label")
        .contains("Date the council received the request must not be in the future")
        .doesNotContain("requestReceivedDate")
        .doesNotContain("at org.");
    browser.screenshot("request-assessment-future-date-refused");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .variableValueEquals("childId", CHILD_ID)
                .count())
        .as("a refused request leaves nothing behind")
        .isZero();

    start.fill("requestReceivedDate", "2026-01-05");
    tasklist.pressStart();
    tasklist.awaitStarted();
    ProcessInstance started =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(AssessmentProcess.KEY)
            .processInstanceBusinessKey(BUSINESS_KEY)
            .singleResult();
    assertThat(started).as("the request filed in Tasklist").isNotNull();
    caseId = started.getId();
    runJobs();
    assertThat(variable("decisionToAssessDue")).isEqualTo("2026-02-16");
    assertThat(variable("finalPlanDue")).isEqualTo("2026-05-25");
    assertThat(variable("yearGroup")).isEqualTo(4);

    // The caseworker gathers the evidence for the panel.
    on("2026-02-02T10:00");
    work(
        "caseworker",
        PREPARE_CASE_FOR_PANEL,
        CHILD,
        Map.of(
            "graduatedApproachCycles",
            3,
            "evidenceSummary",
            "Two SEN support plans; speech and language report"),
        "prepare-case-for-panel");

    // The panel finds the decision in its filter, with the decision table's recommendation, and
    // decides.
    Task decision = openTask(DECIDE_WHETHER_TO_ASSESS);
    assertThat(dueDate(decision)).isEqualTo("2026-02-16");
    FormPage panelForm = findTask("panel", decision, CHILD, "decide-whether-to-assess");
    assertThat(panelForm.shown("assessRecommendation")).isEqualTo("Assess");
    assertThat(panelForm.shown("assessRecommendationReason"))
        .isEqualTo(variable("assessRecommendationReason"))
        .isNotBlank();
    assertThat(panelForm.shown("decisionToAssessDue")).isEqualTo("16/02/2026");
    claimCheckAndComplete(
        panelForm,
        decision,
        Map.of(
            "assessDecision",
            "assess",
            "assessDecisionReason",
            "Evidence of needs the setting cannot meet from its own resources"),
        "decide-whether-to-assess");
    assertThat(variable("requestOutcome")).isEqualTo("Y");

    work("caseworker", PLAN_ADVICE_REQUESTS, CHILD, Map.of(), "plan-advice-requests");

    // Each adviser finds their own request in their own filter and gives advice.
    List<Task> adviceTasks = openTasks(GIVE_ADVICE);
    Map<String, String> groups = new LinkedHashMap<>();
    for (Task advice : adviceTasks) {
      groups.put(
          (String) engine.getTaskService().getVariableLocal(advice.getId(), "adviceType"),
          candidateGroup(advice));
      assertThat(dueDate(advice))
          .as("advice due 6 weeks after the request to the adviser")
          .isEqualTo("2026-03-16");
    }
    assertThat(groups)
        .containsEntry("educational", "education-setting")
        .containsEntry("medical", "health")
        .containsEntry("psychological", "educational-psychology")
        .containsEntry("social-care", "social-care");
    on("2026-03-09T10:00");
    for (Task advice : adviceTasks) {
      String adviceType =
          (String) engine.getTaskService().getVariableLocal(advice.getId(), "adviceType");
      String user = ADVISER.get(adviceType);
      if (user == null) {
        continue;
      }
      FormPage adviceForm = findTask(user, advice, CHILD, "give-advice-" + adviceType);
      assertThat(adviceForm.shown("adviceDue")).isEqualTo("16/03/2026");
      claimCheckAndComplete(
          adviceForm,
          advice,
          Map.of("adviceSummary", "Advice of the " + user + " service"),
          "give-advice-" + adviceType);
    }
    // Any further adviser the tables asked for replies outside this journey.
    for (Task other : openTasks(GIVE_ADVICE)) {
      engine.getTaskService().complete(other.getId(), Map.of("adviceSummary", "Further advice"));
    }
    runJobs();

    on("2026-03-16T10:00");
    work(
        "caseworker",
        CONSIDER_ADVICE,
        CHILD,
        Map.of(
            "provisionBeyondSetting",
            true,
            "adviceConclusion",
            "Provision beyond the setting's resources is needed"),
        "consider-advice");
    Task issue = openTask(DECIDE_WHETHER_TO_ISSUE);
    FormPage issueForm = findTask("panel", issue, CHILD, "decide-whether-to-issue");
    claimCheckAndComplete(
        issueForm,
        issue,
        Map.of("issueDecision", "issue", "issueDecisionReason", "A plan is necessary"),
        "decide-whether-to-issue");

    on("2026-03-30T10:00");
    work(
        "caseworker",
        DRAFT_PLAN,
        CHILD,
        Map.of(
            "sectionA",
            "Maya loves drawing",
            "sectionB",
            "Speech and language",
            "sectionE",
            "Speaks in short sentences by July",
            "sectionF",
            "Weekly therapy"),
        "draft-plan");
    on("2026-04-01T10:00");
    work(
        "caseworker",
        SERVE_DRAFT_PLAN,
        CHILD,
        Map.of("draftServedDate", "2026-04-01"),
        "serve-draft-plan");
    assertThat(variable("commentWindowEnds")).isEqualTo("2026-04-15");
    assertThat(dueDate(openTask(RECORD_PARENT_RESPONSE))).isEqualTo("2026-04-15");

    // The manager finds the case in Cockpit, waiting for the parent's response.
    cockpit.logInAs("manager").openProcess("EHC needs assessment").openCase(BUSINESS_KEY);
    assertThat(cockpit.positionMarker(RECORD_PARENT_RESPONSE).getText()).isEqualTo("1");
    // Cockpit lists the task by its activity, as the diagram names it (the task's own name
    // carries the child as well).
    String waitingIn =
        engine
            .getRepositoryService()
            .getBpmnModelInstance(openTask(RECORD_PARENT_RESPONSE).getProcessDefinitionId())
            .getModelElementById(RECORD_PARENT_RESPONSE)
            .getAttributeValue("name");
    cockpit.openTaskListed(waitingIn);
    browser.screenshot("cockpit-case-position");

    on("2026-04-10T10:00");
    work(
        "caseworker",
        RECORD_PARENT_RESPONSE,
        CHILD,
        Map.of(
            "parentComments",
            "Happy with sections B and F",
            "preferredSetting",
            "Oak Hill School",
            "preferredSettingEmail",
            "office@oakhill.example"),
        "record-parent-response");
    work(
        "senco",
        RESPOND_TO_CONSULTATION,
        CHILD,
        Map.of("consultationResponse", "can-meet-needs"),
        "respond-to-consultation");

    on("2026-05-20T10:00");
    Task finalPlan = openTask(ISSUE_FINAL_PLAN);
    assertThat(dueDate(finalPlan)).isEqualTo("2026-05-25");
    work(
        "caseworker",
        ISSUE_FINAL_PLAN,
        CHILD,
        Map.of(
            "finalPlanIssuedDate",
            "2026-05-20",
            "namedSetting",
            "Oak Hill School",
            "namedSettingEmail",
            "office@oakhill.example"),
        "issue-final-plan");

    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(caseId)
                .count())
        .as("the assessment ended")
        .isZero();
    assertThat(passed(AssessmentProcess.Elements.END_PLAN_ISSUED)).isTrue();
    assertThat(passed(AssessmentProcess.Elements.NOTIFY_MANAGERS_FINAL_PLAN_LATE))
        .as("on time")
        .isFalse();
    assertThat(variable("assessmentOutcome")).isEqualTo("Y");
    assertThat(variable("namedSetting")).isEqualTo("Oak Hill School");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(AnnualReviewProcess.KEY)
                .processInstanceBusinessKey("AR-" + CHILD_ID + "-2026-05-20")
                .count())
        .as("the first annual review")
        .isOne();
    assertThat(subjectsTo(PARENT))
        .as("considering, decision to assess, draft, final plan")
        .hasSize(4);
  }

  private String candidateGroup(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .findFirst()
        .orElse(null);
  }
}
