package org.ehcflow.assessment;

import static org.ehcflow.vocabulary.AssessmentVariables.*;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.vocabulary.AnnualReviewVariables;
import org.ehcflow.vocabulary.CaseKeys;
import org.ehcflow.vocabulary.Pathways;
import org.springframework.stereotype.Component;

/**
 * A final plan starts the child's annual review cycle at once. The review's business key is derived
 * from the child and the plan, so a retried step never starts a second review.
 */
@Component("startAnnualReviewDelegate")
public class StartAnnualReviewDelegate implements JavaDelegate {

  private final RuntimeService runtime;

  public StartAnnualReviewDelegate(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String childId = CHILD_ID.get(execution);
    LocalDate planIssued = FINAL_PLAN_ISSUED_DATE.get(execution);
    String businessKey = CaseKeys.annualReview(childId, planIssued, null);
    ANNUAL_REVIEW_BUSINESS_KEY.set(execution, businessKey);
    if (runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(Pathways.ANNUAL_REVIEW)
            .variableValueEquals(AnnualReviewVariables.CHILD_ID.name(), childId)
            .count()
        > 0) {
      return;
    }
    Map<String, Object> review = new LinkedHashMap<>();
    AnnualReviewVariables.CHILD_ID.put(review, childId);
    AnnualReviewVariables.CHILD_NAME.put(review, CHILD_NAME.get(execution));
    AnnualReviewVariables.DATE_OF_BIRTH.put(review, DATE_OF_BIRTH.get(execution));
    AnnualReviewVariables.PARENT_EMAIL.put(review, PARENT_EMAIL.get(execution));
    if (NHS_NUMBER.isSet(execution)) {
      AnnualReviewVariables.NHS_NUMBER.put(review, NHS_NUMBER.get(execution));
    }
    AnnualReviewVariables.PLAN_ISSUED_DATE.put(review, planIssued);
    AnnualReviewVariables.NAMED_SETTING.put(review, NAMED_SETTING.get(execution));
    if (YEAR_GROUP.isSet(execution)) {
      AnnualReviewVariables.YEAR_GROUP.put(review, YEAR_GROUP.get(execution));
    }
    runtime.startProcessInstanceByKey(Pathways.ANNUAL_REVIEW, businessKey, review);
  }
}
