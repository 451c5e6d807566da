package org.ehcflow.assessment;

import static org.ehcflow.vocabulary.AssessmentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.ehcflow.vocabulary.AssessmentOutcome;
import org.ehcflow.vocabulary.IssueDecision;
import org.springframework.stereotype.Component;

/**
 * Records the decision whether to issue a plan; a refusal is the SEN2 assessment outcome at once.
 */
@Component("decideWhetherToIssueListener")
public class DecideWhetherToIssueListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    IssueDecision decision = data.requiredCode(ISSUE_DECISION);
    data.requiredString(ISSUE_DECISION_REASON, 10_000);
    data.check("decision whether to issue a plan");
    if (decision == IssueDecision.DO_NOT_ISSUE) {
      ASSESSMENT_OUTCOME.set(task, AssessmentOutcome.NO_PLAN);
      ASSESSMENT_OUTCOME_DATE.set(task, data.today());
    }
  }
}
