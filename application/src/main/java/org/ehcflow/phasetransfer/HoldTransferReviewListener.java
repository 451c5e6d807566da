package org.ehcflow.phasetransfer;

import static org.ehcflow.vocabulary.PhaseTransferVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.springframework.stereotype.Component;

@Component("holdTransferReviewListener")
public class HoldTransferReviewListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    data.notInTheFuture(REVIEW_MEETING_DATE, data.requiredDate(REVIEW_MEETING_DATE));
    data.optionalString(PREFERRED_NEXT_SETTING, 200);
    data.requiredString(REVIEW_REPORT, 20_000);
    data.check("phase-transfer review");
  }
}
