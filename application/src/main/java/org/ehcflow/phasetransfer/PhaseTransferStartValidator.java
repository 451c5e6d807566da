package org.ehcflow.phasetransfer;

import static org.ehcflow.vocabulary.PhaseTransferVariables.*;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.ehcflow.platform.CaseData;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.statutory.TransferType;
import org.ehcflow.vocabulary.CaseKeys;
import org.ehcflow.vocabulary.Variable;
import org.springframework.stereotype.Component;

/**
 * Checks a phase-transfer review's start, from the cohort run or a caseworker, before anything is
 * kept.
 */
@Component("phaseTransferStartValidator")
public class PhaseTransferStartValidator implements ExecutionListener {

  /**
   * The start variables, as the contract names them; settingPhase and supersedesReview (the annual
   * review this transfer replaces, set by the cohort run) are the project's extensions.
   */
  static final Set<String> START =
      Variable.names(
          CHILD_ID,
          CHILD_NAME,
          DATE_OF_BIRTH,
          NHS_NUMBER,
          PARENT_EMAIL,
          TRANSFER_TYPE,
          TRANSFER_DATE,
          YEAR_GROUP,
          NAMED_SETTING,
          SETTING_PHASE,
          SUPERSEDES_REVIEW);

  private static final Set<String> TRANSFER_TYPES =
      Arrays.stream(TransferType.values()).map(TransferType::code).collect(Collectors.toSet());

  @Override
  public void notify(DelegateExecution execution) {
    CaseData data = CaseData.of(execution.getVariables());
    data.noOtherVariablesThan(START);
    String childId = data.requiredString(CHILD_ID, 64);
    data.requiredString(CHILD_NAME, 200);
    LocalDate dateOfBirth = data.notInTheFuture(DATE_OF_BIRTH, data.requiredDate(DATE_OF_BIRTH));
    // A phase transfer moves a child or young person in education: no one at it has reached the
    // age to which a plan may last.
    if (dateOfBirth != null
        && !dateOfBirth.plusYears(StatutoryClock.PLAN_AGE_LIMIT_YEARS).isAfter(data.today())) {
      data.problem(
          DATE_OF_BIRTH,
          "the child or young person must be under "
              + StatutoryClock.PLAN_AGE_LIMIT_YEARS
              + "; check the date of birth");
    }
    data.optionalNhsNumber(NHS_NUMBER);
    data.requiredEmail(PARENT_EMAIL);
    data.requiredOneOf(TRANSFER_TYPE.name(), TRANSFER_TYPES);
    LocalDate transfer = data.requiredDate(TRANSFER_DATE);
    if (transfer != null && !transfer.isAfter(data.today())) {
      data.problem(
          TRANSFER_DATE, "must be in the future: a phase transfer is reviewed before the move");
    } else if (transfer != null && transfer.isAfter(data.today().plusMonths(18))) {
      data.problem(
          TRANSFER_DATE,
          "must be within 18 months: the review happens in the year before the move");
    }
    Integer yearGroup = data.optionalInteger(YEAR_GROUP, -2, 14);
    data.optionalString(NAMED_SETTING, 200);
    data.optionalCode(SETTING_PHASE);
    data.optionalString(SUPERSEDES_REVIEW, 64);
    data.check("start of a phase-transfer review");
    data.applyTo(execution);
    String given = execution.getProcessBusinessKey();
    if (given == null || given.isBlank()) {
      execution.setProcessBusinessKey(CaseKeys.phaseTransfer(childId, transfer));
    }
    if (yearGroup != null) {
      YEAR_GROUP.set(execution, yearGroup);
    }
  }
}
