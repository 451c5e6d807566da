package org.ehcflow.review;

import static org.ehcflow.vocabulary.AnnualReviewVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.springframework.stereotype.Component;

/** Reg 22(2): the parent's comments on the proposed amendments, a meeting, a setting asked for. */
@Component("recordAmendmentResponseListener")
public class RecordAmendmentResponseListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    data.optionalString(PARENT_AMENDMENT_COMMENTS, 20_000);
    data.optionalBoolean(MEETING_REQUESTED);
    data.optionalString(REQUESTED_SETTING, 200);
    data.check("parent's response to the amendments");
  }
}
