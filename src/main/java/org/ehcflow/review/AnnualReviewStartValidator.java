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

  @Override
  public void notify(DelegateExecution execution) {
    CaseData data = CaseData.of(execution.getVariables());
    data.noOtherVariablesThan(ALL);
    data.requiredString(CHILD_ID, 64);
    data.requiredString(CHILD_NAME, 200);
    data.notInTheFuture(DATE_OF_BIRTH, data.requiredDate(DATE_OF_BIRTH));
    data.requiredEmail(PARENT_EMAIL);
    LocalDate planIssued = data.notInTheFuture(PLAN_ISSUED_DATE, data.optionalDate(PLAN_ISSUED_DATE));
    LocalDate lastReview = data.notInTheFuture(LAST_REVIEW_DECISION_DATE, data.optionalDate(LAST_REVIEW_DECISION_DATE));
    if (planIssued == null && lastReview == null && isBlank(execution.getVariable(PLAN_ISSUED_DATE))
        && isBlank(execution.getVariable(LAST_REVIEW_DECISION_DATE))) {
      data.problem(PLAN_ISSUED_DATE, "is required unless lastReviewDecisionDate is given");
    }
    Integer yearGroup = data.optionalInteger(YEAR_GROUP, -2, 14);
    data.optionalString(NAMED_SETTING, 200);
    data.optionalOneOf(SETTING_PHASE, SETTING_PHASES);
    data.check("start of an annual review");
    data.applyTo(execution);
    BusinessKeys.giveIfMissing(execution, "AR", execution.getVariable(CHILD_ID),
        lastReview != null && (planIssued == null || lastReview.isAfter(planIssued)) ? lastReview : planIssued);
    if (yearGroup != null) {
      execution.setVariable(YEAR_GROUP, yearGroup);
    }
  }

  private static boolean isBlank(Object value) {
    return value == null || value.toString().isBlank();
  }
}
