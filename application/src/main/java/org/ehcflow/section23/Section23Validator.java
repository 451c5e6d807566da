package org.ehcflow.section23;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * CFA 2014 s.23: refuses a notification that does not meet the duty's terms, before anything is
 * kept ({@link Section23Service#acceptNotification}).
 */
@Component("section23Validator")
public class Section23Validator implements ExecutionListener {

  private final Section23Service section23;

  public Section23Validator(Section23Service section23) {
    this.section23 = section23;
  }

  @Override
  public void notify(DelegateExecution execution) {
    section23.acceptNotification(execution);
  }
}
