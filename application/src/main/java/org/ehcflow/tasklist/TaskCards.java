package org.ehcflow.tasklist;

import static org.ehcflow.vocabulary.AssessmentVariables.ADVICE_TYPE;
import static org.ehcflow.vocabulary.ChildVariables.CHILD_ID;
import static org.ehcflow.vocabulary.ChildVariables.CHILD_NAME;
import static org.ehcflow.vocabulary.TribunalOrderVariables.COMPLIANCE_STEP_LABEL;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.amendment.AmendPlanProcess;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.cease.CeasePlanProcess;
import org.ehcflow.disagreement.DisagreementProcess;
import org.ehcflow.phasetransfer.PhaseTransferProcess;
import org.ehcflow.reassessment.ReassessmentProcess;
import org.ehcflow.review.AnnualReviewProcess;
import org.ehcflow.section23.Section23Process;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.transfer.TransferInProcess;
import org.ehcflow.transfer.TransferOutProcess;
import org.ehcflow.tribunal.TribunalOrderProcess;
import org.ehcflow.vocabulary.AssessmentVariables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every task says whose it is and what it asks, so a caseworker with 200 cases can tell them apart
 * in the list: the name is the step and the child ("Psychological advice: Amelia Okafor (C1234)"),
 * and the description carries the child, the case's reference, the statutory stage and the
 * statutory date. The Tasklist plugin {@code ehc-task-cards} shows the description on each card,
 * with the days left counted on the day it is read.
 *
 * <p>Done once, here, for every user task of every pathway when it is created (the Spring Boot
 * starter publishes task events), so the diagrams keep their readable labels ("Caseworker: write
 * the draft plan") and a new model needs nothing extra: a task this class has no stage for shows
 * its pathway's name instead.
 *
 * <p>Priority is left at the engine's default and hidden on the cards (plugin.css). Statutory
 * urgency is the due date, which changes meaning every day; a priority number fixed when the task
 * is created would go stale, and keeping it current would rewrite every open task daily and fill
 * each task's history with priority changes. The list sorts by due date and each card counts the
 * days.
 */
@Component
class TaskCards {

  static final DateTimeFormatter STATUTORY_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  /** The engine's column for a task's name holds this much. */
  private static final int NAME_LIMIT = 255;

  private static final String DECISION_TO_ASSESS =
      "Needs assessment: decision to assess (by week "
          + StatutoryClock.DECISION_TO_ASSESS_WEEKS
          + ")";
  private static final String ADVICE =
      "Needs assessment: advice (" + StatutoryClock.ADVICE_WEEKS + " weeks from the request)";
  private static final String DECISION_TO_ISSUE =
      "Needs assessment: decision to issue a plan (by week "
          + StatutoryClock.NO_PLAN_NOTICE_WEEKS
          + ")";
  private static final String DRAFT_PLAN = "Needs assessment: draft plan and consultation";
  private static final String FINAL_PLAN =
      "Needs assessment: final plan (by week " + StatutoryClock.FINAL_PLAN_WEEKS + ")";
  private static final String REVIEW_MEETING = "Annual review: the meeting";
  private static final String REVIEW_DECISION =
      "Annual review: the decision (" + StatutoryClock.REVIEW_DECISION_WEEKS + " weeks)";
  private static final String AMENDMENT =
      "Amending the plan (reg 22, " + StatutoryClock.AMENDED_PLAN_WEEKS + " weeks)";
  private static final String CEASE = "Ceasing the plan";
  private static final String TRANSFER_REVIEW = "Phase transfer: the review";
  private static final String TRANSFER_PLAN = "Phase transfer: amending the plan";
  private static final String SECTION_23 = "Section 23 notification: triage";
  private static final String MEDIATION = "Disagreement: mediation (within 30 days)";
  private static final String APPEAL = "Disagreement: appeal to the Tribunal";
  private static final String TRANSFER_OUT =
      "Moving council: transfer the plan ("
          + StatutoryClock.TRANSFER_OUT_WORKING_DAYS
          + " working days)";
  private static final String TRANSFER_IN =
      "Moved in: tell the family (" + StatutoryClock.TRANSFER_IN_NOTICE_WEEKS + " weeks)";
  private static final String TRIBUNAL_ORDER = "Tribunal order: compliance (reg 44)";
  private static final String REASSESSMENT_ANSWER =
      "Re-assessment: the answer (" + StatutoryClock.REASSESSMENT_DECISION_DAYS + " days)";
  private static final String REASSESSMENT =
      "Re-assessment: advice and plan (final plan "
          + StatutoryClock.REASSESSMENT_FINAL_PLAN_WEEKS
          + " weeks from the decision)";

  /**
   * The pathway and statutory stage each step belongs to, in the words of the Code of Practice's
   * timeline; the card shows it instead of the pathway's long name.
   */
  static final Map<String, String> STAGES =
      Map.ofEntries(
          Map.entry(AssessmentProcess.Elements.PREPARE_CASE_FOR_PANEL, DECISION_TO_ASSESS),
          Map.entry(AssessmentProcess.Elements.DECIDE_WHETHER_TO_ASSESS, DECISION_TO_ASSESS),
          Map.entry(
              AssessmentProcess.Elements.ESCALATE_LATE_DECISION_TO_ASSESS, DECISION_TO_ASSESS),
          Map.entry(AssessmentProcess.Elements.PLAN_ADVICE_REQUESTS, ADVICE),
          Map.entry(AssessmentProcess.Elements.GIVE_ADVICE, ADVICE),
          Map.entry(AssessmentProcess.Elements.CHASE_OVERDUE_ADVICE, ADVICE),
          Map.entry(AssessmentProcess.Elements.CONSIDER_ADVICE, DECISION_TO_ISSUE),
          Map.entry(AssessmentProcess.Elements.DECIDE_WHETHER_TO_ISSUE, DECISION_TO_ISSUE),
          Map.entry(AssessmentProcess.Elements.ESCALATE_LATE_NO_PLAN_DECISION, DECISION_TO_ISSUE),
          Map.entry(AssessmentProcess.Elements.DRAFT_PLAN, DRAFT_PLAN),
          Map.entry(AssessmentProcess.Elements.SERVE_DRAFT_PLAN, DRAFT_PLAN),
          Map.entry(AssessmentProcess.Elements.RECORD_PARENT_RESPONSE, DRAFT_PLAN),
          Map.entry(AssessmentProcess.Elements.RESPOND_TO_CONSULTATION, DRAFT_PLAN),
          Map.entry(AssessmentProcess.Elements.ISSUE_FINAL_PLAN, FINAL_PLAN),
          Map.entry(AnnualReviewProcess.Elements.ARRANGE_MEETING, REVIEW_MEETING),
          Map.entry(AnnualReviewProcess.Elements.CIRCULATE_ADVICE, REVIEW_MEETING),
          Map.entry(AnnualReviewProcess.Elements.SUBMIT_REPORT, REVIEW_MEETING),
          Map.entry(AnnualReviewProcess.Elements.DECIDE_OUTCOME, REVIEW_DECISION),
          Map.entry(AmendPlanProcess.Elements.RECORD_AMENDMENT_RESPONSE, AMENDMENT),
          Map.entry(AmendPlanProcess.Elements.ISSUE_AMENDED_PLAN, AMENDMENT),
          Map.entry(CeasePlanProcess.Elements.CONFIRM_CEASE, CEASE),
          Map.entry(CeasePlanProcess.Elements.RECORD_APPEAL_OUTCOME, CEASE),
          Map.entry(PhaseTransferProcess.Elements.HOLD_REVIEW, TRANSFER_REVIEW),
          Map.entry(PhaseTransferProcess.Elements.SEND_NOTICE_TASK, TRANSFER_PLAN),
          Map.entry(PhaseTransferProcess.Elements.ISSUE_PLAN, TRANSFER_PLAN),
          Map.entry(PhaseTransferProcess.Elements.ESCALATE_LATE, TRANSFER_PLAN),
          Map.entry(TransferOutProcess.Elements.TRANSFER_THE_PLAN, TRANSFER_OUT),
          Map.entry(TransferOutProcess.Elements.ESCALATE_LATE, TRANSFER_OUT),
          Map.entry(TransferInProcess.Elements.TELL_THE_FAMILY, TRANSFER_IN),
          Map.entry(TransferInProcess.Elements.ESCALATE_LATE, TRANSFER_IN),
          Map.entry(Section23Process.Elements.TRIAGE, SECTION_23),
          Map.entry(Section23Process.Elements.ESCALATE_LATE_TRIAGE, SECTION_23),
          Map.entry(DisagreementProcess.Elements.TELL_ICB, MEDIATION),
          Map.entry(DisagreementProcess.Elements.RECORD_MEDIATION_OUTCOME, MEDIATION),
          Map.entry(DisagreementProcess.Elements.ESCALATE_LATE_MEDIATION, MEDIATION),
          Map.entry(DisagreementProcess.Elements.RECORD_TRIBUNAL_DIRECTIONS, APPEAL),
          Map.entry(DisagreementProcess.Elements.SUBMIT_RESPONSE, APPEAL),
          Map.entry(DisagreementProcess.Elements.ESCALATE_LATE_RESPONSE, APPEAL),
          Map.entry(DisagreementProcess.Elements.RECORD_TRIBUNAL_DECISION, APPEAL),
          Map.entry(TribunalOrderProcess.Elements.COMPLY, TRIBUNAL_ORDER),
          Map.entry(TribunalOrderProcess.Elements.REVIEW_LIMIT_NEAR, TRIBUNAL_ORDER),
          Map.entry(TribunalOrderProcess.Elements.ACT_ON_LATE_ORDER, TRIBUNAL_ORDER),
          Map.entry(ReassessmentProcess.Elements.DECIDE_WHETHER_TO_REASSESS, REASSESSMENT_ANSWER));

  /** Kinds of advice whose code does not read as words once its hyphens are spaces. */
  private static final Map<String, String> ADVICE_KIND_NAMES =
      Map.of("hearing-vision", "Hearing and vision", "parent-requested", "Parent-requested");

  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
  public void nameAndDescribe(DelegateTask task) {
    if (task.getProcessInstanceId() == null) {
      return;
    }
    String childName = CHILD_NAME.get(task);
    String child = childName == null ? null : withId(childName, CHILD_ID.get(task));
    if (child != null) {
      task.setName(limit(step(task) + ": " + child));
    }
    task.setDescription(
        description(
            child, task.getExecution().getProcessBusinessKey(), stage(task), task.getDueDate()));
  }

  static String description(String child, String caseReference, String stage, Date due) {
    StringBuilder lines = new StringBuilder();
    if (child != null) {
      lines.append("Child: ").append(child).append('\n');
    }
    if (caseReference != null) {
      lines.append("Case: ").append(caseReference).append('\n');
    }
    lines.append("Stage: ").append(stage).append('\n');
    lines.append("Statutory date: ").append(due == null ? "none" : statutoryDate(due));
    return lines.toString();
  }

  /** The London calendar day a due date stands for, e.g. "16 February 2027". */
  static String statutoryDate(Date due) {
    LocalDate day = due.toInstant().atZone(StatutoryClock.ZONE).toLocalDate();
    return STATUTORY_DATE.format(day);
  }

  private static String withId(String childName, String childId) {
    return childId == null ? childName : childName + " (" + childId + ")";
  }

  /**
   * The step without the diagram's "Role:" prefix (the filter already says whose list it is), and
   * for an adviser the kind of advice asked for, which is what tells one adviser's task from
   * another's.
   */
  private static String step(DelegateTask task) {
    if (AssessmentProcess.Elements.GIVE_ADVICE.equals(task.getTaskDefinitionKey())) {
      String kind = ADVICE_TYPE.get(task);
      if (kind != null) {
        return adviceKindName(kind) + " advice";
      }
    }
    // One task serves every step of an order: the step in hand is what tells them apart.
    if (TribunalOrderProcess.Elements.COMPLY.equals(task.getTaskDefinitionKey())) {
      String step = COMPLIANCE_STEP_LABEL.get(task);
      if (step != null) {
        return "Comply with the order (" + step + ")";
      }
    }
    String label = task.getName() == null ? task.getTaskDefinitionKey() : task.getName();
    int role = label.indexOf(": ");
    String step = role < 0 ? label : label.substring(role + 2);
    return step.isEmpty() ? label : Character.toUpperCase(step.charAt(0)) + step.substring(1);
  }

  static String adviceKindName(String code) {
    String named = ADVICE_KIND_NAMES.get(code);
    if (named != null) {
      return named;
    }
    String words = code.replace('-', ' ').trim();
    return words.isEmpty() ? code : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static String stage(DelegateTask task) {
    // A re-assessment runs the needs assessment's steps on its own clock, not the 20 weeks.
    if (Boolean.TRUE.equals(AssessmentVariables.REASSESSMENT.get(task))) {
      return REASSESSMENT;
    }
    String stage = STAGES.get(task.getTaskDefinitionKey());
    if (stage != null) {
      return stage;
    }
    String pathway =
        task.getProcessEngineServices()
            .getRepositoryService()
            .getProcessDefinition(task.getProcessDefinitionId())
            .getName();
    return pathway == null ? task.getTaskDefinitionKey() : pathway;
  }

  private static String limit(String name) {
    return name.length() <= NAME_LIMIT ? name : name.substring(0, NAME_LIMIT - 1) + "…";
  }
}
