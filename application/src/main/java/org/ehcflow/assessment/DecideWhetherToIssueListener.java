package org.ehcflow.assessment;

import static org.ehcflow.assessment.AssessmentProcess.Vars.*;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.ehcflow.platform.EngineClock;
import org.springframework.stereotype.Component;

/** Records the decision whether to issue a plan; a refusal is the SEN2 assessment outcome at once. */
@Component("decideWhetherToIssueListener")
public class DecideWhetherToIssueListener implements TaskListener {

  static final String ISSUE = "issue";
  static final String DO_NOT_ISSUE = "do-not-issue";

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    String decision = data.requiredOneOf(ISSUE_DECISION, Set.of(ISSUE, DO_NOT_ISSUE));
    data.requiredString(ISSUE_DECISION_REASON, 10_000);
    data.check("decision whether to issue a plan");
    if (DO_NOT_ISSUE.equals(decision)) {
      task.setVariable(ASSESSMENT_OUTCOME, AssessmentProcess.Outcome.NO_PLAN);
      task.setVariable(ASSESSMENT_OUTCOME_DATE, EngineClock.todayIso());
    }
  }
}
