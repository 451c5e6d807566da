package org.ehcflow.section23;

import static org.ehcflow.vocabulary.Section23Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sets the local triage deadline and what the triage table reads. */
@Component("registerNotificationDelegate")
public class RegisterNotificationDelegate implements JavaDelegate {

  private final Section23Service section23;

  public RegisterNotificationDelegate(Section23Service section23) {
    this.section23 = section23;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Section23Service.Registration registration =
        section23.register(
            NOTIFICATION_DATE.require(execution),
            DATE_OF_BIRTH.require(execution),
            VOLUNTARY_ORGANISATIONS_INFO_GIVEN.get(execution));
    TRIAGE_DUE.set(execution, registration.triageDue());
    AGE_IN_MONTHS.set(execution, registration.ageInMonths());
    PARENT_INFO_NEEDED.set(execution, registration.parentInfoNeeded());
  }
}
