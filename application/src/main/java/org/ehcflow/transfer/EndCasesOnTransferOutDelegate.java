package org.ehcflow.transfer;

import static org.ehcflow.vocabulary.CouncilTransferVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Once the plan has gone, the child's cases here end: the annual review (recording the plan's end
 * for SEN2) and any assessment in progress, as {@code moved}.
 */
@Component("endCasesOnTransferOutDelegate")
public class EndCasesOnTransferOutDelegate implements JavaDelegate {

  private final CouncilTransferService transfers;

  public EndCasesOnTransferOutDelegate(CouncilTransferService transfers) {
    this.transfers = transfers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CouncilTransferService.CasesEnded ended =
        transfers.endCasesHere(
            CHILD_ID.require(execution),
            execution.getProcessBusinessKey(),
            TRANSFERRED_DATE.require(execution),
            NEW_COUNCIL.require(execution));
    ENDED_REVIEWS.set(execution, ended.reviews());
    ENDED_ASSESSMENTS.set(execution, ended.assessments());
  }
}
