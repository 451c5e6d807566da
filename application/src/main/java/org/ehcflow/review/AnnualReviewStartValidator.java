package org.ehcflow.review;

import static org.ehcflow.review.AnnualReviewProcess.Start.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.ehcflow.platform.BusinessKeys;
import org.ehcflow.platform.CaseData;
import org.springframework.stereotype.Component;

/** Checks a review's start, from a final plan, an imported plan or a caseworker, before anything is kept. */
@Component("annualReviewStartValidator")
public class AnnualReviewStartValidator implements ExecutionListener {

  /**
   * A plan may be maintained to the end of the academic year in which the young person turns 25,
   * so no one with a plan is 26 or older.
   */
  static final int PLAN_AGE_LIMIT = 26;

  @Override
  public void notify(DelegateExecution execution) {
    CaseData data = checked(execution.getVariables());
    data.applyTo(execution);
    Object planIssued = execution.getVariable(PLAN_ISSUED_DATE);
    Object lastReview = execution.getVariable(LAST_REVIEW_DECISION_DATE);
    // ISO dates compare as text; the review runs from the later of the two.
    Object runsFrom = lastReview != null && (planIssued == null || lastReview.toString().compareTo(planIssued.toString()) > 0)
        ? lastReview : planIssued;
    BusinessKeys.giveIfMissing(execution, "AR", execution.getVariable(CHILD_ID), runsFrom);
    Object yearGroup = execution.getVariable(YEAR_GROUP);
    // Forms and files may send whole numbers as Long or Double; the decision tables expect an Integer.
    if (yearGroup instanceof Number number) {
      execution.setVariable(YEAR_GROUP, number.intValue());
    }
  }

  /**
   * The same checks without a case, so the plan import can refuse a bad row before it asks the
   * engine to start anything. Throws {@link org.ehcflow.platform.CaseDataException} naming each value.
   */
  public static CaseData checked(java.util.Map<String, Object> variables) {
    CaseData data = CaseData.of(variables);
    data.noOtherVariablesThan(ALL);
    data.requiredString(CHILD_ID, 64);
    data.requiredString(CHILD_NAME, 200);
    LocalDate dateOfBirth = data.notInTheFuture(DATE_OF_BIRTH, data.requiredDate(DATE_OF_BIRTH));
    if (dateOfBirth != null && !dateOfBirth.plusYears(PLAN_AGE_LIMIT).isAfter(data.today())) {
      data.problem(DATE_OF_BIRTH, "a plan does not continue past the young person's " + PLAN_AGE_LIMIT
          + "th year; check the date of birth");
    }
    data.requiredEmail(PARENT_EMAIL);
    LocalDate planIssued = notBeforeBirth(data, PLAN_ISSUED_DATE, dateOfBirth,
        data.notInTheFuture(PLAN_ISSUED_DATE, data.optionalDate(PLAN_ISSUED_DATE)));
    LocalDate lastReview = notBeforeBirth(data, LAST_REVIEW_DECISION_DATE, dateOfBirth,
        data.notInTheFuture(LAST_REVIEW_DECISION_DATE, data.optionalDate(LAST_REVIEW_DECISION_DATE)));
    if (planIssued == null && lastReview == null && isBlank(variables.get(PLAN_ISSUED_DATE))
        && isBlank(variables.get(LAST_REVIEW_DECISION_DATE))) {
      data.problem(PLAN_ISSUED_DATE, "is required unless lastReviewDecisionDate is given");
    }
    data.optionalInteger(YEAR_GROUP, -2, 14);
    data.optionalString(NAMED_SETTING, 200);
    data.optionalOneOf(SETTING_PHASE, SETTING_PHASES);
    data.check("start of an annual review");
    return data;
  }

  private static LocalDate notBeforeBirth(CaseData data, String name, LocalDate dateOfBirth, LocalDate date) {
    if (date != null && dateOfBirth != null && date.isBefore(dateOfBirth)) {
      data.problem(name, "is before the date of birth (" + dateOfBirth + ")");
    }
    return date;
  }

  private static boolean isBlank(Object value) {
    return value == null || value.toString().isBlank();
  }
}
