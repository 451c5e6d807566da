package org.ehcflow.assessment;

import static org.ehcflow.vocabulary.AssessmentVariables.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.ehcflow.platform.CaseData;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.vocabulary.CaseKeys;
import org.ehcflow.vocabulary.Variable;
import org.springframework.stereotype.Component;

/**
 * Checks a request for assessment as it starts, from the Tasklist start form or REST, before
 * anything is kept: a bad or missing value refuses the whole start with HTTP 400 naming it.
 */
@Component("assessmentRequestValidator")
public class AssessmentRequestValidator implements ExecutionListener {

  static final Set<String> START_VARIABLES =
      Variable.names(
          CHILD_ID,
          CHILD_NAME,
          DATE_OF_BIRTH,
          REQUEST_RECEIVED_DATE,
          REQUESTER,
          PARENT_EMAIL,
          YEAR_GROUP,
          PRIMARY_NEED,
          KNOWN_TO_SOCIAL_CARE,
          LOOKED_AFTER,
          HEARING_OR_VISION_IMPAIRMENT,
          SETTING_EMAIL,
          SECTION_23_NOTIFICATION_ID,
          NHS_NUMBER);

  /**
   * What a re-assessment passes in when it calls this pathway: no requester (the re-assessment
   * keeps who asked), and its decision to re-assess, from which the limits run.
   */
  static final Set<String> REASSESSMENT_START_VARIABLES =
      Variable.names(
          CHILD_ID,
          CHILD_NAME,
          DATE_OF_BIRTH,
          REQUEST_RECEIVED_DATE,
          PARENT_EMAIL,
          SETTING_EMAIL,
          NHS_NUMBER,
          REASSESSMENT,
          REASSESS_DECISION_DATE);

  /** A plan may be maintained up to 25; a request for someone older cannot be an EHC request. */
  private static final int AGE_LIMIT = StatutoryClock.PLAN_AGE_LIMIT_YEARS;

  @Override
  public void notify(DelegateExecution execution) {
    CaseData data = CaseData.of(execution);
    // Only a re-assessment calls this pathway: a start from Tasklist or REST cannot claim to be
    // one.
    boolean reassessment = execution.getSuperExecution() != null;
    data.noOtherVariablesThan(reassessment ? REASSESSMENT_START_VARIABLES : START_VARIABLES);
    String childId = data.requiredString(CHILD_ID, 64);
    data.requiredString(CHILD_NAME, 200);
    LocalDate dateOfBirth = data.notInTheFuture(DATE_OF_BIRTH, data.requiredDate(DATE_OF_BIRTH));
    LocalDate received =
        data.notInTheFuture(REQUEST_RECEIVED_DATE, data.requiredDate(REQUEST_RECEIVED_DATE));
    if (dateOfBirth != null && received != null) {
      if (dateOfBirth.isAfter(received)) {
        data.problem(DATE_OF_BIRTH, "must be before the request was received (" + received + ")");
      } else if (!dateOfBirth.plusYears(AGE_LIMIT).isAfter(received)) {
        data.problem(
            DATE_OF_BIRTH,
            "the child or young person must be under "
                + AGE_LIMIT
                + " when the request is received");
      }
    }
    if (reassessment) {
      LocalDate decided = data.requiredDate(REASSESS_DECISION_DATE);
      if (decided != null && received != null && decided.isBefore(received)) {
        data.problem(REASSESS_DECISION_DATE, "is before the request (" + received + ")");
      }
      if (!Boolean.TRUE.equals(data.optionalBoolean(REASSESSMENT))) {
        data.problem(REASSESSMENT, "must be true when a re-assessment calls this pathway");
      }
    } else {
      data.requiredCode(REQUESTER);
    }
    data.requiredEmail(PARENT_EMAIL);
    Integer yearGroup = data.optionalInteger(YEAR_GROUP, -2, 14);
    data.optionalCode(PRIMARY_NEED);
    data.optionalBoolean(KNOWN_TO_SOCIAL_CARE);
    data.optionalBoolean(LOOKED_AFTER);
    data.optionalBoolean(HEARING_OR_VISION_IMPAIRMENT);
    data.optionalEmail(SETTING_EMAIL);
    data.optionalString(SECTION_23_NOTIFICATION_ID, 64);
    data.optionalNhsNumber(NHS_NUMBER);
    data.check("request for an EHC needs assessment");
    data.applyTo(execution);

    // Forms may send whole numbers as Long or Double; the decision tables expect an Integer.
    if (yearGroup != null) {
      YEAR_GROUP.set(execution, yearGroup);
    }
    if (execution.getProcessBusinessKey() == null || execution.getProcessBusinessKey().isBlank()) {
      execution.setProcessBusinessKey(CaseKeys.needsAssessment(childId, received));
    }
  }

  /** For documentation and tests: the variables a start may carry. */
  public static List<String> startVariables() {
    return START_VARIABLES.stream().sorted().toList();
  }
}
