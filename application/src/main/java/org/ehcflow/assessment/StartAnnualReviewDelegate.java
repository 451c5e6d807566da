package org.ehcflow.assessment;

import static org.ehcflow.assessment.AssessmentProcess.Start.*;
import static org.ehcflow.assessment.AssessmentProcess.Vars.*;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.review.AnnualReviewProcess;
import org.springframework.stereotype.Component;

/**
 * A final plan starts the child's annual review cycle at once. The review's business key is
 * derived from the child and the plan, so a retried step never starts a second review.
 */
@Component("startAnnualReviewDelegate")
public class StartAnnualReviewDelegate implements JavaDelegate {

  private final RuntimeService runtime;

  public StartAnnualReviewDelegate(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String childId = (String) execution.getVariable(CHILD_ID);
    String planIssued = (String) execution.getVariable(FINAL_PLAN_ISSUED_DATE);
    String businessKey = "AR-" + childId + "-" + planIssued;
    execution.setVariable(ANNUAL_REVIEW_BUSINESS_KEY, businessKey);
    if (runtime.createProcessInstanceQuery().processDefinitionKey(AnnualReviewProcess.KEY)
        .variableValueEquals(AnnualReviewProcess.Start.CHILD_ID, childId).count() > 0) {
      return;
    }
    Map<String, Object> review = new LinkedHashMap<>();
    review.put(AnnualReviewProcess.Start.CHILD_ID, childId);
    review.put(AnnualReviewProcess.Start.CHILD_NAME, execution.getVariable(CHILD_NAME));
    review.put(AnnualReviewProcess.Start.DATE_OF_BIRTH, execution.getVariable(DATE_OF_BIRTH));
    review.put(AnnualReviewProcess.Start.PARENT_EMAIL, execution.getVariable(PARENT_EMAIL));
    review.put(AnnualReviewProcess.Start.PLAN_ISSUED_DATE, planIssued);
    review.put(AnnualReviewProcess.Start.NAMED_SETTING, execution.getVariable(NAMED_SETTING));
    if (execution.getVariable(YEAR_GROUP) != null) {
      review.put(AnnualReviewProcess.Start.YEAR_GROUP, execution.getVariable(YEAR_GROUP));
    }
    runtime.startProcessInstanceByKey(AnnualReviewProcess.KEY, businessKey, review);
  }
}
