package org.ehcflow.assessment;

import static org.ehcflow.vocabulary.AssessmentVariables.REUSED_ADVICE;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.vocabulary.AdviceKind;
import org.springframework.stereotype.Component;

/**
 * Reg 6(4): advice is reused only where the adviser, the council and the parent all agree it is
 * sufficient; the caseworker confirms that agreement for each kind of advice reused.
 */
@Component("planAdviceRequestsListener")
public class PlanAdviceRequestsListener implements TaskListener {

  private final AdviceService advice;

  public PlanAdviceRequestsListener(AdviceService advice) {
    this.advice = advice;
  }

  @Override
  public void notify(DelegateTask task) {
    List<AdviceKind> reused = advice.checkAdvicePlan(task);
    // Kept as a list of codes, however the form or the API sent it.
    REUSED_ADVICE.set(task, new ArrayList<>(reused.stream().map(AdviceKind::code).toList()));
  }
}
