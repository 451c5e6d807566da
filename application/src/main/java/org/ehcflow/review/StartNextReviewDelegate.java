package org.ehcflow.review;

import static org.ehcflow.vocabulary.AnnualReviewVariables.*;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.ehcflow.vocabulary.CaseKeys;
import org.ehcflow.vocabulary.Pathways;
import org.ehcflow.vocabulary.Variable;
import org.springframework.stereotype.Component;

/**
 * Starts the child's next annual review, due within 12 months of this review's decision letter (or,
 * after a phase transfer, its amendment notice), never of the amended plan. The business key is
 * derived from the child and that date, so a retried step starts nothing twice.
 */
@Component("startNextReviewDelegate")
public class StartNextReviewDelegate implements JavaDelegate {

  /** What the next review carries over, when the case has it. */
  private static final List<Variable<?>> CARRIED =
      List.of(
          CHILD_ID,
          CHILD_NAME,
          DATE_OF_BIRTH,
          NHS_NUMBER,
          PARENT_EMAIL,
          YEAR_GROUP,
          NAMED_SETTING,
          SETTING_PHASE);

  private final RuntimeService runtime;

  public StartNextReviewDelegate(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate decisionLetter = AnnualReviewService.decisionLetter(execution);
    // The decision letter is the last review decision the next review runs from.
    String businessKey = CaseKeys.annualReview(CHILD_ID.require(execution), null, decisionLetter);
    NEXT_REVIEW_BUSINESS_KEY.set(execution, businessKey);
    if (runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(Pathways.ANNUAL_REVIEW)
            .processInstanceBusinessKey(businessKey)
            .count()
        > 0) {
      return;
    }
    Map<String, Object> next = new LinkedHashMap<>();
    CARRIED.forEach(variable -> carry(variable, execution, next));
    LAST_REVIEW_DECISION_DATE.put(next, decisionLetter);
    runtime.startProcessInstanceByKey(Pathways.ANNUAL_REVIEW, businessKey, next);
  }

  private static <T> void carry(Variable<T> variable, VariableScope from, Map<String, Object> to) {
    T value = variable.get(from);
    if (value != null && !value.toString().isBlank()) {
      variable.put(to, value);
    }
  }
}
