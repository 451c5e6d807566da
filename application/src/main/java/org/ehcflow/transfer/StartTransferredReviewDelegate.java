package org.ehcflow.transfer;

import static org.ehcflow.vocabulary.CouncilTransferVariables.ANNUAL_REVIEW_BUSINESS_KEY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Starts the transferred plan's annual review here, due on the reg 15(5) date. */
@Component("startTransferredReviewDelegate")
public class StartTransferredReviewDelegate implements JavaDelegate {

  private final CouncilTransferService transfers;

  public StartTransferredReviewDelegate(CouncilTransferService transfers) {
    this.transfers = transfers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ANNUAL_REVIEW_BUSINESS_KEY.set(execution, transfers.startTransferredReview(execution));
  }
}
