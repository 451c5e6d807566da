package org.ehcflow.reassessment;

import static org.ehcflow.vocabulary.ReassessmentVariables.*;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ehcflow.platform.CaseData;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.vocabulary.AssessmentOutcome;
import org.ehcflow.vocabulary.AssessmentVariables;
import org.ehcflow.vocabulary.CaseKeys;
import org.ehcflow.vocabulary.Pathways;
import org.ehcflow.vocabulary.ReassessDecision;
import org.ehcflow.vocabulary.ReassessmentOutcome;
import org.ehcflow.vocabulary.Variable;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The rules of a request to re-assess a plan: who may ask, the 15-day answer, the months since the
 * last assessment the published table weighs, and what the called assessment concluded.
 */
@Component
public class ReassessmentService {

  /** The start variables, as the contract names them. */
  static final Set<String> START =
      Variable.names(
          CHILD_ID,
          CHILD_NAME,
          DATE_OF_BIRTH,
          NHS_NUMBER,
          PARENT_EMAIL,
          SETTING_EMAIL,
          REQUEST_RECEIVED_DATE,
          REASSESSMENT_REQUESTED_BY,
          REASSESSMENT_REQUEST_REASON,
          NEEDS_CHANGED_SINCE_ASSESSMENT,
          LAST_ASSESSED_DATE);

  private final RuntimeService runtime;
  private final HistoryService history;

  public ReassessmentService(@Lazy RuntimeService runtime, @Lazy HistoryService history) {
    this.runtime = runtime;
    this.history = history;
  }

  /**
   * Checks a request before anything is kept. A second request while one is being answered or
   * carried out is refused naming the child: the running case answers it. A request made within 6
   * months of the last assessment is not refused here, because the law asks the council to answer
   * it in writing, with appeal rights; the table advises that it may be refused.
   */
  public void acceptStart(DelegateExecution execution) {
    CaseData data = CaseData.of(execution.getVariables());
    data.noOtherVariablesThan(START);
    String childId = data.requiredString(CHILD_ID, 64);
    data.requiredString(CHILD_NAME, 200);
    LocalDate dateOfBirth = data.notInTheFuture(DATE_OF_BIRTH, data.requiredDate(DATE_OF_BIRTH));
    data.optionalNhsNumber(NHS_NUMBER);
    data.requiredEmail(PARENT_EMAIL);
    data.optionalEmail(SETTING_EMAIL);
    LocalDate received =
        data.notInTheFuture(REQUEST_RECEIVED_DATE, data.requiredDate(REQUEST_RECEIVED_DATE));
    if (received != null && dateOfBirth != null) {
      if (received.isBefore(dateOfBirth)) {
        data.problem(REQUEST_RECEIVED_DATE, "is before the date of birth (" + dateOfBirth + ")");
      } else if (!dateOfBirth
          .plusYears(StatutoryClock.PLAN_AGE_LIMIT_YEARS + 1)
          .isAfter(received)) {
        data.problem(
            DATE_OF_BIRTH,
            "no one keeps a plan past the age of "
                + StatutoryClock.PLAN_AGE_LIMIT_YEARS
                + "; check the date of birth");
      }
    }
    data.requiredCode(REASSESSMENT_REQUESTED_BY);
    data.requiredString(REASSESSMENT_REQUEST_REASON, 10_000);
    Boolean changed = data.optionalBoolean(NEEDS_CHANGED_SINCE_ASSESSMENT);
    if (changed == null) {
      data.problem(NEEDS_CHANGED_SINCE_ASSESSMENT, "is required (true or false)");
    }
    LocalDate lastAssessed =
        data.notInTheFuture(LAST_ASSESSED_DATE, data.optionalDate(LAST_ASSESSED_DATE));
    if (lastAssessed != null && received != null && lastAssessed.isAfter(received)) {
      data.problem(LAST_ASSESSED_DATE, "is after the request was received (" + received + ")");
    }
    if (childId != null) {
      List<ProcessInstance> running =
          runtime
              .createProcessInstanceQuery()
              .processDefinitionKey(Pathways.REASSESSMENT)
              .variableValueEquals(CHILD_ID.name(), childId)
              .list();
      if (!running.isEmpty()) {
        data.problem(
            CHILD_ID,
            "a request to re-assess this child is already in hand ("
                + running.get(0).getBusinessKey()
                + "); record further information on that case");
      }
    }
    data.check("request to re-assess a plan");
    data.applyTo(execution);

    LocalDate known = latest(lastAssessed, lastAssessmentHeld(childId, received));
    LAST_ASSESSED_DATE.set(execution, known);
    MONTHS_SINCE_ASSESSED.set(
        execution, known == null ? null : (int) Period.between(known, received).toTotalMonths());
    DECISION_TO_REASSESS_DUE.set(execution, StatutoryClock.reassessmentDecisionDue(received));
    String key = execution.getProcessBusinessKey();
    if (key == null || key.isBlank()) {
      execution.setProcessBusinessKey(CaseKeys.reassessment(childId, received));
    }
  }

  /**
   * The day the child's last assessment or re-assessment this engine holds ended: a plan issued or
   * a decision not to issue (or not to amend) recorded on or before the request.
   */
  LocalDate lastAssessmentHeld(String childId, LocalDate onOrBefore) {
    List<String> assessments =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(Pathways.NEEDS_ASSESSMENT)
            .variableValueEquals(CHILD_ID.name(), childId)
            .list()
            .stream()
            .map(HistoricProcessInstance::getId)
            .toList();
    if (assessments.isEmpty()) {
      return null;
    }
    return history
        .createHistoricVariableInstanceQuery()
        .processInstanceIdIn(assessments.toArray(String[]::new))
        .variableName(AssessmentVariables.ASSESSMENT_OUTCOME_DATE.name())
        .list()
        .stream()
        .map(v -> v.getValue() == null ? null : LocalDate.parse(String.valueOf(v.getValue())))
        .filter(Objects::nonNull)
        .filter(date -> !date.isAfter(onOrBefore))
        .max(LocalDate::compareTo)
        .orElse(null);
  }

  private static LocalDate latest(LocalDate a, LocalDate b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  /**
   * The answer within 15 days: reasons always, since a refusal is appealable and a decision to
   * re-assess starts the 14-week clock from its date.
   */
  public void decide(VariableScope task) {
    CaseData data = CaseData.of(task);
    ReassessDecision decision = data.requiredCode(REASSESS_DECISION);
    data.requiredString(REASSESS_DECISION_REASON, 10_000);
    LocalDate decided =
        data.notInTheFuture(REASSESS_DECISION_DATE, data.requiredDate(REASSESS_DECISION_DATE));
    LocalDate received = REQUEST_RECEIVED_DATE.get(task);
    if (decided != null && received != null && decided.isBefore(received)) {
      data.problem(REASSESS_DECISION_DATE, "is before the request was received (" + received + ")");
    }
    data.check("decision whether to re-assess");
    CaseData.setIfChanged(task, REASSESS_DECISION_DATE, decided);
    REASSESSMENT.set(task, decision == ReassessDecision.REASSESS);
    if (decision == ReassessDecision.REASSESS) {
      // The letter saying the council will re-assess gives the date; the called assessment sets
      // the same from the same rule.
      FINAL_PLAN_DUE.set(task, StatutoryClock.reassessmentFinalPlanDue(decided));
    } else {
      REASSESSMENT_OUTCOME.set(task, ReassessmentOutcome.REFUSED);
    }
  }

  /** What the called assessment concluded: a plan issued again, not amended, or ended early. */
  public void recordOutcome(VariableScope execution) {
    AssessmentOutcome concluded = ASSESSMENT_OUTCOME.get(execution);
    REASSESSMENT_OUTCOME.set(
        execution,
        concluded == AssessmentOutcome.PLAN_ISSUED
            ? ReassessmentOutcome.PLAN_REISSUED
            : concluded == AssessmentOutcome.NO_PLAN
                ? ReassessmentOutcome.NOT_AMENDED
                : ReassessmentOutcome.ENDED);
  }
}
