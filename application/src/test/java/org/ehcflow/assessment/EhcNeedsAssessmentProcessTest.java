package org.ehcflow.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcflow.assessment.AssessmentProcess.Elements.*;
import static org.ehcflow.support.TestCase.dueDate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.ehcflow.support.AssessmentCase;
import org.ehcflow.support.Cases;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.TestCase;
import org.ehcflow.support.TestMail;
import org.ehcflow.vocabulary.Pathways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The EHC needs assessment, one test per statutory route, on the contract's reference case: a
 * request received on Monday 5 January 2026. The build reports the model's coverage
 * (target/process-test-coverage) and this class fails below 90% of its flow nodes.
 */
@EhcIntegrationTest
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(
    listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class EhcNeedsAssessmentProcessTest {

  static final double REQUIRED_FLOW_NODE_COVERAGE = 0.90;

  static final String PARENT = "parent.jones@example.org";
  static final String HEALTH = "send-health@icb.example";
  static final String SOCIAL_CARE = "dsco@council.example";
  static final String SETTING = "senco@stmarys.example";
  static final String MANAGERS = "send-managers@council.example";

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired ProcessEngine engine;

  private TestCase assessment;

  @BeforeEach
  void aRequestArrivesOnTheFifthOfJanuary() {
    assessment = new TestCase(engine, mail).on("2026-01-05T09:30");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Map<String, Object> referenceRequest(String childId) {
    Map<String, Object> request = new HashMap<>();
    request.put("childId", childId);
    request.put("childName", "Sam Jones");
    request.put("dateOfBirth", "2016-03-14");
    request.put("requestReceivedDate", "2026-01-05");
    request.put("requester", "parent");
    request.put("parentEmail", PARENT);
    request.put("yearGroup", 4);
    request.put("settingEmail", SETTING);
    return request;
  }

  private void startReferenceCase(String childId) {
    assessment.start(Pathways.NEEDS_ASSESSMENT, "EHCNA-" + childId, referenceRequest(childId));
  }

  private void panelDecides(String decision, boolean progressWithSupport) {
    assessment.complete(
        PREPARE_CASE_FOR_PANEL,
        Map.of(
            "graduatedApproachCycles",
            progressWithSupport ? 1 : 3,
            "progressDespiteSupport",
            progressWithSupport,
            "needsAcrossEducationHealthCare",
            false,
            "evidenceSummary",
            "School reports and two SEN support plans"));
    assessment.complete(
        DECIDE_WHETHER_TO_ASSESS,
        Map.of(
            "assessDecision", decision, "assessDecisionReason", "Reasons recorded by the panel"));
  }

  /** The reference case assessed, its advice requested on 10 February 2026. */
  private AssessmentCase assessedWithAdviceRequested(String childId) {
    AssessmentCase reference =
        Cases.assessment(engine, mail).with(referenceRequest(childId)).atAdvice();
    assessment = reference;
    return reference;
  }

  private void allAdvisersReply() {
    for (Task advice : assessment.tasks(GIVE_ADVICE)) {
      engine
          .getTaskService()
          .complete(advice.getId(), Map.of("adviceSummary", "Needs and provision advised"));
    }
    assessment.runJobs();
  }

  @Test
  void
      the_statutory_dates_of_the_reference_case_are_set_at_registration_and_the_parent_and_bodies_are_told() {
    startReferenceCase("C-DATES");

    assertThat(assessment.variable("decisionToAssessDue")).isEqualTo("2026-02-16");
    assertThat(assessment.variable("noPlanNoticeDue")).isEqualTo("2026-04-27");
    assertThat(assessment.variable("finalPlanDue")).isEqualTo("2026-05-25");
    assertThat(assessment.variable("draftPlanTarget")).isEqualTo("2026-04-13");
    assertThat(assessment.variable("exceptionsApply")).isEqualTo(false);
    assertThat(dueDate(assessment.task(PREPARE_CASE_FOR_PANEL))).isEqualTo("2026-02-16");
    assertThat(assessment.subjectsTo(PARENT)).hasSize(1);
    assertThat(assessment.bodyTo(PARENT, "")).contains("Sam Jones").contains("2026-02-16");
    assertThat(assessment.subjectsTo(HEALTH)).hasSize(1);
    assertThat(assessment.subjectsTo(SOCIAL_CARE)).hasSize(1);
    assertThat(assessment.subjectsTo(SETTING)).hasSize(1);
  }

  @Test
  void
      a_request_refused_within_six_weeks_sends_the_refusal_with_appeal_rights_and_ends_not_assessed() {
    startReferenceCase("C-REFUSED");
    assessment.on("2026-02-09T11:00");
    panelDecides("do-not-assess", true);

    assertThat(assessment.variable("assessRecommendation")).isEqualTo("do-not-assess");
    assertThat(assessment.ended()).isTrue();
    assertThat(assessment.passed(END_NOT_ASSESSED)).isTrue();
    assertThat(assessment.passed(SEND_REFUSAL_NOTICE)).isTrue();
    assertThat(assessment.passed(PLAN_ADVICE_REQUESTS)).as("no advice is sought").isFalse();
    assertThat(assessment.passed(ESCALATE_LATE_DECISION_TO_ASSESS)).as("decided in time").isFalse();
    assertThat(assessment.variable("requestOutcome")).isEqualTo("N");
    assertThat(assessment.variable("requestOutcomeDate")).isEqualTo("2026-02-09");
    assertThat(assessment.variable("assessmentOutcome")).isNull();
    assertThat(assessment.subjectsTo(PARENT)).hasSize(2);
    String refusal = assessment.bodyTo(PARENT, assessment.subjectsTo(PARENT).get(1));
    assertThat(refusal)
        .contains("Reasons recorded by the panel")
        .containsIgnoringCase("tribunal")
        .containsIgnoringCase("mediation");
    assertThat(assessment.subjectsTo(HEALTH)).as("considering, then refusal").hasSize(2);
  }

  @Test
  void
      a_decision_to_assess_not_made_in_six_weeks_escalates_to_a_manager_and_the_panel_task_stays_open() {
    startReferenceCase("C-LATE");
    assessment.on("2026-02-16T17:00");
    assertThat(assessment.tasks(ESCALATE_LATE_DECISION_TO_ASSESS))
        .as("not late on the due day itself")
        .isEmpty();

    assessment.on("2026-02-17T00:00");

    Task escalation = assessment.task(ESCALATE_LATE_DECISION_TO_ASSESS);
    assertThat(candidateGroups(escalation)).containsExactly("la-manager");
    assertThat(assessment.task(PREPARE_CASE_FOR_PANEL)).as("the duty continues").isNotNull();

    assessment.on("2026-02-18T10:00");
    panelDecides("assess", false);

    assertThat(assessment.tasks(ESCALATE_LATE_DECISION_TO_ASSESS))
        .as("closed once decided")
        .isEmpty();
    assertThat(assessment.variable("requestOutcome")).isEqualTo("Y");
    assertThat(assessment.variable("requestOutcomeDate")).isEqualTo("2026-02-18");
    assertThat(assessment.variable("decisionToAssessDue"))
        .as("a deadline never moves")
        .isEqualTo("2026-02-16");
  }

  @Test
  void
      advice_for_a_year_10_child_with_a_hearing_impairment_is_sought_from_six_advisers_each_with_its_own_due_date() {
    Map<String, Object> request = referenceRequest("C-ADVICE");
    request.put("yearGroup", 10);
    request.put("dateOfBirth", "2011-01-20");
    request.put("hearingOrVisionImpairment", true);
    assessment = Cases.assessment(engine, mail).with(request).atAdvice();

    List<Task> adviceTasks = assessment.tasks(GIVE_ADVICE);
    Map<String, String> groupByType = new HashMap<>();
    for (Task task : adviceTasks) {
      String type = (String) engine.getTaskService().getVariableLocal(task.getId(), "adviceType");
      groupByType.put(type, candidateGroups(task).get(0));
      assertThat(dueDate(task)).as(type).isEqualTo("2026-03-24");
    }
    assertThat(groupByType)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "educational", "education-setting",
                "medical", "health",
                "psychological", "educational-psychology",
                "social-care", "social-care",
                "preparing-for-adulthood", "social-care",
                "hearing-vision", "education-setting"));
    assertThat(assessment.subjectsTo("ep-service@council.example")).hasSize(1);
  }

  @Test
  void
      advice_agreed_sufficient_by_adviser_council_and_parent_is_reused_not_requested_and_a_parents_request_is_added() {
    assessment =
        Cases.assessment(engine, mail).with(referenceRequest("C-REUSE")).atAdviceRequests();
    String planTask = assessment.task(PLAN_ADVICE_REQUESTS).getId();

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .complete(planTask, Map.of("reusedAdvice", List.of("medical"))))
        .hasMessageContaining(
            "reuseAgreedByAllThree: advice may be reused only if the adviser, the council and the parent agree");

    assessment.complete(
        PLAN_ADVICE_REQUESTS,
        Map.of(
            "reusedAdvice",
            List.of("medical"),
            "reuseAgreedByAllThree",
            true,
            "parentRequestedAdvice",
            "Independent speech and language therapist"));

    Map<String, String> groupByType = new HashMap<>();
    for (Task task : assessment.tasks(GIVE_ADVICE)) {
      groupByType.put(
          (String) engine.getTaskService().getVariableLocal(task.getId(), "adviceType"),
          candidateGroups(task).get(0));
    }
    assertThat(groupByType)
        .containsOnlyKeys("educational", "psychological", "social-care", "parent-requested");
    assertThat(groupByType).containsEntry("parent-requested", "la-caseworker");
    assertThat(assessment.subjectsTo(HEALTH)).as("no medical advice request, reg 6(4)").hasSize(2);
  }

  @Test
  void
      overdue_advice_is_chased_a_week_before_and_escalated_to_a_manager_after_six_weeks_while_the_task_stays_open() {
    assessedWithAdviceRequested("C-OVERDUE");
    assertThat(assessment.tasks(GIVE_ADVICE)).hasSize(4);

    assessment.on("2026-03-17T00:00");
    assertThat(assessment.subjectsTo("ep-service@council.example"))
        .as("request, then reminder")
        .hasSize(2);
    assertThat(assessment.tasks(CHASE_OVERDUE_ADVICE)).isEmpty();

    // Three advisers reply on time; educational psychology does not.
    for (Task advice : assessment.tasks(GIVE_ADVICE)) {
      if (!"psychological"
          .equals(engine.getTaskService().getVariableLocal(advice.getId(), "adviceType"))) {
        engine.getTaskService().complete(advice.getId(), Map.of("adviceSummary", "On time"));
      }
    }
    assessment.on("2026-03-25T00:00");

    Task chase = assessment.task(CHASE_OVERDUE_ADVICE);
    assertThat(candidateGroups(chase)).containsExactly("la-manager");
    assertThat(assessment.tasks(GIVE_ADVICE)).as("the adviser's duty continues").hasSize(1);
    assertThat(assessment.tasks(CONSIDER_ADVICE)).as("the case waits for the advice").isEmpty();

    assessment.on("2026-03-30T09:00");
    allAdvisersReply();
    assertThat(assessment.tasks(CHASE_OVERDUE_ADVICE)).as("closed once the advice is in").isEmpty();
    assertThat(dueDate(assessment.task(CONSIDER_ADVICE))).isEqualTo("2026-04-27");
  }

  @Test
  void each_advisers_advice_is_kept_on_the_case_with_who_gave_it_when_and_whether_it_was_on_time() {
    assessedWithAdviceRequested("C-ADVICE-FILE");
    assertThat(adviceReceived()).as("declared empty before any adviser answers").isEmpty();

    assessment.on("2026-03-24T16:00");
    adviceFrom(
        "educational", "senco", "Reads at a Year 2 level; needs adult help to start written tasks");
    assessment.on("2026-03-25T09:00");
    adviceFrom("psychological", "ep", "Working memory well below average");
    adviceFrom("medical", null, "Developmental language disorder");
    adviceFrom("social-care", "socialcare", "No current involvement");
    assessment.runJobs();

    List<Map<String, Object>> entries = adviceReceived();
    assertThat(entries)
        .extracting(entry -> entry.get("adviceType"))
        .containsExactly("educational", "psychological", "medical", "social-care");
    Map<String, Object> educational = entries.get(0);
    assertThat(educational)
        .containsEntry("adviceLabel", "Educational advice (reg 6(1)(b))")
        .containsEntry("givenBy", "senco")
        .containsEntry("givenByName", "Senco Education settings")
        .containsEntry("receivedDate", "2026-03-24")
        .containsEntry("dueDate", "2026-03-24")
        .containsEntry("onTime", true)
        .containsEntry(
            "summary", "Reads at a Year 2 level; needs adult help to start written tasks")
        .containsEntry("documents", List.of());
    assertThat(educational.get("taskId")).isNotNull();
    Map<String, Object> psychological = entries.get(1);
    assertThat(psychological)
        .containsEntry("givenBy", "ep")
        .containsEntry("receivedDate", "2026-03-25")
        .containsEntry("dueDate", "2026-03-24")
        .containsEntry("onTime", false)
        .containsEntry("summary", "Working memory well below average");
    assertThat(entries.get(2))
        .as("given through the API with nobody logged in")
        .containsEntry("givenBy", null)
        .containsEntry("givenByName", null);
    assertThat(
            engine
                .getRuntimeService()
                .getVariableTyped(assessment.id(), "adviceReceived")
                .getType()
                .getName())
        .as("a Json list, never a Java object")
        .isEqualTo("json");
    Task consider = assessment.task(CONSIDER_ADVICE);
    assertThat(engine.getTaskService().getVariable(consider.getId(), "adviceReceived"))
        .as("the caseworker's task reads it")
        .isNotNull();
  }

  @Test
  void advisers_who_send_their_advice_at_the_same_moment_are_all_recorded() throws Exception {
    assessedWithAdviceRequested("C-ADVICE-RACE");
    assessment.on("2026-03-10T10:00");
    List<Task> tasks = assessment.tasks(GIVE_ADVICE);
    assertThat(tasks).hasSize(4);

    // Two races of two, each started from a barrier so both completions change the list at once.
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      for (int race = 0; race < 2; race++) {
        java.util.concurrent.CyclicBarrier barrier = new java.util.concurrent.CyclicBarrier(2);
        List<java.util.concurrent.Future<?>> completions = new java.util.ArrayList<>();
        for (Task task : tasks.subList(race * 2, race * 2 + 2)) {
          completions.add(
              pool.submit(
                  () -> {
                    barrier.await();
                    engine
                        .getTaskService()
                        .complete(
                            task.getId(),
                            Map.of("adviceSummary", "Advice of task " + task.getId()));
                    return null;
                  }));
        }
        for (java.util.concurrent.Future<?> completion : completions) {
          completion.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assessment.runJobs();

    assertThat(adviceReceived())
        .extracting(entry -> entry.get("summary"))
        .containsExactlyInAnyOrderElementsOf(
            tasks.stream().map(task -> "Advice of task " + task.getId()).toList());
    assertThat(assessment.task(CONSIDER_ADVICE)).as("the advice stage closed once").isNotNull();
  }

  @Test
  void the_decision_and_drafting_forms_show_the_advice_and_the_draft_plan_read_only()
      throws Exception {
    for (String form : List.of("consider-advice", "decide-whether-to-issue", "draft-plan")) {
      String view = evidenceView(form, "text_adviceReceived");
      assertThat(view)
          .as(form)
          .contains(
              "{{#loop adviceReceived}}",
              "{{adviceLabel}}",
              "{{givenByName}}",
              "receivedDate",
              "dueDate",
              "{{#if onTime}}",
              "{{#if onTime = false}}",
              "{{summary}}",
              "{{#loop documents}}",
              "/camunda/api/tasklist/plugin/ehc-case-file/default/documents/{{id}}",
              "{{/loop}}");
    }
    for (String form : List.of("respond-to-consultation", "record-parent-response")) {
      String view = evidenceView(form, "text_draftPlan");
      for (String section :
          List.of(
              "sectionA",
              "sectionB",
              "sectionC",
              "sectionD",
              "sectionE",
              "sectionF",
              "sectionG",
              "sectionH1",
              "sectionH2",
              "sectionJ",
              "sectionK")) {
        assertThat(view).as(form).contains("{{" + section + "}}");
      }
    }
  }

  /**
   * The form's text view of that id: a view has no key, so showing the evidence adds nothing a
   * completion could set (security/FormFields).
   */
  static String evidenceView(String form, String id) throws java.io.IOException {
    var components =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(java.nio.file.Path.of("forms", form + ".form").toFile())
            .path("components");
    for (var component : components) {
      if (id.equals(component.path("id").asText())) {
        assertThat(component.path("type").asText()).as(form + " " + id).isEqualTo("text");
        assertThat(component.has("key")).as(form + " " + id + " has no key").isFalse();
        return component.path("text").asText();
      }
    }
    throw new AssertionError(form + " has no view " + id);
  }

  private void adviceFrom(String adviceType, String user, String summary) {
    Task task =
        assessment.tasks(GIVE_ADVICE).stream()
            .filter(
                advice ->
                    adviceType.equals(
                        engine.getTaskService().getVariableLocal(advice.getId(), "adviceType")))
            .findFirst()
            .orElseThrow();
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
      engine.getTaskService().complete(task.getId(), Map.of("adviceSummary", summary));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> adviceReceived() {
    Object list = engine.getRuntimeService().getVariable(assessment.id(), "adviceReceived");
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .readValue(String.valueOf(list), List.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void assessed_then_no_plan_sends_the_reg_10_notice_and_ends_with_assessment_outcome_n() {
    assessedWithAdviceRequested("C-NOPLAN");
    assessment.on("2026-03-20T10:00");
    allAdvisersReply();
    assessment.complete(
        CONSIDER_ADVICE,
        Map.of(
            "provisionBeyondSetting",
            false,
            "needsAcrossEducationHealthCare",
            false,
            "progressWithSenSupport",
            true,
            "adviceConclusion",
            "Needs can be met with SEN support"));
    assertThat(assessment.variable("issueRecommendation")).isEqualTo("do-not-issue");
    assertThat(dueDate(assessment.task(DECIDE_WHETHER_TO_ISSUE))).isEqualTo("2026-04-27");

    assessment.complete(
        DECIDE_WHETHER_TO_ISSUE,
        Map.of(
            "issueDecision",
            "do-not-issue",
            "issueDecisionReason",
            "Needs can be met from SEN support"));

    assertThat(assessment.ended()).isTrue();
    assertThat(assessment.passed(END_NO_PLAN)).isTrue();
    assertThat(assessment.passed(DRAFT_PLAN)).isFalse();
    assertThat(assessment.variable("requestOutcome")).isEqualTo("Y");
    assertThat(assessment.variable("assessmentOutcome")).isEqualTo("N");
    assertThat(assessment.variable("assessmentOutcomeDate")).isEqualTo("2026-03-20");
    assertThat(assessment.bodyTo(PARENT, assessment.subjectsTo(PARENT).get(2)))
        .contains("Needs can be met from SEN support")
        .containsIgnoringCase("appeal");
    assertThat(assessment.subjectsTo(HEALTH))
        .as("considering, assessing, advice request and reminder, no plan")
        .hasSize(5);
  }

  @Test
  void
      assessed_and_plan_issued_runs_draft_comments_consultation_and_final_plan_and_starts_the_annual_review() {
    assessedWithAdviceRequested("C-PLAN");
    assessment.on("2026-03-20T10:00");
    allAdvisersReply();
    assessment.on("2026-03-26T10:00");
    assessment.complete(
        CONSIDER_ADVICE,
        Map.of(
            "provisionBeyondSetting",
            true,
            "needsAcrossEducationHealthCare",
            false,
            "progressWithSenSupport",
            false));
    assertThat(assessment.variable("issueRecommendation")).isEqualTo("issue");
    assessment.complete(
        DECIDE_WHETHER_TO_ISSUE,
        Map.of("issueDecision", "issue", "issueDecisionReason", "Necessary"));
    assertThat(dueDate(assessment.task(DRAFT_PLAN))).isEqualTo("2026-04-13");

    assessment.on("2026-03-31T10:00");
    assessment.complete(DRAFT_PLAN, draftSections());
    assessment.on("2026-04-01T10:00");
    assessment.complete(SERVE_DRAFT_PLAN, Map.of("draftServedDate", "2026-04-01"));
    assertThat(assessment.variable("commentWindowEnds")).isEqualTo("2026-04-15");
    assertThat(dueDate(assessment.task(RECORD_PARENT_RESPONSE))).isEqualTo("2026-04-15");
    assertThat(assessment.bodyTo(PARENT, assessment.subjectsTo(PARENT).get(2)))
        .contains("2026-04-15");

    assessment.on("2026-04-10T10:00");
    assessment.complete(
        RECORD_PARENT_RESPONSE,
        Map.of(
            "parentComments",
            "Happy with sections B and F",
            "meetingRequested",
            false,
            "preferredSetting",
            "Oak Hill School",
            "preferredSettingEmail",
            "office@oakhill.example"));
    assertThat(assessment.variable("parentResponded")).isEqualTo(true);
    Task consultation = assessment.task(RESPOND_TO_CONSULTATION);
    assertThat(candidateGroups(consultation)).containsExactly("education-setting");
    assertThat(dueDate(consultation)).isEqualTo("2026-04-25");
    assertThat(assessment.subjectsTo("office@oakhill.example")).hasSize(1);

    assessment.on("2026-04-20T10:00");
    assessment.complete(RESPOND_TO_CONSULTATION, Map.of("consultationResponse", "can-meet-needs"));
    Task finalPlan = assessment.task(ISSUE_FINAL_PLAN);
    assertThat(dueDate(finalPlan)).isEqualTo("2026-05-25");

    assessment.on("2026-05-20T10:00");
    assessment.complete(
        ISSUE_FINAL_PLAN,
        Map.of(
            "finalPlanIssuedDate",
            "2026-05-20",
            "namedSetting",
            "Oak Hill School",
            "namedSettingEmail",
            "office@oakhill.example"));

    assertThat(assessment.ended()).isTrue();
    assertThat(assessment.passed(END_PLAN_ISSUED)).isTrue();
    assertThat(assessment.passed(SEND_CONSULTATION_CHASER))
        .as("the setting replied in time")
        .isFalse();
    assertThat(assessment.passed(NOTIFY_MANAGERS_FINAL_PLAN_LATE))
        .as("issued within 20 weeks")
        .isFalse();
    assertThat(assessment.variable("assessmentOutcome")).isEqualTo("Y");
    assertThat(assessment.variable("assessmentOutcomeDate")).isEqualTo("2026-05-20");
    assertThat(assessment.variable("finalPlanIssuedDate")).isEqualTo("2026-05-20");
    assertThat(assessment.variable("namedSetting")).isEqualTo("Oak Hill School");
    assertThat(assessment.subjectsTo(PARENT)).hasSize(4);
    assertThat(assessment.bodyTo(PARENT, assessment.subjectsTo(PARENT).get(3)))
        .contains("Oak Hill School")
        .containsIgnoringCase("tribunal");
    assertThat(assessment.subjectsTo("office@oakhill.example"))
        .as("consultation, final plan")
        .hasSize(2);
    assertThat(assessment.subjectsTo(HEALTH))
        .as("considering, assessing, advice request and reminder, final plan")
        .hasSize(5);

    var review =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(Pathways.ANNUAL_REVIEW)
            .processInstanceBusinessKey("AR-C-PLAN-2026-05-20")
            .singleResult();
    assertThat(review).isNotNull();
    assertThat(engine.getRuntimeService().getVariable(review.getId(), "reviewDue"))
        .isEqualTo("2027-05-19");
    assertThat(engine.getRuntimeService().getVariable(review.getId(), "childId"))
        .isEqualTo("C-PLAN");
  }

  @Test
  void
      with_no_response_in_15_days_the_window_closes_and_a_setting_that_does_not_reply_is_chased_then_decided_without() {
    assessedWithAdviceRequested("C-SILENT").on("2026-03-20T10:00").draftServed();
    assertThat(assessment.variable("commentWindowEnds")).isEqualTo("2026-04-03");

    assessment.on("2026-04-03T23:00");
    assertThat(assessment.task(RECORD_PARENT_RESPONSE))
        .as("the whole last day is the parent's")
        .isNotNull();
    assessment.on("2026-04-04T00:00");

    assertThat(assessment.tasks(RECORD_PARENT_RESPONSE)).isEmpty();
    assertThat(assessment.variable("parentResponded")).isEqualTo(false);
    assertThat(assessment.passed(SEND_CONSULTATION)).as("no setting was requested").isFalse();
    assertThat(assessment.task(ISSUE_FINAL_PLAN)).isNotNull();
  }

  @Test
  void
      a_setting_that_does_not_reply_is_chased_after_15_days_and_the_council_decides_without_it_a_week_later() {
    assessedWithAdviceRequested("C-NOREPLY").on("2026-03-20T10:00").draftServed();
    engine
        .getRuntimeService()
        .createMessageCorrelation(Pathways.Messages.DRAFT_RESPONSE_RECEIVED)
        .processInstanceBusinessKey("EHCNA-C-NOREPLY")
        .setVariable("preferredSetting", "Beech Academy")
        .setVariable("preferredSettingEmail", "office@beech.example")
        .correlate();
    assessment.runJobs();
    assertThat(assessment.variable("parentResponded")).isEqualTo(true);
    assertThat(assessment.variable("consultationResponseDue")).isEqualTo("2026-04-04");

    assessment.on("2026-04-05T00:00");
    assertThat(assessment.subjectsTo("office@beech.example"))
        .as("consultation, then chaser")
        .hasSize(2);
    assertThat(assessment.task(RESPOND_TO_CONSULTATION))
        .as("the setting may still reply")
        .isNotNull();

    assessment.on("2026-04-11T00:00");
    assertThat(assessment.tasks(RESPOND_TO_CONSULTATION)).isEmpty();
    assertThat(assessment.variable("consultationResponse")).isEqualTo("no-reply");
    assertThat(assessment.task(ISSUE_FINAL_PLAN)).isNotNull();
  }

  @Test
  void
      a_final_plan_not_issued_in_20_weeks_flags_the_case_late_and_tells_managers_while_the_task_stays_open() {
    assessedWithAdviceRequested("C-20WEEKS");

    assessment.on("2026-05-26T00:00");

    assertThat(assessment.variable("finalPlanLate")).isEqualTo(true);
    assertThat(assessment.subjectsTo(MANAGERS)).hasSize(1);
    assertThat(assessment.tasks(GIVE_ADVICE)).as("the case carries on").hasSize(4);
    assertThat(assessment.variable("finalPlanDue")).isEqualTo("2026-05-25");
  }

  @Test
  void a_withdrawn_request_ends_the_case_with_request_outcome_w_and_a_confirmation() {
    startReferenceCase("C-WITHDRAWN");
    assessment.on("2026-01-20T14:00");

    engine
        .getRuntimeService()
        .createMessageCorrelation(Pathways.Messages.REQUEST_WITHDRAWN)
        .processInstanceBusinessKey("EHCNA-C-WITHDRAWN")
        .setVariable("withdrawnReason", "Family moved away")
        .correlate();
    assessment.runJobs();

    assertThat(assessment.ended()).isTrue();
    assertThat(assessment.passed(END_WITHDRAWN)).isTrue();
    assertThat(assessment.passed(DECIDE_WHETHER_TO_ASSESS)).isFalse();
    assertThat(assessment.variable("requestOutcome")).isEqualTo("W");
    assertThat(assessment.variable("requestOutcomeDate")).isEqualTo("2026-01-20");
    assertThat(assessment.variable("withdrawnReason")).isEqualTo("Family moved away");
    assertThat(assessment.subjectsTo(PARENT)).hasSize(2);
  }

  @Test
  void a_withdrawal_after_the_decision_keeps_the_recorded_request_outcome() {
    startReferenceCase("C-LATEWITHDRAW");
    assessment.on("2026-02-10T10:00");
    panelDecides("assess", false);

    engine
        .getRuntimeService()
        .createMessageCorrelation(Pathways.Messages.REQUEST_WITHDRAWN)
        .processInstanceBusinessKey("EHCNA-C-LATEWITHDRAW")
        .correlate();
    assessment.runJobs();

    assertThat(assessment.ended()).isTrue();
    assertThat(assessment.variable("requestOutcome"))
        .as("SEN2 never overwrites an outcome")
        .isEqualTo("Y");
    assertThat(assessment.variable("withdrawnDate")).isEqualTo("2026-02-10");
  }

  @Test
  void an_exception_is_recorded_beside_the_deadlines_without_moving_them_and_the_parent_is_told() {
    startReferenceCase("C-EXCEPTION");
    assessment.on("2026-01-28T10:00");

    engine
        .getRuntimeService()
        .createMessageCorrelation(Pathways.Messages.EXCEPTION_RECORDED)
        .processInstanceBusinessKey("EHCNA-C-EXCEPTION")
        .setVariable("exceptionGround", "exceptional-personal-circumstances")
        .setVariable("exceptionNote", "Bereavement in the family")
        .correlate();
    assessment.runJobs();

    assertThat(assessment.ended()).isFalse();
    assertThat(assessment.variable("exceptionsApply")).isEqualTo(true);
    assertThat(assessment.variable("exceptionGround"))
        .isEqualTo("exceptional-personal-circumstances");
    assertThat(assessment.variable("exceptionRecordedDate")).isEqualTo("2026-01-28");
    assertThat(assessment.variable("decisionToAssessDue")).isEqualTo("2026-02-16");
    assertThat(assessment.variable("finalPlanDue")).isEqualTo("2026-05-25");
    assertThat(dueDate(assessment.task(PREPARE_CASE_FOR_PANEL))).isEqualTo("2026-02-16");
    assertThat(assessment.subjectsTo(PARENT)).hasSize(2);
    assertThat(assessment.bodyTo(PARENT, assessment.subjectsTo(PARENT).get(1)))
        .contains("2026-01-28");
  }

  @Test
  void
      a_late_decision_whether_to_issue_is_escalated_and_a_draft_late_for_week_14_reminds_caseworkers() {
    assessedWithAdviceRequested("C-LATEISSUE");
    assessment.on("2026-04-20T10:00");
    allAdvisersReply();
    assessment.complete(
        CONSIDER_ADVICE,
        Map.of(
            "provisionBeyondSetting",
            true,
            "needsAcrossEducationHealthCare",
            true,
            "progressWithSenSupport",
            false));

    assessment.on("2026-04-28T00:00");
    Task escalation = assessment.task(ESCALATE_LATE_NO_PLAN_DECISION);
    assertThat(candidateGroups(escalation)).containsExactly("la-manager");
    assessment.complete(
        ESCALATE_LATE_NO_PLAN_DECISION, Map.of("escalationNote", "Extra panel on 29 April"));
    assessment.on("2026-04-29T10:00");
    assessment.complete(
        DECIDE_WHETHER_TO_ISSUE,
        Map.of("issueDecision", "issue", "issueDecisionReason", "Necessary"));
    assertThat(assessment.subjectsTo("send-casework@council.example"))
        .as("the draft is already late")
        .hasSize(1);
    assertThat(assessment.passed(SEND_DRAFT_LATE_REMINDER)).isTrue();
    assertThat(dueDate(assessment.task(DRAFT_PLAN))).isEqualTo("2026-04-13");
  }

  @AfterAll
  static void atLeastNinetyPercentOfTheModelsFlowNodesWereRun(@Autowired ProcessEngine engine) {
    var definition =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(Pathways.NEEDS_ASSESSMENT)
            .latestVersion()
            .singleResult();
    java.util.Set<String> nodes = new java.util.HashSet<>();
    engine
        .getRepositoryService()
        .getBpmnModelInstance(definition.getId())
        .getModelElementsByType(FlowNode.class)
        .forEach(node -> nodes.add(node.getId()));
    java.util.Set<String> run = new java.util.HashSet<>();
    engine.getHistoryService().createHistoricActivityInstanceQuery().list().stream()
        .filter(activity -> activity.getProcessDefinitionKey().equals(Pathways.NEEDS_ASSESSMENT))
        .map(HistoricActivityInstance::getActivityId)
        .map(id -> id.replace("#multiInstanceBody", ""))
        .forEach(run::add);
    run.retainAll(nodes);
    java.util.Set<String> missed = new java.util.TreeSet<>(nodes);
    missed.removeAll(run);
    double coverage = (double) run.size() / nodes.size();
    System.out.printf(
        "ehc-needs-assessment flow node coverage: %d of %d (%.1f%%); not run: %s%n",
        run.size(), nodes.size(), coverage * 100, missed);
    assertThat(coverage)
        .as("flow node coverage, missing " + missed)
        .isGreaterThanOrEqualTo(REQUIRED_FLOW_NODE_COVERAGE);
  }

  static Map<String, Object> draftSections() {
    Map<String, Object> sections = new HashMap<>();
    for (String section : new String[] {"sectionA", "sectionB", "sectionE", "sectionF"}) {
      sections.put(section, "Text of " + section);
    }
    return sections;
  }

  private List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }
}
