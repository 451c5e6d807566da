package org.ehcflow.assessment;

import static org.ehcflow.assessment.AssessmentProcess.Vars.*;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.ehcflow.platform.EngineClock;
import org.springframework.stereotype.Component;

/** Records the decision whether to assess, with its reasons, as the SEN2 request outcome. */
@Component("decideWhetherToAssessListener")
public class DecideWhetherToAssessListener implements TaskListener {

  static final String ASSESS = "assess";
  static final String DO_NOT_ASSESS = "do-not-assess";

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    String decision = data.requiredOneOf(ASSESS_DECISION, Set.of(ASSESS, DO_NOT_ASSESS));
    data.requiredString(ASSESS_DECISION_REASON, 10_000);
    data.check("decision whether to assess");
    task.setVariable(REQUEST_OUTCOME,
        ASSESS.equals(decision) ? AssessmentProcess.Outcome.ASSESSED : AssessmentProcess.Outcome.NOT_ASSESSED);
    task.setVariable(REQUEST_OUTCOME_DATE, EngineClock.todayIso());
  }
}
