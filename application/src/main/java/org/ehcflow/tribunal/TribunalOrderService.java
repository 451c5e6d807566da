package org.ehcflow.tribunal;

import static org.ehcflow.vocabulary.TribunalOrderVariables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.ehcflow.platform.CaseData;
import org.ehcflow.platform.CaseDataException;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.statutory.WorkingDayCalendar;
import org.ehcflow.vocabulary.Code;
import org.ehcflow.vocabulary.ComplianceStep;
import org.ehcflow.vocabulary.ExceptionGround;
import org.ehcflow.vocabulary.IssueDecision;
import org.ehcflow.vocabulary.OrderType;
import org.ehcflow.vocabulary.Variable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The rules of an order's compliance clocks (reg 44, 45; reg 42 for agreements). The periods are
 * the decision table's ({@code tribunal-compliance.dmn}), so a process owner corrects them without
 * a code change; here they become dates, every one counted from the order date, as reg 44 counts
 * them (the final plan after an assessment is 14 weeks from the order, not from the notice).
 */
@Component
public class TribunalOrderService {

  /**
   * How many working days before a step's limit the managers are warned. A local choice, not law: a
   * week gives a manager time to act on a limit the caseworkers may miss.
   */
  public static final int ESCALATION_LEAD_WORKING_DAYS = 5;

  private final WorkingDayCalendar workingDays;
  private final int escalationLead;

  public TribunalOrderService(
      WorkingDayCalendar workingDays,
      @Value("${ehc.tribunal.escalation-lead-working-days:" + ESCALATION_LEAD_WORKING_DAYS + "}")
          int escalationLead) {
    this.workingDays = workingDays;
    this.escalationLead = escalationLead;
  }

  /** One step of an order and how many weeks after the order date its limit falls. */
  record Step(ComplianceStep step, int weeks) {}

  /**
   * The steps the table gives for the order, in order.
   *
   * @param row the table's outputs, or null when no rule matched
   */
  static List<Step> steps(Map<String, Object> row, String orderType, String orderSource) {
    if (row == null) {
      throw new CaseDataException(
          "Invalid start of a Tribunal order's compliance. orderSource: a "
              + orderType
              + " cannot come from '"
              + orderSource
              + "' (a health or social care recommendation comes only from the Tribunal, an"
              + " agreed-action only from a mediation agreement)");
    }
    List<Step> steps = new ArrayList<>();
    for (String position : List.of("first", "second", "third")) {
      Object code = row.get(position + "Step");
      if (code != null && !code.toString().isBlank()) {
        Object weeks = row.get(position + "StepWeeks");
        if (!(weeks instanceof Number number)) {
          throw new IllegalStateException(
              "tribunal-compliance.dmn gives the step " + code + " no weeks");
        }
        steps.add(new Step(Code.parse(ComplianceStep.class, code.toString()), number.intValue()));
      }
    }
    if (steps.isEmpty()) {
      throw new IllegalStateException("tribunal-compliance.dmn gives " + orderType + " no step");
    }
    return steps;
  }

  /** Where each step's limit is kept, under the name people and reports know it by. */
  static Variable<LocalDate> dueVariable(ComplianceStep step) {
    return switch (step) {
      case NOTIFY_ASSESSMENT -> ASSESSMENT_NOTICE_DUE;
      case NO_PLAN_DECISION -> NO_PLAN_DECISION_DUE;
      case DRAFT_PLAN -> DRAFT_PLAN_DUE;
      case FINAL_PLAN -> FINAL_PLAN_DUE;
      default -> COMPLIANCE_DUE;
    };
  }

  /** Where the date each step was done is kept. */
  static Variable<LocalDate> doneVariable(ComplianceStep step) {
    return switch (step) {
      case NOTIFY_ASSESSMENT -> ASSESSMENT_NOTICE_DATE;
      case NO_PLAN_DECISION -> PLAN_DECISION_DATE;
      case DRAFT_PLAN -> DRAFT_PLAN_ISSUED_DATE;
      case FINAL_PLAN -> FINAL_PLAN_ISSUED_DATE;
      default -> COMPLIED_DATE;
    };
  }

  /**
   * A step's limit: the order date plus the table's weeks ("immediately" is the order date itself),
   * or the date a mediation agreement gave an action of its own.
   */
  static LocalDate limit(Step step, LocalDate orderDate, LocalDate agreedActionDue) {
    if (step.step() == ComplianceStep.AGREED_ACTION && agreedActionDue != null) {
      return agreedActionDue;
    }
    return StatutoryClock.weeksAfter(orderDate, step.weeks());
  }

  /**
   * When the managers are warned: the given number of working days before the limit, but never
   * before the order (an order to act immediately is escalated on its own day).
   */
  public LocalDate escalateOn(LocalDate limit, LocalDate orderDate) {
    LocalDate day = workingDays.before(limit, escalationLead);
    return day.isBefore(orderDate) ? orderDate : day;
  }

  @SuppressWarnings("unchecked")
  public void setComplianceDates(DelegateExecution execution) {
    OrderType type = ORDER_TYPE.require(execution);
    LocalDate orderDate = ORDER_DATE.require(execution);
    Map<String, Object> row = (Map<String, Object>) COMPLIANCE_RULE.get(execution);
    List<Step> steps = steps(row, type.code(), ORDER_SOURCE.require(execution).code());
    LocalDate agreedDue = AGREED_ACTION_DUE.get(execution);
    LocalDate last = null;
    for (Step step : steps) {
      last = limit(step, orderDate, agreedDue);
      dueVariable(step.step()).set(execution, last);
    }
    COMPLIANCE_DUE.set(execution, last);
    COMPLIANCE_STEPS.set(
        execution, String.join(",", steps.stream().map(s -> s.step().code()).toList()));
    COMPLIANCE_GROUP.set(execution, (String) row.get(COMPLIANCE_GROUP.name()));
    ORDER_LATE.set(execution, false);
    open(execution, steps.get(0).step(), orderDate);
  }

  /** The step after the one just done, as the order lists them. */
  public void openNextStep(DelegateExecution execution) {
    List<ComplianceStep> steps = stepList(execution);
    int done = steps.indexOf(COMPLIANCE_STEP.require(execution));
    open(execution, steps.get(done + 1), ORDER_DATE.require(execution));
  }

  private static List<ComplianceStep> stepList(VariableScope scope) {
    return Arrays.stream(COMPLIANCE_STEPS.require(scope).split(","))
        .map(code -> Code.parse(ComplianceStep.class, code))
        .toList();
  }

  private void open(DelegateExecution execution, ComplianceStep step, LocalDate orderDate) {
    LocalDate due = dueVariable(step).require(execution);
    COMPLIANCE_STEP.set(execution, step);
    COMPLIANCE_STEP_LABEL.set(execution, step.label());
    COMPLIANCE_STEP_DUE.set(execution, due);
    COMPLIANCE_STEP_ESCALATE_ON.set(execution, escalateOn(due, orderDate));
    // The form shows the case's values under its fields' names: the last step's record would
    // otherwise appear filled in on this one.
    for (Variable<?> field : List.of(STEP_DONE_DATE, STEP_DONE_NOTE, PLAN_DECISION)) {
      if (field.isSet(execution)) {
        execution.setVariable(field.name(), null);
      }
    }
  }

  /**
   * The step done: its date (not before the order, not in the future) and what was done; for the
   * decision after an assessment, whether a plan will be issued, which decides whether the final
   * plan is still a step. A reg 44(3) exception is kept beside the limit and never moves it.
   */
  public void recordStep(DelegateTask task) {
    CaseData data = CaseData.of(task);
    ComplianceStep step = COMPLIANCE_STEP.require(task);
    LocalDate orderDate = ORDER_DATE.require(task);
    LocalDate done = data.notInTheFuture(STEP_DONE_DATE, data.requiredDate(STEP_DONE_DATE));
    if (done != null && done.isBefore(orderDate)) {
      data.problem(STEP_DONE_DATE, "cannot be before the order (orderDate " + orderDate + ")");
    }
    data.requiredString(STEP_DONE_NOTE, 5_000);
    IssueDecision decision = data.optionalCode(PLAN_DECISION);
    if (step == ComplianceStep.NO_PLAN_DECISION && decision == null) {
      data.problem(PLAN_DECISION, "is required: whether the council will issue a plan");
    } else if (step != ComplianceStep.NO_PLAN_DECISION && decision != null) {
      data.problem(PLAN_DECISION, "is only for the decision after an ordered assessment");
    }
    Boolean exceptionsApply = data.optionalBoolean(EXCEPTIONS_APPLY);
    ExceptionGround ground = data.optionalCode(EXCEPTION_GROUND);
    data.optionalString(EXCEPTION_NOTE, 5_000);
    if (Boolean.TRUE.equals(exceptionsApply) && ground == null) {
      data.problem(EXCEPTION_GROUND, "is required when an exception applies (reg 44(3))");
    } else if (ground != null && !Boolean.TRUE.equals(exceptionsApply)) {
      data.problem(EXCEPTIONS_APPLY, "must be true when an exception ground is given");
    }
    data.check("step of the order");
    data.applyTo(task);
    if (Boolean.TRUE.equals(exceptionsApply) && !EXCEPTION_RECORDED_DATE.isSet(task)) {
      EXCEPTION_RECORDED_DATE.set(task, done);
    }

    doneVariable(step).set(task, done);
    // The 10-week limit binds only a decision not to issue a plan; a plan has until the final
    // plan's.
    boolean onTime =
        decision == IssueDecision.ISSUE || !done.isAfter(dueVariable(step).require(task));
    Boolean earlier = COMPLIED_ON_TIME.get(task);
    COMPLIED_ON_TIME.set(task, (earlier == null || earlier) && onTime);

    List<ComplianceStep> steps = stepList(task);
    boolean noPlan = decision == IssueDecision.DO_NOT_ISSUE;
    boolean remain = !noPlan && steps.indexOf(step) < steps.size() - 1;
    COMPLIANCE_STEPS_REMAIN.set(task, remain);
    if (!remain) {
      COMPLIANCE_DATE.set(task, done);
    }
  }
}
