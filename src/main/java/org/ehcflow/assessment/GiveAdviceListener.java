package org.ehcflow.assessment;

import static org.ehcflow.assessment.AssessmentProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.springframework.stereotype.Component;

/**
 * An adviser's task: it carries its own kind of advice as a task-local variable, so the adviser
 * and any integration see which advice is asked for, and it cannot close without the advice.
 */
@Component("giveAdviceListener")
public class GiveAdviceListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariableLocal(ADVICE_TYPE, task.getVariable(ADVICE_TYPE));
      return;
    }
    CaseData data = CaseData.of(task);
    data.requiredString(ADVICE_SUMMARY, 20_000);
    data.check("advice");
  }
}
