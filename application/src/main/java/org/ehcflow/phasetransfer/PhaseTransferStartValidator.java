package org.ehcflow.phasetransfer;

import static org.ehcflow.phasetransfer.PhaseTransferProcess.Start.*;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.ehcflow.platform.BusinessKeys;
import org.ehcflow.platform.CaseData;
import org.ehcflow.review.AnnualReviewProcess;
import org.ehcflow.statutory.TransferType;
import org.springframework.stereotype.Component;

/** Checks a phase-transfer review's start, from the cohort run or a caseworker, before anything is kept. */
@Component("phaseTransferStartValidator")
public class PhaseTransferStartValidator implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    CaseData data = CaseData.of(execution.getVariables());
    data.noOtherVariablesThan(ALL);
    data.requiredString(CHILD_ID, 64);
    data.requiredString(CHILD_NAME, 200);
    LocalDate dateOfBirth = data.notInTheFuture(DATE_OF_BIRTH, data.requiredDate(DATE_OF_BIRTH));
    // A phase transfer moves a child or young person in education: no one at it is 25 yet.
    if (dateOfBirth != null && !dateOfBirth.plusYears(25).isAfter(data.today())) {
      data.problem(DATE_OF_BIRTH, "the child or young person must be under 25; check the date of birth");
    }
    data.requiredEmail(PARENT_EMAIL);
    data.requiredOneOf(TRANSFER_TYPE,
        Arrays.stream(TransferType.values()).map(TransferType::code).collect(Collectors.toSet()));
    LocalDate transfer = data.requiredDate(TRANSFER_DATE);
    if (transfer != null && !transfer.isAfter(data.today())) {
      data.problem(TRANSFER_DATE, "must be in the future: a phase transfer is reviewed before the move");
    } else if (transfer != null && transfer.isAfter(data.today().plusMonths(18))) {
      data.problem(TRANSFER_DATE, "must be within 18 months: the review happens in the year before the move");
    }
    Integer yearGroup = data.optionalInteger(YEAR_GROUP, -2, 14);
    data.optionalString(NAMED_SETTING, 200);
    data.optionalOneOf(SETTING_PHASE, AnnualReviewProcess.Start.SETTING_PHASES);
    data.optionalString(SUPERSEDES_REVIEW, 64);
    data.check("start of a phase-transfer review");
    data.applyTo(execution);
    BusinessKeys.giveIfMissing(execution, "PT", execution.getVariable(CHILD_ID), transfer);
    if (yearGroup != null) {
      execution.setVariable(YEAR_GROUP, yearGroup);
    }
  }
}
