package org.ehcflow.review;

import static org.ehcflow.vocabulary.AnnualReviewVariables.*;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.ehcflow.platform.CaseData;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.vocabulary.CaseKeys;
import org.ehcflow.vocabulary.Variable;
import org.springframework.stereotype.Component;

/**
 * Checks a review's start, from a final plan, an imported plan or a caseworker, before anything is
 * kept.
 */
@Component("annualReviewStartValidator")
public class AnnualReviewStartValidator implements ExecutionListener {

  /**
   * A plan may be maintained to the end of the academic year in which the young person turns 25
   * ({@link StatutoryClock#PLAN_AGE_LIMIT_YEARS}), and never on their 26th birthday, so no one with
   * a plan is this old.
   */
  static final int NO_PLAN_FROM_AGE = StatutoryClock.PLAN_AGE_LIMIT_YEARS + 1;

  /**
   * The start variables, as the contract names them; settingPhase and reviewDueBy are the project's
   * extensions.
   */
  static final Set<String> START =
      Variable.names(
          CHILD_ID,
          CHILD_NAME,
          DATE_OF_BIRTH,
          NHS_NUMBER,
          PARENT_EMAIL,
          PLAN_ISSUED_DATE,
          LAST_REVIEW_DECISION_DATE,
          YEAR_GROUP,
          NAMED_SETTING,
          SETTING_PHASE,
          REVIEW_DUE_BY);

  @Override
  public void notify(DelegateExecution execution) {
    checked(execution.getVariables()).applyTo(execution);
    String given = execution.getProcessBusinessKey();
    if (given == null || given.isBlank()) {
      execution.setProcessBusinessKey(businessKey(execution));
    }
    // Forms and files may send whole numbers as Long or Double; the decision tables expect an
    // Integer.
    Integer yearGroup = YEAR_GROUP.get(execution);
    if (yearGroup != null) {
      YEAR_GROUP.set(execution, yearGroup);
    }
  }

  /** As a final plan names its review: the child and the date the 12 months run from. */
  static String businessKey(VariableScope checkedStart) {
    return CaseKeys.annualReview(
        CHILD_ID.get(checkedStart),
        PLAN_ISSUED_DATE.get(checkedStart),
        LAST_REVIEW_DECISION_DATE.get(checkedStart));
  }

  /** The same, for a start checked before the case exists. */
  static String businessKey(Map<String, Object> checkedStart) {
    return CaseKeys.annualReview(
        CHILD_ID.get(checkedStart),
        PLAN_ISSUED_DATE.get(checkedStart),
        LAST_REVIEW_DECISION_DATE.get(checkedStart));
  }

  /**
   * The same checks without a case, so the plan import can refuse a bad row before it asks the
   * engine to start anything. Throws {@link org.ehcflow.platform.CaseDataException} naming each
   * value.
   */
  public static CaseData checked(Map<String, Object> variables) {
    CaseData data = CaseData.of(variables);
    data.noOtherVariablesThan(START);
    data.requiredString(CHILD_ID, 64);
    data.requiredString(CHILD_NAME, 200);
    LocalDate dateOfBirth = data.notInTheFuture(DATE_OF_BIRTH, data.requiredDate(DATE_OF_BIRTH));
    if (dateOfBirth != null && !dateOfBirth.plusYears(NO_PLAN_FROM_AGE).isAfter(data.today())) {
      data.problem(
          DATE_OF_BIRTH,
          "a plan does not continue past the young person's "
              + NO_PLAN_FROM_AGE
              + "th year; check the date of birth");
    }
    data.optionalNhsNumber(NHS_NUMBER);
    data.requiredEmail(PARENT_EMAIL);
    LocalDate planIssued =
        notBeforeBirth(
            data,
            PLAN_ISSUED_DATE,
            dateOfBirth,
            data.notInTheFuture(PLAN_ISSUED_DATE, data.optionalDate(PLAN_ISSUED_DATE)));
    LocalDate lastReview =
        notBeforeBirth(
            data,
            LAST_REVIEW_DECISION_DATE,
            dateOfBirth,
            data.notInTheFuture(
                LAST_REVIEW_DECISION_DATE, data.optionalDate(LAST_REVIEW_DECISION_DATE)));
    if (planIssued == null
        && lastReview == null
        && isBlank(variables.get(PLAN_ISSUED_DATE.name()))
        && isBlank(variables.get(LAST_REVIEW_DECISION_DATE.name()))) {
      data.problem(PLAN_ISSUED_DATE, "is required unless lastReviewDecisionDate is given");
    }
    data.optionalInteger(YEAR_GROUP, -2, 14);
    data.optionalString(NAMED_SETTING, 200);
    data.optionalCode(SETTING_PHASE);
    LocalDate dueBy = data.optionalDate(REVIEW_DUE_BY);
    LocalDate runsFrom = lastReview != null ? lastReview : planIssued;
    if (dueBy != null && runsFrom != null && !dueBy.isAfter(runsFrom)) {
      data.problem(REVIEW_DUE_BY, "must be after the date the review runs from (" + runsFrom + ")");
    }
    data.check("start of an annual review");
    return data;
  }

  private static LocalDate notBeforeBirth(
      CaseData data, Variable<LocalDate> variable, LocalDate dateOfBirth, LocalDate date) {
    if (date != null && dateOfBirth != null && date.isBefore(dateOfBirth)) {
      data.problem(variable, "is before the date of birth (" + dateOfBirth + ")");
    }
    return date;
  }

  private static boolean isBlank(Object value) {
    return value == null || value.toString().isBlank();
  }
}
