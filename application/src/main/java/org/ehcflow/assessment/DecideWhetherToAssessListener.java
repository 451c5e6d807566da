package org.ehcflow.assessment;

import static org.ehcflow.vocabulary.AssessmentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.ehcflow.vocabulary.AssessDecision;
import org.ehcflow.vocabulary.RequestOutcome;
import org.springframework.stereotype.Component;

/** Records the decision whether to assess, with its reasons, as the SEN2 request outcome. */
@Component("decideWhetherToAssessListener")
public class DecideWhetherToAssessListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    AssessDecision decision = data.requiredCode(ASSESS_DECISION);
    data.requiredString(ASSESS_DECISION_REASON, 10_000);
    data.check("decision whether to assess");
    REQUEST_OUTCOME.set(
        task,
        decision == AssessDecision.ASSESS ? RequestOutcome.ASSESSED : RequestOutcome.NOT_ASSESSED);
    REQUEST_OUTCOME_DATE.set(task, data.today());
  }
}
