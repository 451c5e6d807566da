package org.ehcflow.review;

import static org.ehcflow.vocabulary.AnnualReviewVariables.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.springframework.stereotype.Component;

/** Reg 22(3): the final amended plan, within 8 weeks of the amendment notice. */
@Component("issueAmendedPlanListener")
public class IssueAmendedPlanListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    LocalDate issued =
        data.notInTheFuture(
            FINAL_AMENDED_PLAN_ISSUED_DATE, data.requiredDate(FINAL_AMENDED_PLAN_ISSUED_DATE));
    LocalDate notice = data.optionalDate(AMENDMENT_NOTICE_DATE);
    if (issued != null && notice != null && issued.isBefore(notice)) {
      data.problem(
          FINAL_AMENDED_PLAN_ISSUED_DATE, "cannot be before the amendment notice (" + notice + ")");
    }
    data.requiredString(NAMED_SETTING, 200);
    String email = data.optionalEmail(NAMED_SETTING_EMAIL);
    data.check("final amended plan");
    CaseData.setIfChanged(task, FINAL_AMENDED_PLAN_ISSUED_DATE, issued);
    CaseData.setIfChanged(task, NAMED_SETTING_EMAIL, email);
  }
}
