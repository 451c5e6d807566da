package org.ehcflow.section23;

import org.ehcflow.vocabulary.NhsNumber;
import static org.ehcflow.section23.Section23Process.Start.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.ehcflow.platform.BusinessKeys;
import org.ehcflow.platform.CaseData;
import org.ehcflow.statutory.CompulsorySchoolAge;
import org.springframework.stereotype.Component;

/**
 * CFA 2014 s.23: the duty covers a child under compulsory school age; the health body must first
 * tell the parent and give them the chance to discuss it. Each rule refuses on its own terms,
 * before anything is kept.
 */
@Component("section23Validator")
public class Section23Validator implements ExecutionListener {

  private final Section23Settings settings;

  public Section23Validator(Section23Settings settings) {
    this.settings = settings;
  }

  @Override
  public void notify(DelegateExecution execution) {
    CaseData data = CaseData.of(execution.getVariables());
    data.noOtherVariablesThan(ALL);
    data.requiredString(CHILD_NAME, 200);
    LocalDate dateOfBirth = data.notInTheFuture(DATE_OF_BIRTH, data.requiredDate(DATE_OF_BIRTH));
    LocalDate notified = data.notInTheFuture(NOTIFICATION_DATE, data.requiredDate(NOTIFICATION_DATE));
    String nhsNumber = data.requiredString(NHS_NUMBER, 20);
    if (nhsNumber != null && !NhsNumber.isValid(nhsNumber)) {
      data.problem(NHS_NUMBER, "'" + nhsNumber + "' is not a valid NHS number (10 digits with a correct check digit)");
    }
    if (dateOfBirth != null && notified != null) {
      if (dateOfBirth.isAfter(notified)) {
        data.problem(DATE_OF_BIRTH, "must be before the notification date");
      } else if (!CompulsorySchoolAge.isUnder(dateOfBirth, notified, settings.compulsorySchoolAgeDays())) {
        data.problem(DATE_OF_BIRTH, "the child was of compulsory school age on " + notified + " (from "
            + CompulsorySchoolAge.startsOn(dateOfBirth, settings.compulsorySchoolAgeDays())
            + "); s.23 covers children under compulsory school age: ask the school or make a request for assessment");
      }
    }
    data.requiredString(NOTIFYING_BODY, 200);
    data.optionalString(NOTIFIER_NAME, 200);
    data.requiredEmail(NOTIFIER_EMAIL);
    data.requiredString(CONCERN, 5_000);
    data.optionalOneOf(CONCERN_LEVEL, CONCERN_LEVELS);
    LocalDate informed = data.requiredDate(PARENT_INFORMED_DATE);
    if (informed != null && notified != null && informed.isAfter(notified)) {
      data.problem(PARENT_INFORMED_DATE, "the parent must be told on or before the notification date (s.23(3))");
    }
    if (!Boolean.TRUE.equals(execution.getVariable(PARENT_OFFERED_DISCUSSION))) {
      data.problem(PARENT_OFFERED_DISCUSSION, "must be true: the parent must be given the chance to discuss it first (s.23(3))");
    }
    if (execution.getVariable(VOLUNTARY_ORGANISATIONS_INFO_GIVEN) == null) {
      data.problem(VOLUNTARY_ORGANISATIONS_INFO_GIVEN, "is required (true or false)");
    }
    data.optionalBoolean(VOLUNTARY_ORGANISATIONS_INFO_GIVEN);
    String parentEmail = data.optionalEmail(PARENT_EMAIL);
    data.check("Section 23 notification");
    data.applyTo(execution);
    execution.setVariable(NHS_NUMBER, NhsNumber.normalise(nhsNumber));
    execution.setVariable(PARENT_EMAIL, parentEmail);
    BusinessKeys.giveIfMissing(execution, "S23", NhsNumber.normalise(nhsNumber), notified);
  }
}
