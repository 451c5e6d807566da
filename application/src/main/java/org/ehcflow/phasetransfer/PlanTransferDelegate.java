package org.ehcflow.phasetransfer;

import static org.ehcflow.phasetransfer.PhaseTransferProcess.Start.*;
import static org.ehcflow.phasetransfer.PhaseTransferProcess.Vars.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.ehcflow.review.AnnualReviewProcess;
import org.ehcflow.security.EhcGroups;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.statutory.StatutoryDates;
import org.ehcflow.statutory.TransferType;
import org.springframework.stereotype.Component;

/**
 * Fixes the reg 18 deadline and back-plans the milestones that still meet it. The phase-transfer
 * review is this year's review of the plan, so the child's waiting annual review is replaced
 * rather than held as well.
 */
@Component("planTransferDelegate")
public class PlanTransferDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    TransferType type = TransferType.fromCode(execution.getVariable(TRANSFER_TYPE).toString());
    LocalDate deadline = StatutoryClock.phaseTransferDeadline(type,
        StatutoryDates.parse(execution.getVariable(TRANSFER_DATE).toString()));
    execution.setVariable(PHASE_TRANSFER_DEADLINE, deadline.toString());
    execution.setVariable(TRANSFER_MEETING_BY, StatutoryClock.transferMeetingBy(deadline).toString());
    execution.setVariable(AMENDMENT_NOTICE_BY, StatutoryClock.transferAmendmentNoticeBy(deadline).toString());
    Object setting = execution.getVariable(NAMED_SETTING);
    execution.setVariable(REVIEW_HOST_GROUP, setting == null || setting.toString().isBlank()
        ? EhcGroups.LA_CASEWORKER.id() : EhcGroups.EDUCATION_SETTING.id());

    MessageCorrelationBuilder supersede = execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(AnnualReviewProcess.Messages.REVIEW_SUPERSEDED)
        .setVariable(AnnualReviewProcess.Vars.SUPERSEDED_BY, execution.getProcessBusinessKey());
    // Always the same child's review; given the review's id (the cohort run does), it is found by
    // that id instead of among every running review.
    supersede.processInstanceVariableEquals(AnnualReviewProcess.Start.CHILD_ID, execution.getVariable(CHILD_ID));
    Object review = execution.getVariable(SUPERSEDES_REVIEW);
    if (review != null) {
      supersede.processInstanceId(review.toString());
    }
    int superseded = supersede.correlateAllWithResult().size();
    execution.setVariable(SUPERSEDED_REVIEWS, superseded);
  }
}
