package org.ehcflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcflow.assessment.AssessmentProcess.Elements.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.casefile.SampleDocuments;
import org.ehcflow.disagreement.DisagreementProcess;
import org.ehcflow.reassessment.ReassessmentProcess;
import org.ehcflow.review.AnnualReviewProcess;
import org.ehcflow.support.browser.FormPage;
import org.ehcflow.vocabulary.Pathways;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 22, "each task shows its evidence": a case is driven through the engine to each decision
 * and drafting task, and each is opened in the real Tasklist by the person who works it, who must
 * see there what the earlier steps produced (the advice, the draft plan, the review report) without
 * leaving the task. The screenshots are the ones in docs/forms.
 */
class EvidenceFormsBrowserTest extends BrowserJourney {

  static final String CHILD = "Maya Evidence";
  static final String CHILD_ID = "C-EVIDENCE-1";

  static final String EDUCATIONAL =
      "Maya needs adult help to start and stay on written tasks. She reads at about a Year 2 "
          + "level. The school has run two cycles of SEN support with a daily reading intervention; progress has been slow.";
  static final String MEDICAL =
      "Diagnosed with developmental language disorder in 2024. No medication. Needs a speech and "
          + "language therapy programme, reviewed each term by the NHS therapist.";
  static final String SOCIAL_CARE =
      "Known to early help in 2023; no current social care involvement. The family would "
          + "welcome short breaks information.";
  static final String PSYCHOLOGICAL =
      "Verbal reasoning in the average range; working memory well below it. Recommends "
          + "small-group teaching for literacy, instructions broken into steps, and a daily check-in with a key adult.";
  static final String SECTION_B =
      "Maya has a developmental language disorder and difficulties with working memory, which "
          + "affect her reading, writing and following instructions.";
  static final String SECTION_F =
      "Daily small-group literacy teaching of 30 minutes by a trained teaching assistant; a "
          + "speech and language therapy programme delivered three times a week.";

  /**
   * Who answers each advice request, by the contract's group for each adviceType, and what they
   * write.
   */
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

  static final Map<String, String> ADVICE =
      Map.of(
          "educational",
          EDUCATIONAL,
          "medical",
          MEDICAL,
          "psychological",
          PSYCHOLOGICAL,
          "social-care",
          SOCIAL_CARE);

  @Test
  void each_decision_and_drafting_form_shows_in_tasklist_what_the_earlier_steps_produced_for_it() {
    openBrowser("evidence-forms");
    on("2026-01-05T09:30");
    caseId =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(AssessmentProcess.KEY, "EHCNA-" + CHILD_ID, request())
            .getId();
    runJobs();
    on("2026-02-02T10:00");
    completeAs(
        "caseworker",
        PREPARE_CASE_FOR_PANEL,
        Map.of(
            "graduatedApproachCycles",
            2,
            "evidenceSummary",
            "Two SEN support plans; speech and language report"));
    completeAs(
        "panel",
        DECIDE_WHETHER_TO_ASSESS,
        Map.of(
            "assessDecision",
            "assess",
            "assessDecisionReason",
            "Needs the setting cannot meet from its own resources"));
    completeAs("caseworker", PLAN_ADVICE_REQUESTS, Map.of());

    // Three advisers reply in time; the educational psychologist four days after the due date.
    on("2026-03-09T10:00");
    giveAdvice(type -> !"psychological".equals(type));
    on("2026-03-20T10:00");
    // The educational psychologist attaches the report to their advice task in Tasklist's "Case
    // file" tab.
    Task epAdvice =
        openTasks(GIVE_ADVICE).stream()
            .filter(
                task ->
                    "psychological"
                        .equals(
                            engine.getTaskService().getVariableLocal(task.getId(), "adviceType")))
            .findFirst()
            .orElseThrow();
    byte[] report = SampleDocuments.pdf("Educational psychology report for Maya Evidence");
    attachInTasklist("ep", epAdvice, "ep-report-maya.pdf", report, "Educational psychology report");
    giveAdvice(type -> true);

    Task consider = openTask(CONSIDER_ADVICE);
    FormPage considerForm = findTask("caseworker", consider, CHILD, "consider-advice");
    assertThat(considerForm.root().getText())
        .contains(PSYCHOLOGICAL, EDUCATIONAL, MEDICAL, SOCIAL_CARE)
        .contains("Psychological advice from an educational psychologist")
        .contains("late (it was due by 16/03/2026)")
        .contains("on time (due by 16/03/2026)")
        .contains("Given by Ep ")
        .contains("20/03/2026")
        .contains("ep-report-maya.pdf");
    // The caseworker takes the task (Tasklist keeps an unclaimed form inert) and opens the report
    // from
    // the advice on the form: the bytes are the ones attached.
    tasklist.claim();
    WebElement link = considerForm.root().findElement(By.linkText("ep-report-maya.pdf"));
    assertThat(openInTheBrowser(link.getAttribute("href")))
        .isEqualTo("200 " + SampleDocuments.sha256(report));
    browser.scrollTo(link);
    link.click();
    openCaseFileTab("consider-advice-case-file");
    assertThat(browser.visible(By.cssSelector(".ehc-case-file-documents")).getText())
        .contains("ep-report-maya.pdf", "Educational psychology report", "ep");
    completeAs(
        "caseworker",
        CONSIDER_ADVICE,
        Map.of(
            "provisionBeyondSetting",
            true,
            "needsAcrossEducationHealthCare",
            true,
            "progressWithSenSupport",
            false,
            "adviceConclusion",
            "All four advisers describe language and working-memory needs that need daily specialist "
                + "teaching the school cannot fund from its own resources."));

    Task issue = openTask(DECIDE_WHETHER_TO_ISSUE);
    FormPage issueForm = findTask("panel", issue, CHILD, "decide-whether-to-issue");
    assertThat(issueForm.root().getText())
        .contains(PSYCHOLOGICAL, EDUCATIONAL, MEDICAL, SOCIAL_CARE)
        .contains("late")
        .contains("ep-report-maya.pdf (Educational psychology report)");
    // The panel decides on the advice, so it reads the advice's documents too.
    assertThat(
            openInTheBrowser(
                issueForm
                    .root()
                    .findElement(By.linkText("ep-report-maya.pdf"))
                    .getAttribute("href")))
        .isEqualTo("200 " + SampleDocuments.sha256(report));
    completeAs(
        "panel",
        DECIDE_WHETHER_TO_ISSUE,
        Map.of("issueDecision", "issue", "issueDecisionReason", "A plan is necessary"));

    on("2026-03-27T10:00");
    Task draft = openTask(DRAFT_PLAN);
    FormPage draftForm = findTask("caseworker", draft, CHILD, "draft-plan");
    assertThat(draftForm.root().getText())
        .contains(PSYCHOLOGICAL, EDUCATIONAL, MEDICAL, SOCIAL_CARE);
    completeAs("caseworker", DRAFT_PLAN, sections());
    on("2026-03-30T10:00");
    completeAs("caseworker", SERVE_DRAFT_PLAN, Map.of("draftServedDate", "2026-03-30"));

    on("2026-04-08T10:00");
    Task response = openTask(RECORD_PARENT_RESPONSE);
    FormPage responseForm = findTask("caseworker", response, CHILD, "record-parent-response");
    assertThat(responseForm.root().getText())
        .contains(SECTION_B, SECTION_F)
        .contains("Nothing in this section")
        .contains("Left blank in a draft");
    completeAs(
        "caseworker",
        RECORD_PARENT_RESPONSE,
        Map.of(
            "parentComments",
            "We agree with sections B and F.",
            "meetingRequested",
            false,
            "preferredSetting",
            "Oak Hill School",
            "preferredSettingEmail",
            "office@oakhill.example"));

    Task consultation = openTask(RESPOND_TO_CONSULTATION);
    FormPage consultationForm = findTask("senco", consultation, CHILD, "respond-to-consultation");
    assertThat(consultationForm.root().getText()).contains(SECTION_B, SECTION_F);

    reviewDecisionShowsTheReportAndTheAdviceCirculated();
  }

  private void reviewDecisionShowsTheReportAndTheAdviceCirculated() {
    // The assessment waits at the consultation; its timers are no part of the review's story.
    caseId = null;
    on("2026-09-14T10:00");
    Map<String, Object> plan = new HashMap<>();
    plan.put("childId", "C-EVIDENCE-2");
    plan.put("childName", "Noah Evidence");
    plan.put("dateOfBirth", "2015-05-02");
    plan.put("parentEmail", "parent.evidence@example.org");
    plan.put("planIssuedDate", "2025-11-20");
    plan.put("namedSetting", "Hillside Primary");
    caseId =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(AnnualReviewProcess.KEY, "AR-C-EVIDENCE-2-2025-11-20", plan)
            .getId();
    runJobs();
    completeAs(
        "senco",
        AnnualReviewProcess.Elements.ARRANGE_MEETING,
        Map.of("reviewMeetingDate", "2026-11-02"));
    on("2026-10-15T10:00");
    String circulated =
        "Advice from the speech and language therapist and the educational psychologist; the "
            + "paediatrician's update is still to come.";
    completeAs(
        "senco",
        AnnualReviewProcess.Elements.CIRCULATE_ADVICE,
        Map.of("adviceCirculatedDate", "2026-10-15", "adviceCirculationNote", circulated));
    on("2026-11-10T10:00");
    String report =
        "Noah has made good progress in reading and now reads at his age level. Writing remains hard "
            + "for him; he needs a scribe for longer pieces.";
    String changes =
        "Section F: reduce reading support to three sessions a week; add touch-typing lessons.";
    completeAs(
        "senco",
        AnnualReviewProcess.Elements.SUBMIT_REPORT,
        Map.of(
            "reviewReport",
            report,
            "needsChanged",
            true,
            "outcomesStillAppropriate",
            false,
            "stillNeedsPlan",
            true,
            "pfaDiscussed",
            false,
            "recommendedChanges",
            changes));

    on("2026-11-16T10:00");
    Task decision = openTask(AnnualReviewProcess.Elements.DECIDE_OUTCOME);
    FormPage decide = findTask("caseworker", decision, "Noah Evidence", "decide-review-outcome");
    assertThat(decide.root().getText())
        .contains(report, changes, circulated)
        .contains("15/10/2026")
        .contains("The child's needs have changed: yes")
        .contains("The outcomes in the plan are still right: no");
  }

  @Test
  void the_reassessment_decision_shows_the_request_the_dates_and_the_published_advice() {
    openBrowser("evidence-reassessment");
    on("2027-01-04T10:00");
    String reason =
        "Zara was diagnosed with a hearing impairment in November and now wears two aids; "
            + "the school says she misses much of what is said in class.";
    Map<String, Object> request = new HashMap<>();
    request.put("childId", "C-EVIDENCE-3");
    request.put("childName", "Zara Evidence");
    request.put("dateOfBirth", "2015-06-01");
    request.put("parentEmail", "parent.zara@example.org");
    request.put("requestReceivedDate", "2027-01-04");
    request.put("reassessmentRequestedBy", "parent");
    request.put("reassessmentRequestReason", reason);
    request.put("needsChangedSinceAssessment", true);
    request.put("lastAssessedDate", "2026-09-10");
    caseId =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(ReassessmentProcess.KEY, request)
            .getId();
    runJobs();

    Task decision = openTask(ReassessmentProcess.Elements.DECIDE_WHETHER_TO_REASSESS);
    FormPage decide =
        findTask("caseworker", decision, "Zara Evidence", "decide-whether-to-reassess");
    assertThat(decide.root().getText())
        .contains(reason)
        .contains("04/01/2027", "19/01/2027", "10/09/2026")
        .contains("under 6 months before this request")
        .contains("describes a change in needs or circumstances");
  }

  @Test
  void the_managers_escalation_shows_when_the_icb_was_due_to_be_told_of_the_mediation() {
    openBrowser("evidence-icb-escalation");
    on("2027-01-20T10:00");
    Map<String, Object> dispute = new HashMap<>();
    dispute.put("childId", "C-EVIDENCE-4");
    dispute.put("childName", "Kofi Evidence");
    dispute.put("parentEmail", "parent.kofi@example.org");
    dispute.put("decisionType", "plan-content");
    dispute.put("decisionLetterDate", "2027-01-19");
    caseId =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(DisagreementProcess.KEY, dispute)
            .getId();
    runJobs();
    on("2027-02-01T10:00");
    engine
        .getRuntimeService()
        .createMessageCorrelation(Pathways.Messages.MEDIATION_REQUESTED)
        .processInstanceId(caseId)
        .setVariable("mediationRequestedDate", "2027-02-01")
        .setVariable("healthInIssue", true)
        .setVariable("mediationIssues", "Speech and language therapy in section F")
        .correlate();
    on("2027-02-05T09:00");

    Task escalation = openTask(DisagreementProcess.Elements.ESCALATE_LATE_ICB_NOTIFICATION);
    FormPage form = findTask("manager", escalation, "Kofi Evidence", "escalate-late-icb");
    assertThat(form.root().getText())
        .contains("integrated care board told of a mediation on health within 3 working days")
        .contains("Mediation requested on", "ICB to be told by", "ICB told on")
        .as("no appeal yet: no response date to show")
        .doesNotContain("Response due");
    assertThat(form.shown("mediationRequestedDate")).isEqualTo("01/02/2027");
    assertThat(form.shown("icbNotificationDue")).isEqualTo("04/02/2027");
    assertThat(form.shown("icbToldDate")).as("not recorded as told").isEmpty();
    assertThat(form.shown("mediationDue")).isEqualTo("03/03/2027");
  }

  /** The person opens the task in Tasklist, its "Case file" tab, and attaches the file there. */
  private void attachInTasklist(String user, Task task, String name, byte[] content, String title) {
    Path file;
    try {
      file = Files.createTempDirectory("ehc-upload").resolve(name);
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    tasklist.logInAs(user).filter(FILTER_OF.get(user));
    tasklist.openTask(task.getName(), CHILD, task.getCamundaFormRef().getKey());
    openCaseFileTab("advice-case-file-empty");
    browser.visible(By.id("ehc-case-file-input")).sendKeys(file.toAbsolutePath().toString());
    browser.visible(By.id("ehc-case-file-title")).sendKeys(title);
    browser.click(By.cssSelector(".ehc-case-file-upload button[type='submit']"));
    browser
        .await()
        .until(
            driver ->
                driver
                    .findElement(By.cssSelector(".ehc-case-file-status"))
                    .getText()
                    .contains(name + " is attached to this task."));
    assertThat(browser.visible(By.cssSelector(".ehc-case-file-documents")).getText())
        .contains(name, title);
    browser.screenshot("advice-case-file-attached");
  }

  private void openCaseFileTab(String shot) {
    browser.click(
        By.xpath(
            "//ul[contains(@class,'nav-tabs')]//a[contains(translate(normalize-space(.),"
                + "'CASEFIL','casefil'),'case file')]"));
    browser.visible(By.cssSelector("section.ehc-case-file"));
    browser
        .await()
        .until(
            driver ->
                !driver
                    .findElements(By.cssSelector(".ehc-case-file-documents, .ehc-case-file-empty"))
                    .isEmpty());
    browser.screenshot(shot);
  }

  /**
   * What the browser gets for a link, in the user's session: the status and the SHA-256 of the
   * body.
   */
  private String openInTheBrowser(String href) {
    return (String)
        browser
            .driver()
            .executeAsyncScript(
                """
        const done = arguments[arguments.length - 1];
        fetch(arguments[0], { credentials: 'same-origin' })
          .then((response) => response.arrayBuffer().then((body) => crypto.subtle.digest('SHA-256', body))
            .then((hash) => done(response.status + ' ' + Array.from(new Uint8Array(hash))
              .map((b) => b.toString(16).padStart(2, '0')).join(''))))
          .catch((error) => done('failed ' + error));""",
                href);
  }

  private void giveAdvice(java.util.function.Predicate<String> which) {
    for (Task advice : openTasks(GIVE_ADVICE)) {
      String type = (String) engine.getTaskService().getVariableLocal(advice.getId(), "adviceType");
      if (which.test(type)) {
        completeTaskAs(
            ADVISER.getOrDefault(type, "caseworker"),
            advice,
            Map.of("adviceSummary", ADVICE.getOrDefault(type, "Further advice")));
      }
    }
    runJobs();
  }

  private void completeAs(String user, String activityId, Map<String, Object> variables) {
    completeTaskAs(user, openTask(activityId), variables);
    runJobs();
  }

  /** As the person would in Tasklist: their claim, then their completion, under their name. */
  private void completeTaskAs(String user, Task task, Map<String, Object> variables) {
    engine
        .getIdentityService()
        .setAuthentication(
            user,
            user == null
                ? List.of()
                : engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
                    .map(group -> group.getId())
                    .toList());
    try {
      engine.getTaskService().claim(task.getId(), user);
      engine.getTaskService().complete(task.getId(), variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static Map<String, Object> request() {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("childId", CHILD_ID);
    request.put("childName", CHILD);
    request.put("dateOfBirth", "2016-03-14");
    request.put("requestReceivedDate", "2026-01-05");
    request.put("requester", "parent");
    request.put("parentEmail", "parent.evidence@example.org");
    request.put("yearGroup", 4);
    request.put("settingEmail", "senco@hillside.example");
    return request;
  }

  private static Map<String, Object> sections() {
    Map<String, Object> sections = new LinkedHashMap<>();
    sections.put(
        "sectionA",
        "Maya loves drawing and animals. She wants to be a vet. Her parents want her to read "
            + "for pleasure and to make friends.");
    sections.put("sectionB", SECTION_B);
    sections.put("sectionC", "Developmental language disorder (NHS speech and language therapy).");
    sections.put(
        "sectionE",
        "By July 2027 Maya reads Year 4 texts with support and follows three-step instructions.");
    sections.put("sectionF", SECTION_F);
    sections.put(
        "sectionK", "Educational, medical, psychological and social care advice of March 2026.");
    return sections;
  }
}
