package org.ehcflow.assessment;

import static org.ehcflow.vocabulary.AssessmentVariables.ADVICE_RECEIVED;
import static org.ehcflow.vocabulary.AssessmentVariables.ADVICE_TYPE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * An adviser's task: it carries its own kind of advice as a task-local variable, so the adviser and
 * any integration see which advice is asked for, and it cannot close without the advice. The advice
 * it closes with goes into the case file ({@code adviceReceived}), where the later decisions read
 * it: the adviser's own request scope, and the summary with it, ends here.
 */
@Component("giveAdviceListener")
public class GiveAdviceListener implements TaskListener {

  private final AdviceService advice;

  public GiveAdviceListener(AdviceService advice) {
    this.advice = advice;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      ADVICE_TYPE.setLocal(task, ADVICE_TYPE.get(task));
      return;
    }
    DelegateExecution processInstance = task.getExecution().getProcessInstance();
    ADVICE_RECEIVED.setLocal(
        processInstance, advice.adviceGiven(task, ADVICE_RECEIVED.get(processInstance)));
  }
}
