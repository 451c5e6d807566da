package org.ehcflow.section23;

import static org.ehcflow.vocabulary.Section23Variables.*;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.ehcflow.platform.BusinessKeys;
import org.ehcflow.platform.CaseData;
import org.ehcflow.statutory.CompulsorySchoolAge;
import org.ehcflow.vocabulary.AssessmentVariables;
import org.ehcflow.vocabulary.CaseKeys;
import org.ehcflow.vocabulary.ChildIdentity;
import org.ehcflow.vocabulary.Pathways;
import org.ehcflow.vocabulary.Requester;
import org.ehcflow.vocabulary.Variable;
import org.springframework.stereotype.Service;

/**
 * The Section 23 notification's rules: what a notification must say, its triage date, and the
 * assessment it may start.
 */
@Service
public class Section23Service {

  /** What a health body may send to start a notification. */
  static final Set<String> START_VARIABLES =
      Set.copyOf(
          Variable.names(
              CHILD_NAME,
              DATE_OF_BIRTH,
              NHS_NUMBER,
              NOTIFICATION_DATE,
              NOTIFYING_BODY,
              NOTIFIER_EMAIL,
              CONCERN,
              PARENT_INFORMED_DATE,
              PARENT_OFFERED_DISCUSSION,
              VOLUNTARY_ORGANISATIONS_INFO_GIVEN,
              PARENT_EMAIL,
              NOTIFIER_NAME,
              CONCERN_LEVEL));

  private final Section23Settings settings;
  private final RuntimeService runtime;

  public Section23Service(Section23Settings settings, RuntimeService runtime) {
    this.settings = settings;
    this.runtime = runtime;
  }

  /**
   * CFA 2014 s.23: the duty covers a child under compulsory school age; the health body must first
   * tell the parent and give them the chance to discuss it. Each rule refuses on its own terms,
   * before anything is kept; a notification that passes is kept as checked and given its key.
   */
  public void acceptNotification(DelegateExecution execution) {
    CaseData data = CaseData.of(execution.getVariables());
    data.noOtherVariablesThan(START_VARIABLES);
    data.requiredString(CHILD_NAME, 200);
    LocalDate dateOfBirth =
        data.notInTheFuture(DATE_OF_BIRTH.name(), data.requiredDate(DATE_OF_BIRTH));
    LocalDate notified =
        data.notInTheFuture(NOTIFICATION_DATE.name(), data.requiredDate(NOTIFICATION_DATE));
    String nhsNumber = data.requiredNhsNumber(NHS_NUMBER);
    if (dateOfBirth != null && notified != null) {
      if (dateOfBirth.isAfter(notified)) {
        data.problem(DATE_OF_BIRTH, "must be before the notification date");
      } else if (!CompulsorySchoolAge.isUnder(
          dateOfBirth, notified, settings.compulsorySchoolAgeDays())) {
        data.problem(
            DATE_OF_BIRTH,
            "the child was of compulsory school age on "
                + notified
                + " (from "
                + CompulsorySchoolAge.startsOn(dateOfBirth, settings.compulsorySchoolAgeDays())
                + "); s.23 covers children under compulsory school age: ask the school or make a request for assessment");
      }
    }
    data.requiredString(NOTIFYING_BODY, 200);
    data.optionalString(NOTIFIER_NAME, 200);
    data.requiredEmail(NOTIFIER_EMAIL);
    data.requiredString(CONCERN, 5_000);
    data.optionalCode(CONCERN_LEVEL);
    LocalDate informed = data.requiredDate(PARENT_INFORMED_DATE);
    if (informed != null && notified != null && informed.isAfter(notified)) {
      data.problem(
          PARENT_INFORMED_DATE,
          "the parent must be told on or before the notification date (s.23(3))");
    }
    if (!Boolean.TRUE.equals(rawFlag(execution, PARENT_OFFERED_DISCUSSION))) {
      data.problem(
          PARENT_OFFERED_DISCUSSION,
          "must be true: the parent must be given the chance to discuss it first (s.23(3))");
    }
    if (!VOLUNTARY_ORGANISATIONS_INFO_GIVEN.isSet(execution)) {
      data.problem(VOLUNTARY_ORGANISATIONS_INFO_GIVEN, "is required (true or false)");
    }
    data.optionalBoolean(VOLUNTARY_ORGANISATIONS_INFO_GIVEN);
    String parentEmail = data.optionalEmail(PARENT_EMAIL);
    data.check("Section 23 notification");
    data.applyTo(execution);
    PARENT_EMAIL.set(execution, parentEmail);
    BusinessKeys.giveIfMissing(execution, CaseKeys.section23Notification(nhsNumber, notified));
  }

  /** A flag as sent, before it is checked to be one: anything but {@code true} is not a yes. */
  private static Object rawFlag(DelegateExecution execution, Variable<Boolean> flag) {
    return execution.getVariable(flag.name());
  }

  /**
   * What registering a notification sets.
   *
   * @param triageDue the local triage deadline
   * @param ageInMonths the child's age on the notification date, which the triage table reads
   * @param parentInfoNeeded whether the council still has to tell the parent about voluntary
   *     organisations
   */
  public record Registration(LocalDate triageDue, int ageInMonths, boolean parentInfoNeeded) {}

  public Registration register(
      LocalDate notified, LocalDate dateOfBirth, Boolean voluntaryOrganisationsInfoGiven) {
    return new Registration(
        notified.plusDays(settings.triageDays()),
        (int) Period.between(dateOfBirth, notified).toTotalMonths(),
        !Boolean.TRUE.equals(voluntaryOrganisationsInfoGiven));
  }

  /**
   * Starts the EHC needs assessment for the child with what health already told us, so nobody
   * retells the story. The request counts as received on the triage or the notification date, as
   * the council chose ({@link Section23Settings#assessmentClockStarts()}).
   *
   * @return the assessment's business key
   */
  public String startAssessment(
      ChildIdentity child,
      String parentEmail,
      LocalDate notified,
      LocalDate triaged,
      String notificationKey) {
    LocalDate received =
        Section23Settings.FROM_NOTIFICATION.equals(settings.assessmentClockStarts())
            ? notified
            : triaged;
    Map<String, Object> request = child.toVariables();
    AssessmentVariables.REQUEST_RECEIVED_DATE.put(request, received);
    AssessmentVariables.REQUESTER.put(request, Requester.OTHER);
    AssessmentVariables.PARENT_EMAIL.put(request, parentEmail);
    AssessmentVariables.SECTION_23_NOTIFICATION_ID.put(request, notificationKey);
    String businessKey = CaseKeys.needsAssessment(child.childId(), received);
    runtime.startProcessInstanceByKey(Pathways.NEEDS_ASSESSMENT, businessKey, request);
    return businessKey;
  }
}
