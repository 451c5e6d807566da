package org.ehcflow.reporting;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.casefile.CaseDocument;
import org.ehcflow.casefile.DocumentStore;
import org.ehcflow.casefile.DocumentTypes;
import org.ehcflow.casefile.DocumentView;
import org.ehcflow.notification.NoticeOutbox;
import org.ehcflow.review.AnnualReviewProcess;
import org.ehcflow.section23.Section23Process;
import org.ehcflow.statutory.StatutoryClock;
import org.springframework.stereotype.Service;

/**
 * A child's chronology: every step of every pathway, with dates, who acted, the decisions and
 * their reasons, every notice (sent or still waiting), the deadlines met or missed and any
 * exceptions, for the parent, a complaint or a tribunal bundle. Read from history, never edited.
 */
@Service
public class CaseChronology {

  private static final String CHILD_ID = "childId";
  private static final String COMPLETED = "completed";

  /** The task whose completion is a decision: its decision and reason variables. */
  private static final Map<String, String[]> DECISIONS = Map.of(
      AssessmentProcess.Elements.DECIDE_WHETHER_TO_ASSESS, new String[] {"assessDecision", "assessDecisionReason"},
      AssessmentProcess.Elements.DECIDE_WHETHER_TO_ISSUE, new String[] {"issueDecision", "issueDecisionReason"},
      AnnualReviewProcess.Elements.DECIDE_OUTCOME, new String[] {"reviewDecision", "reviewDecisionReason"},
      AnnualReviewProcess.Elements.CONFIRM_CEASE, new String[] {"ceaseConfirmed", "ceaseConsultationSummary"},
      AnnualReviewProcess.Elements.RECORD_APPEAL_OUTCOME, new String[] {"appealOutcome", "appealNote"},
      Section23Process.Elements.TRIAGE, new String[] {"triageOutcome", "triageReason"});

  private final HistoryService history;
  private final RepositoryService repository;
  private final NoticeOutbox notices;
  private final DocumentStore documents;

  public CaseChronology(HistoryService history, RepositoryService repository, NoticeOutbox notices,
      DocumentStore documents) {
    this.history = history;
    this.repository = repository;
    this.notices = notices;
    this.documents = documents;
  }

  public String childIdOf(String processInstanceId) {
    HistoricVariableInstance childId = history.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(CHILD_ID).list().stream().findFirst().orElse(null);
    return childId == null ? null : String.valueOf(childId.getValue());
  }

  public List<ChronologyEntry> forChild(String childId) {
    Map<String, HistoricProcessInstance> instances = casesOf(childId);
    List<ChronologyEntry> entries = new ArrayList<>();
    for (HistoricProcessInstance instance : instances.values()) {
      entries.addAll(forInstance(instance));
    }
    for (NoticeOutbox.RecordedNotice notice : notices.of(instances.keySet())) {
      HistoricProcessInstance instance = instances.get(notice.processInstanceId());
      String event = switch (notice.status()) {
        case SENT -> notice.channel() == NoticeOutbox.Channel.LOCAL_OUTBOX
            ? "Notice kept in the local outbox: " : "Notice sent: ";
        case PENDING -> "Notice waiting to be sent: ";
      };
      entries.add(new ChronologyEntry(CaseNotice.at(notice.at()), instance.getProcessDefinitionKey(),
          instance.getBusinessKey(), instance.getId(), "notice", event + notice.subject(), null,
          "to " + notice.recipient(), notice.noticeId(), CaseNotice.delivery(notice), null));
    }
    for (CaseDocument document : documents.ofCases(List.copyOf(instances.keySet()))) {
      HistoricProcessInstance instance = instances.get(document.processInstanceId());
      entries.add(new ChronologyEntry(CaseNotice.at(document.uploadedAt()), instance.getProcessDefinitionKey(),
          instance.getBusinessKey(), instance.getId(), "document", "Document attached: " + document.name()
              + (document.title() == null ? "" : " (" + document.title() + ")"), document.uploadedBy(),
          "to '" + document.taskName() + "'; " + DocumentTypes.describe(List.of(document.contentType())) + ", "
              + DocumentView.readableSize(document.size()), null, null, document.id()));
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
        .map(notice -> CaseNotice.of(notice, instances.get(notice.processInstanceId()).getProcessDefinitionKey()))
        .toList();
  }

  private Map<String, HistoricProcessInstance> casesOf(String childId) {
    Map<String, HistoricProcessInstance> instances = new LinkedHashMap<>();
    history.createHistoricProcessInstanceQuery().variableValueEquals(CHILD_ID, childId).list()
        .forEach(instance -> instances.put(instance.getId(), instance));
    // A Section 23 notification that led to an assessment belongs to the same child.
    Set<String> notifications = new LinkedHashSet<>();
    for (String id : instances.keySet()) {
      history.createHistoricVariableInstanceQuery().processInstanceId(id)
          .variableName(AssessmentProcess.Start.SECTION_23_NOTIFICATION_ID).list()
          .forEach(variable -> notifications.add(String.valueOf(variable.getValue())));
    }
    notifications.forEach(key -> history.createHistoricProcessInstanceQuery().processDefinitionKey(Section23Process.KEY)
        .processInstanceBusinessKey(key).list().forEach(instance -> instances.putIfAbsent(instance.getId(), instance)));
    return instances;
  }

  private List<ChronologyEntry> forInstance(HistoricProcessInstance instance) {
    String pathway = instance.getProcessDefinitionKey();
    String caseKey = instance.getBusinessKey();
    String id = instance.getId();
    Map<String, Object> values = history.createHistoricVariableInstanceQuery().processInstanceId(id).list().stream()
        .filter(variable -> id.equals(variable.getExecutionId()) && variable.getValue() != null)
        .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue, (a, b) -> b));
    List<ChronologyEntry> entries = new ArrayList<>();
    String processName = repository.getProcessDefinition(instance.getProcessDefinitionId()).getName();
    entries.add(ChronologyEntry.of(at(instance.getStartTime()), pathway, caseKey, id, "case-opened",
        processName + ": case opened", instance.getStartUserId(), null));

    for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(id).finished().list()) {
      if (!COMPLETED.equals(task.getDeleteReason())) {
        continue;
      }
      String by = history.createUserOperationLogQuery().taskId(task.getId())
          .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
          .map(UserOperationLogEntry::getUserId).filter(user -> user != null).findFirst().orElse(task.getAssignee());
      String detail = null;
      String[] decision = DECISIONS.get(task.getTaskDefinitionKey());
      if (decision != null && values.get(decision[0]) != null) {
        detail = values.get(decision[0]) + (values.get(decision[1]) == null || values.get(decision[1]).toString().isBlank()
            ? "" : ": " + values.get(decision[1]));
      }
      entries.add(ChronologyEntry.of(at(task.getEndTime()), pathway, caseKey, id, decision != null ? "decision" : "task",
          task.getName(), by, detail));
    }

    for (ComplianceReport.DeadlineKind kind : ComplianceReport.DEADLINES) {
      if (!kind.processKey().equals(pathway) || values.get(kind.dueVariable()) == null) {
        continue;
      }
      String due = values.get(kind.dueVariable()).toString();
      Object done = kind.doneVariables().stream().map(values::get).filter(value -> value != null).findFirst().orElse(null);
      String outcome;
      if (done instanceof String doneDate && doneDate.matches("\\d{4}-\\d{2}-\\d{2}")) {
        outcome = doneDate.compareTo(due) <= 0 ? "met (" + doneDate + ")" : "missed: done " + doneDate;
      } else if (done != null) {
        outcome = "met";
      } else {
        outcome = instance.getEndTime() == null ? "open" : "not reached: case closed";
      }
      entries.add(ChronologyEntry.of(due + "T23:59", pathway, caseKey, id, "deadline", kind.label() + " due " + due,
          null, outcome));
    }

    if (Boolean.TRUE.equals(values.get(AssessmentProcess.Vars.EXCEPTIONS_APPLY))) {
      entries.add(ChronologyEntry.of(values.get(AssessmentProcess.Vars.EXCEPTION_RECORDED_DATE) + "T00:00", pathway,
          caseKey, id, "exception", "Exception to the time limits recorded: " + values.get(AssessmentProcess.Vars.EXCEPTION_GROUND),
          null, values.get(AssessmentProcess.Vars.EXCEPTION_NOTE) == null ? null
              : values.get(AssessmentProcess.Vars.EXCEPTION_NOTE).toString()));
    }
    if (instance.getEndTime() != null) {
      entries.add(ChronologyEntry.of(at(instance.getEndTime()), pathway, caseKey, id, "case-closed",
          processName + ": case closed", null, instance.getEndActivityId()));
    }
    return entries;
  }

  private static String at(Date date) {
    return LocalDateTime.ofInstant(Instant.ofEpochMilli(date.getTime()), StatutoryClock.ZONE).withNano(0).toString();
  }
}
