package org.ehcflow.review;

import static org.ehcflow.review.AnnualReviewProcess.Start.*;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Starts the child's next annual review, due within 12 months of this review's decision letter
 * (or, after a phase transfer, its amendment notice), never of the amended plan. The business
 * key is derived from the child and that date, so a retried step starts nothing twice.
 */
@Component("startNextReviewDelegate")
public class StartNextReviewDelegate implements JavaDelegate {

  private final RuntimeService runtime;

  public StartNextReviewDelegate(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object decisionLetter = decisionLetter(execution);
    String childId = execution.getVariable(CHILD_ID).toString();
    String businessKey = "AR-" + childId + "-" + decisionLetter;
    execution.setVariable(AnnualReviewProcess.Vars.NEXT_REVIEW_BUSINESS_KEY, businessKey);
    if (runtime.createProcessInstanceQuery().processDefinitionKey(AnnualReviewProcess.KEY)
        .processInstanceBusinessKey(businessKey).count() > 0) {
      return;
    }
    Map<String, Object> next = new LinkedHashMap<>();
    for (String name : new String[] {CHILD_ID, CHILD_NAME, DATE_OF_BIRTH, PARENT_EMAIL, YEAR_GROUP, NAMED_SETTING,
        SETTING_PHASE}) {
      Object value = execution.getVariable(name);
      if (value != null && !value.toString().isBlank()) {
        next.put(name, value);
      }
    }
    next.put(LAST_REVIEW_DECISION_DATE, decisionLetter.toString());
    runtime.startProcessInstanceByKey(AnnualReviewProcess.KEY, businessKey, next);
  }

  /** The date the next review runs from: this review's decision letter, or its amendment notice. */
  static Object decisionLetter(DelegateExecution execution) {
    Object decisionLetter = execution.getVariable(AnnualReviewProcess.Vars.REVIEW_DECISION_DATE);
    return decisionLetter != null ? decisionLetter : execution.getVariable(AnnualReviewProcess.Vars.AMENDMENT_NOTICE_DATE);
  }
}
