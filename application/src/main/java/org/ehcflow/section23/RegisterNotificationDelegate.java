package org.ehcflow.section23;

import static org.ehcflow.section23.Section23Process.Start.*;
import static org.ehcflow.section23.Section23Process.Vars.*;

import java.time.LocalDate;
import java.time.Period;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.statutory.StatutoryDates;
import org.springframework.stereotype.Component;

/** Sets the local triage deadline and what the triage table reads. */
@Component("registerNotificationDelegate")
public class RegisterNotificationDelegate implements JavaDelegate {

  private final Section23Settings settings;

  public RegisterNotificationDelegate(Section23Settings settings) {
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate notified = StatutoryDates.parse(execution.getVariable(NOTIFICATION_DATE).toString());
    LocalDate born = StatutoryDates.parse(execution.getVariable(DATE_OF_BIRTH).toString());
    execution.setVariable(TRIAGE_DUE, notified.plusDays(settings.triageDays()).toString());
    execution.setVariable(AGE_IN_MONTHS, (int) Period.between(born, notified).toTotalMonths());
    boolean parentInformed = Boolean.TRUE.equals(execution.getVariable(VOLUNTARY_ORGANISATIONS_INFO_GIVEN));
    execution.setVariable(PARENT_INFO_NEEDED, !parentInformed);
  }
}
