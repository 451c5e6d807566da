package org.ehcflow.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.ehcflow.amendment.AmendPlanProcess;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.casefile.CaseDocument;
import org.ehcflow.casefile.DocumentStore;
import org.ehcflow.casefile.DocumentTypes;
import org.ehcflow.casefile.DocumentView;
import org.ehcflow.cease.CeasePlanProcess;
import org.ehcflow.disagreement.DisagreementProcess;
import org.ehcflow.notification.NoticeOutbox;
import org.ehcflow.reassessment.ReassessmentProcess;
import org.ehcflow.review.AnnualReviewProcess;
import org.ehcflow.section23.Section23Process;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.vocabulary.AmendPlanVariables;
import org.ehcflow.vocabulary.AnnualReviewVariables;
import org.ehcflow.vocabulary.AssessmentVariables;
import org.ehcflow.vocabulary.CeasePlanVariables;
import org.ehcflow.vocabulary.ChildVariables;
import org.ehcflow.vocabulary.Code;
import org.ehcflow.vocabulary.DisagreementVariables;
import org.ehcflow.vocabulary.ExceptionGround;
import org.ehcflow.vocabulary.Pathways;
import org.ehcflow.vocabulary.ReassessmentVariables;
import org.ehcflow.vocabulary.Section23Variables;
import org.ehcflow.vocabulary.Variable;
import org.springframework.stereotype.Service;

/**
 * A child's chronology: every step of every pathway, with dates, who acted, the decisions and their
 * reasons, every notice (sent or still waiting), the deadlines met or missed and any exceptions,
 * for the parent, a complaint or a tribunal bundle. Read from history, never edited.
 */
@Service
public class CaseChronology {

  private static final Variable<String> CHILD_ID = ChildVariables.CHILD_ID;
  private static final String COMPLETED = "completed";

  /** A decision a task records, and the reason given for it. */
  private record Decision(Variable<? extends Code> decision, Variable<String> reason) {}

  /**
   * The task whose completion is a decision (by the pathway's element id): its decision and reason
   * variables.
   */
  private static final Map<String, Decision> DECISIONS =
      Map.of(
          AssessmentProcess.Elements.DECIDE_WHETHER_TO_ASSESS,
          new Decision(
              AssessmentVariables.ASSESS_DECISION, AssessmentVariables.ASSESS_DECISION_REASON),
          AssessmentProcess.Elements.DECIDE_WHETHER_TO_ISSUE,
          new Decision(
              AssessmentVariables.ISSUE_DECISION, AssessmentVariables.ISSUE_DECISION_REASON),
          AnnualReviewProcess.Elements.DECIDE_OUTCOME,
          new Decision(
              AnnualReviewVariables.REVIEW_DECISION, AnnualReviewVariables.REVIEW_DECISION_REASON),
          AmendPlanProcess.Elements.ISSUE_AMENDED_PLAN,
          new Decision(
              AmendPlanVariables.AMENDMENT_DECISION, AmendPlanVariables.NOT_AMENDING_REASON),
          CeasePlanProcess.Elements.CONFIRM_CEASE,
          new Decision(
              CeasePlanVariables.CEASE_CONFIRMED, CeasePlanVariables.CEASE_CONSULTATION_SUMMARY),
          CeasePlanProcess.Elements.RECORD_APPEAL_OUTCOME,
          new Decision(CeasePlanVariables.APPEAL_OUTCOME, CeasePlanVariables.APPEAL_NOTE),
          Section23Process.Elements.TRIAGE,
          new Decision(Section23Variables.TRIAGE_OUTCOME, Section23Variables.TRIAGE_REASON),
          DisagreementProcess.Elements.RECORD_MEDIATION_OUTCOME,
          new Decision(
              DisagreementVariables.MEDIATION_OUTCOME, DisagreementVariables.AGREED_ACTIONS),
          DisagreementProcess.Elements.RECORD_TRIBUNAL_DECISION,
          new Decision(DisagreementVariables.TRIBUNAL_OUTCOME, DisagreementVariables.ORDER_DETAIL),
          ReassessmentProcess.Elements.DECIDE_WHETHER_TO_REASSESS,
          new Decision(
              ReassessmentVariables.REASSESS_DECISION,
              ReassessmentVariables.REASSESS_DECISION_REASON));

  private final HistoryService history;
  private final RepositoryService repository;
  private final NoticeOutbox notices;
  private final DocumentStore documents;

  public CaseChronology(
      HistoryService history,
      RepositoryService repository,
      NoticeOutbox notices,
      DocumentStore documents) {
    this.history = history;
    this.repository = repository;
    this.notices = notices;
    this.documents = documents;
  }

  public String childIdOf(String processInstanceId) {
    HistoricVariableInstance childId =
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(processInstanceId)
            .variableName(CHILD_ID.name())
            .list()
            .stream()
            .findFirst()
            .orElse(null);
    return childId == null ? null : CHILD_ID.decode(childId.getValue());
  }

  public List<ChronologyEntry> forChild(String childId) {
    Map<String, HistoricProcessInstance> instances = casesOf(childId);
    List<ChronologyEntry> entries = new ArrayList<>();
    for (HistoricProcessInstance instance : instances.values()) {
      entries.addAll(forInstance(instance));
    }
    for (NoticeOutbox.RecordedNotice notice : notices.of(instances.keySet())) {
      HistoricProcessInstance instance = instances.get(notice.processInstanceId());
      String event =
          switch (notice.status()) {
            case SENT ->
                notice.channel() == NoticeOutbox.Channel.LOCAL_OUTBOX
                    ? "Notice kept in the local outbox: "
                    : "Notice sent: ";
            case PENDING -> "Notice waiting to be sent: ";
          };
      entries.add(
          new ChronologyEntry(
              CaseNotice.at(notice.at()),
              instance.getProcessDefinitionKey(),
              instance.getBusinessKey(),
              instance.getId(),
              "notice",
              event + notice.subject(),
              null,
              "to " + notice.recipient(),
              notice.noticeId(),
              CaseNotice.delivery(notice),
              null));
    }
    for (CaseDocument document : documents.ofCases(List.copyOf(instances.keySet()))) {
      HistoricProcessInstance instance = instances.get(document.processInstanceId());
      entries.add(
          new ChronologyEntry(
              CaseNotice.at(document.uploadedAt()),
              instance.getProcessDefinitionKey(),
              instance.getBusinessKey(),
              instance.getId(),
              "document",
              DocumentTitles.isPlan(document)
                  ? DocumentTitles.of(document) + ": " + document.name()
                  : "Document attached: "
                      + document.name()
                      + (document.title() == null ? "" : " (" + document.title() + ")"),
              document.uploadedBy(),
              (DocumentTitles.isPlan(document) ? "at '" : "to '")
                  + document.taskName()
                  + "'; "
                  + DocumentTypes.describe(List.of(document.contentType()))
                  + ", "
                  + DocumentView.readableSize(document.size()),
              null,
              null,
              document.id()));
    }
    entries.sort(Comparator.comparing(ChronologyEntry::at));
    return entries;
  }

  /**
   * Every notice of the child's cases, oldest first, sent or waiting, with its full text. Only the
   * child's own cases are read, so a notice id of another child's case is never found here.
   */
  public List<CaseNotice> noticesForChild(String childId) {
    Map<String, HistoricProcessInstance> instances = casesOf(childId);
    return notices.of(instances.keySet()).stream()
        .map(
            notice ->
                CaseNotice.of(
                    notice, instances.get(notice.processInstanceId()).getProcessDefinitionKey()))
        .toList();
  }

  /** Every document in the child's cases' files, in the order they came. */
  public List<CaseDocument> documentsForChild(String childId) {
    return documents.ofCases(List.copyOf(casesOf(childId).keySet()));
  }

  /** The child's name as the latest of their cases recorded it; null when none did. */
  public String childName(String childId) {
    String[] instances = casesOf(childId).keySet().toArray(String[]::new);
    if (instances.length == 0) {
      return null;
    }
    return history
        .createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instances)
        .variableName(ChildVariables.CHILD_NAME.name())
        .list()
        .stream()
        .filter(variable -> variable.getValue() instanceof String name && !name.isBlank())
        .max(
            Comparator.comparing(
                HistoricVariableInstance::getCreateTime,
                Comparator.nullsFirst(Comparator.naturalOrder())))
        .map(variable -> ChildVariables.CHILD_NAME.decode(variable.getValue()))
        .orElse(null);
  }

  private Map<String, HistoricProcessInstance> casesOf(String childId) {
    Map<String, HistoricProcessInstance> instances = new LinkedHashMap<>();
    history
        .createHistoricProcessInstanceQuery()
        .variableValueEquals(CHILD_ID.name(), childId)
        .list()
        .forEach(instance -> instances.put(instance.getId(), instance));
    // A Section 23 notification that led to an assessment belongs to the same child.
    Set<String> notifications = new LinkedHashSet<>();
    for (String id : instances.keySet()) {
      history
          .createHistoricVariableInstanceQuery()
          .processInstanceId(id)
          .variableName(AssessmentVariables.SECTION_23_NOTIFICATION_ID.name())
          .list()
          .stream()
          .map(
              variable ->
                  AssessmentVariables.SECTION_23_NOTIFICATION_ID.decode(variable.getValue()))
          .filter(Objects::nonNull)
          .forEach(notifications::add);
    }
    notifications.forEach(
        key ->
            history
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(Pathways.SECTION_23_NOTIFICATION)
                .processInstanceBusinessKey(key)
                .list()
                .forEach(instance -> instances.putIfAbsent(instance.getId(), instance)));
    return instances;
  }

  private List<ChronologyEntry> forInstance(HistoricProcessInstance instance) {
    String pathway = instance.getProcessDefinitionKey();
    String caseKey = instance.getBusinessKey();
    String id = instance.getId();
    Map<String, Object> values =
        history.createHistoricVariableInstanceQuery().processInstanceId(id).list().stream()
            .filter(variable -> id.equals(variable.getExecutionId()) && variable.getValue() != null)
            .collect(
                Collectors.toMap(
                    HistoricVariableInstance::getName,
                    HistoricVariableInstance::getValue,
                    (a, b) -> b));
    List<ChronologyEntry> entries = new ArrayList<>();
    String processName =
        repository.getProcessDefinition(instance.getProcessDefinitionId()).getName();
    entries.add(
        ChronologyEntry.of(
            at(instance.getStartTime()),
            pathway,
            caseKey,
            id,
            "case-opened",
            processName + ": case opened",
            instance.getStartUserId(),
            null));

    for (HistoricTaskInstance task :
        history.createHistoricTaskInstanceQuery().processInstanceId(id).finished().list()) {
      if (!COMPLETED.equals(task.getDeleteReason())) {
        continue;
      }
      String by =
          history
              .createUserOperationLogQuery()
              .taskId(task.getId())
              .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
              .list()
              .stream()
              .map(UserOperationLogEntry::getUserId)
              .filter(user -> user != null)
              .findFirst()
              .orElse(task.getAssignee());
      String detail = null;
      Decision decision = DECISIONS.get(task.getTaskDefinitionKey());
      Code decided = decision == null ? null : decision.decision().get(values);
      if (decided != null) {
        String reason = decision.reason().get(values);
        detail = decided.code() + (reason == null || reason.isBlank() ? "" : ": " + reason);
      }
      entries.add(
          ChronologyEntry.of(
              at(task.getEndTime()),
              pathway,
              caseKey,
              id,
              decision != null ? "decision" : "task",
              task.getName(),
              by,
              detail));
    }

    for (ComplianceReport.DeadlineKind kind : ComplianceReport.DEADLINES) {
      // Each clock once: a Tribunal order's steps, not the step in hand they all passed through.
      LocalDate due =
          kind.shown().asClock()
                  && kind.reportedBy(pathway, instance.getSuperProcessInstanceId() != null)
              ? kind.dueVariable().get(values)
              : null;
      if (due == null) {
        continue;
      }
      Object done =
          kind.doneVariables().stream()
              .map(variable -> variable.get(values))
              .filter(Objects::nonNull)
              .findFirst()
              .orElse(null);
      String outcome;
      if (done instanceof LocalDate doneDate) {
        outcome = !doneDate.isAfter(due) ? "met (" + doneDate + ")" : "missed: done " + doneDate;
      } else if (done != null) {
        outcome = "met";
      } else {
        outcome = instance.getEndTime() == null ? "open" : "not reached: case closed";
      }
      entries.add(
          ChronologyEntry.of(
              due + "T23:59",
              pathway,
              caseKey,
              id,
              "deadline",
              kind.label() + " due " + due,
              null,
              outcome));
    }

    if (Boolean.TRUE.equals(AssessmentVariables.EXCEPTIONS_APPLY.get(values))) {
      ExceptionGround ground = AssessmentVariables.EXCEPTION_GROUND.get(values);
      entries.add(
          ChronologyEntry.of(
              AssessmentVariables.EXCEPTION_RECORDED_DATE.get(values) + "T00:00",
              pathway,
              caseKey,
              id,
              "exception",
              "Exception to the time limits recorded: " + (ground == null ? null : ground.code()),
              null,
              AssessmentVariables.EXCEPTION_NOTE.get(values)));
    }
    if (instance.getEndTime() != null) {
      entries.add(
          ChronologyEntry.of(
              at(instance.getEndTime()),
              pathway,
              caseKey,
              id,
              "case-closed",
              processName + ": case closed",
              null,
              instance.getEndActivityId()));
    }
    return entries;
  }

  private static String at(Date date) {
    return LocalDateTime.ofInstant(Instant.ofEpochMilli(date.getTime()), StatutoryClock.ZONE)
        .withNano(0)
        .toString();
  }
}
