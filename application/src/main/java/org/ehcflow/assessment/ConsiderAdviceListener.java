package org.ehcflow.assessment;

import static org.ehcflow.vocabulary.AssessmentVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.ehcflow.vocabulary.Variable;
import org.springframework.stereotype.Component;

/** What the advice shows, as the recommendation whether to issue a plan reads it. */
@Component("considerAdviceListener")
public class ConsiderAdviceListener implements TaskListener {

  private static final List<Variable<Boolean>> FINDINGS =
      List.of(
          PROVISION_BEYOND_SETTING, NEEDS_ACROSS_EDUCATION_HEALTH_CARE, PROGRESS_WITH_SEN_SUPPORT);

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    for (Variable<Boolean> finding : FINDINGS) {
      if (!finding.isSet(task)) {
        data.problem(finding, "is required (yes or no)");
      }
      data.optionalBoolean(finding);
    }
    data.optionalString(ADVICE_CONCLUSION, 10_000);
    data.check("summary of the advice");
  }
}
