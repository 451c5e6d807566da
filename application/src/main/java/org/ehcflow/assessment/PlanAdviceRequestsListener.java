package org.ehcflow.assessment;

import org.ehcflow.assessment.AssessmentProcess.Recorded;

import static org.ehcflow.assessment.AssessmentProcess.Vars.REUSED_ADVICE;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.springframework.stereotype.Component;

/**
 * Reg 6(4): advice is reused only where the adviser, the council and the parent all agree it is
 * sufficient; the caseworker confirms that agreement for each kind of advice reused.
 */
@Component("planAdviceRequestsListener")
public class PlanAdviceRequestsListener implements TaskListener {

  static final Set<String> REUSABLE = Set.of(
      "educational", "medical", "psychological", "social-care", "hearing-vision", "preparing-for-adulthood");

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    Set<String> reused = AssessmentService.stringSet(task.getVariable(REUSED_ADVICE));
    reused.stream().filter(type -> !REUSABLE.contains(type))
        .forEach(type -> data.problem(REUSED_ADVICE, "'" + type + "' is not a kind of advice that can be reused"));
    if (!reused.isEmpty() && !Boolean.TRUE.equals(task.getVariable(Recorded.REUSE_AGREED_BY_ALL_THREE))) {
      data.problem(Recorded.REUSE_AGREED_BY_ALL_THREE, "advice may be reused only if the adviser, the council and the parent agree");
    }
    data.optionalString(Recorded.PARENT_REQUESTED_ADVICE, 500);
    data.check("advice plan");
    task.setVariable(REUSED_ADVICE, new java.util.ArrayList<>(reused));
  }
}
