package org.ehcflow.phasetransfer;

import static org.ehcflow.vocabulary.PhaseTransferVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Fixes the reg 18 deadline and back-plans the milestones that still meet it. The phase-transfer
 * review is this year's review of the plan, so the child's waiting annual review is replaced rather
 * than held as well.
 */
@Component("planTransferDelegate")
public class PlanTransferDelegate implements JavaDelegate {

  private final PhaseTransferService transfers;

  public PlanTransferDelegate(PhaseTransferService transfers) {
    this.transfers = transfers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PhaseTransferService.TransferPlan plan =
        transfers.planTransfer(
            TRANSFER_TYPE.require(execution),
            TRANSFER_DATE.require(execution),
            NAMED_SETTING.get(execution));
    PHASE_TRANSFER_DEADLINE.set(execution, plan.deadline());
    TRANSFER_MEETING_BY.set(execution, plan.meetingBy());
    AMENDMENT_NOTICE_BY.set(execution, plan.amendmentNoticeBy());
    REVIEW_HOST_GROUP.set(execution, plan.hostGroup());
    SUPERSEDED_REVIEWS.set(
        execution,
        transfers.supersedeAnnualReview(
            CHILD_ID.require(execution),
            execution.getProcessBusinessKey(),
            SUPERSEDES_REVIEW.get(execution)));
  }
}
