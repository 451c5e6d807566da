package org.ehcflow.support;

import static org.ehcflow.assessment.AssessmentProcess.Elements.CONSIDER_ADVICE;
import static org.ehcflow.assessment.AssessmentProcess.Elements.DECIDE_WHETHER_TO_ASSESS;
import static org.ehcflow.assessment.AssessmentProcess.Elements.DECIDE_WHETHER_TO_ISSUE;
import static org.ehcflow.assessment.AssessmentProcess.Elements.DRAFT_PLAN;
import static org.ehcflow.assessment.AssessmentProcess.Elements.END_PLAN_ISSUED;
import static org.ehcflow.assessment.AssessmentProcess.Elements.GIVE_ADVICE;
import static org.ehcflow.assessment.AssessmentProcess.Elements.ISSUE_FINAL_PLAN;
import static org.ehcflow.assessment.AssessmentProcess.Elements.PLAN_ADVICE_REQUESTS;
import static org.ehcflow.assessment.AssessmentProcess.Elements.PREPARE_CASE_FOR_PANEL;
import static org.ehcflow.assessment.AssessmentProcess.Elements.RECORD_PARENT_RESPONSE;
import static org.ehcflow.assessment.AssessmentProcess.Elements.RESPOND_TO_CONSULTATION;
import static org.ehcflow.assessment.AssessmentProcess.Elements.SERVE_DRAFT_PLAN;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.assessment.AssessmentProcess;

/**
 * An EHC needs assessment at a stage of its pathway. The reference calendar is the contract's
 * reference case (EhcNeedsAssessmentProcessTest): a request received on Monday 5 January 2026 at
 * 09:30 (or on the {@code requestReceivedDate} the test gives), the panel on day 36 (10 February),
 * advice in on day 74 (20 March), the decision to issue on day 80, the draft on day 85, served on
 * day 86 (1 April), the parent's response on day 95, the setting's reply on day 105 and the final
 * plan on day 135 (20 May), each at 10:00.
 *
 * <p>The default request: child "Child {id}", born 14 March 2016, in Year 4, requested by the
 * parent (parent@example.org). The panel assesses; every adviser replies; the council issues; the
 * parent names Oak Hill School, which says it can meet the needs and is named in the plan.
 */
public class AssessmentCase extends CaseBuilder<AssessmentCase> {

  static final LocalDate REFERENCE_REQUEST = LocalDate.of(2026, 1, 5);

  private static final String ISSUED = "plan-issued";
  private static final List<String> TASKS =
      List.of(
          PREPARE_CASE_FOR_PANEL,
          DECIDE_WHETHER_TO_ASSESS,
          PLAN_ADVICE_REQUESTS,
          GIVE_ADVICE,
          CONSIDER_ADVICE,
          DECIDE_WHETHER_TO_ISSUE,
          DRAFT_PLAN,
          SERVE_DRAFT_PLAN,
          RECORD_PARENT_RESPONSE,
          RESPOND_TO_CONSULTATION,
          ISSUE_FINAL_PLAN);
  private static final List<String> ROUTE = concat(TASKS, ISSUED);

  public AssessmentCase(ProcessEngine engine, GreenMailExtension mail) {
    super(engine, mail);
  }

  /** The child's id (default: a new one); the business key is EHCNA-{id} unless given. */
  public AssessmentCase child(String childId) {
    return with("childId", childId);
  }

  // --- Stages -----------------------------------------------------------------------------------

  /** Registered, the notices sent: waiting for the caseworker to prepare the case for the panel. */
  public AssessmentCase requested() {
    return walkTo(PREPARE_CASE_FOR_PANEL);
  }

  /**
   * Prepared for the panel (three cycles of SEN support, no progress): waiting for its decision.
   */
  public AssessmentCase atPanelDecision() {
    return walkTo(DECIDE_WHETHER_TO_ASSESS);
  }

  /** The panel decided to assess: waiting for the caseworker to plan the advice requests. */
  public AssessmentCase atAdviceRequests() {
    return walkTo(PLAN_ADVICE_REQUESTS);
  }

  /**
   * Advice requested from the advisers the rules name (four for a Year 4 child): waiting for it.
   */
  public AssessmentCase atAdvice() {
    return walkTo(GIVE_ADVICE);
  }

  /** Every adviser has replied: waiting for the caseworker to consider the advice. */
  public AssessmentCase atConsiderAdvice() {
    return walkTo(CONSIDER_ADVICE);
  }

  /**
   * The advice considered (provision beyond the setting): waiting for the decision whether to
   * issue.
   */
  public AssessmentCase atIssueDecision() {
    return walkTo(DECIDE_WHETHER_TO_ISSUE);
  }

  /** The council will issue a plan: waiting for the draft. */
  public AssessmentCase atDraft() {
    return walkTo(DRAFT_PLAN);
  }

  /** The draft written and served on the parent: waiting for the parent's response (15 days). */
  public AssessmentCase draftServed() {
    return walkTo(RECORD_PARENT_RESPONSE);
  }

  /** The parent asked for Oak Hill School: waiting for the school's reply to the consultation. */
  public AssessmentCase atConsultation() {
    return walkTo(RESPOND_TO_CONSULTATION);
  }

  /** The school can meet the needs: waiting for the final plan. */
  public AssessmentCase atFinalPlan() {
    return walkTo(ISSUE_FINAL_PLAN);
  }

  /**
   * The final plan issued naming Oak Hill School: the case has ended and the annual review started.
   */
  public AssessmentCase issued() {
    return walkTo(ISSUED);
  }

  // --- Reading the case -------------------------------------------------------------------------

  /** The open advice tasks, oldest first. */
  public List<Task> adviceTasks() {
    return tasks(GIVE_ADVICE);
  }

  /** The open advice task of one adviser's group. */
  public Task adviceTask(String group) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(id())
        .taskDefinitionKey(GIVE_ADVICE)
        .taskCandidateGroup(group)
        .singleResult();
  }

  /** The default request, as a test that starts the case another way (over REST) would send it. */
  public static Map<String, Object> request(String childId, String received) {
    Map<String, Object> request = new HashMap<>();
    request.put("childId", childId);
    request.put("childName", "Child " + childId);
    request.put("dateOfBirth", "2016-03-14");
    request.put("requestReceivedDate", received);
    request.put("requester", "parent");
    request.put("parentEmail", "parent@example.org");
    request.put("yearGroup", 4);
    return request;
  }

  // --- The walk ---------------------------------------------------------------------------------

  @Override
  protected String processKey() {
    return AssessmentProcess.KEY;
  }

  @Override
  protected Map<String, Object> defaults(LocalDate startDate) {
    return request(childId(), startDate.toString());
  }

  @Override
  protected String defaultBusinessKey(Map<String, Object> variables) {
    return "EHCNA-" + variables.get("childId");
  }

  @Override
  protected LocalDateTime referenceStart() {
    return anchor().atTime(9, 30);
  }

  @Override
  protected List<String> route() {
    return ROUTE;
  }

  @Override
  protected String position() {
    String open = firstOpen(TASKS);
    if (open != null) {
      return open;
    }
    if (ended()) {
      return passed(END_PLAN_ISSUED) ? ISSUED : "ended without a plan";
    }
    return "waiting with no task open";
  }

  @Override
  protected void step(String position) {
    switch (position) {
      case PREPARE_CASE_FOR_PANEL -> {
        at(day(36));
        completeWith(
            position,
            Map.of(
                "graduatedApproachCycles",
                3,
                "progressDespiteSupport",
                false,
                "needsAcrossEducationHealthCare",
                false,
                "evidenceSummary",
                "Reports"));
      }
      case DECIDE_WHETHER_TO_ASSESS -> {
        at(day(36));
        completeWith(
            position,
            Map.of(
                "assessDecision", "assess", "assessDecisionReason", "Needs may call for a plan"));
      }
      case PLAN_ADVICE_REQUESTS -> {
        at(day(36));
        completeWith(position, Map.of());
      }
      case GIVE_ADVICE -> {
        at(day(74));
        Map<String, Object> advice =
            submission(GIVE_ADVICE, Map.of("adviceSummary", "Needs and provision advised"));
        for (Task task : adviceTasks()) {
          engine.getTaskService().complete(task.getId(), advice);
        }
        runJobs();
      }
      case CONSIDER_ADVICE -> {
        at(day(80));
        completeWith(
            position,
            Map.of(
                "provisionBeyondSetting",
                true,
                "needsAcrossEducationHealthCare",
                false,
                "progressWithSenSupport",
                false));
      }
      case DECIDE_WHETHER_TO_ISSUE -> {
        at(day(80));
        completeWith(
            position, Map.of("issueDecision", "issue", "issueDecisionReason", "Necessary"));
      }
      case DRAFT_PLAN -> {
        at(day(85));
        Map<String, Object> sections = new HashMap<>();
        for (String section : new String[] {"sectionA", "sectionB", "sectionE", "sectionF"}) {
          sections.put(section, "Text of " + section);
        }
        completeWith(position, sections);
      }
      case SERVE_DRAFT_PLAN -> {
        at(day(86));
        completeWith(position, Map.of("draftServedDate", today().toString()));
      }
      case RECORD_PARENT_RESPONSE -> {
        at(day(95));
        completeWith(
            position,
            Map.of(
                "parentComments",
                "Happy with sections B and F",
                "meetingRequested",
                false,
                "preferredSetting",
                "Oak Hill School",
                "preferredSettingEmail",
                "office@oakhill.example"));
      }
      case RESPOND_TO_CONSULTATION -> {
        at(day(105));
        completeWith(position, Map.of("consultationResponse", "can-meet-needs"));
      }
      case ISSUE_FINAL_PLAN -> {
        at(day(135));
        completeWith(
            position,
            Map.of(
                "finalPlanIssuedDate",
                today().toString(),
                "namedSetting",
                "Oak Hill School",
                "namedSettingEmail",
                "office@oakhill.example"));
      }
      default -> throw new IllegalStateException("the case " + id() + " is " + position);
    }
  }

  /** The request date the reference calendar counts from. */
  private LocalDate anchor() {
    LocalDate given = givenDate("requestReceivedDate");
    return given != null ? given : REFERENCE_REQUEST;
  }

  private LocalDateTime day(int days) {
    return anchor().plusDays(days).atTime(LocalTime.of(10, 0));
  }

  private static List<String> concat(List<String> list, String last) {
    List<String> all = new java.util.ArrayList<>(list);
    all.add(last);
    return List.copyOf(all);
  }
}
