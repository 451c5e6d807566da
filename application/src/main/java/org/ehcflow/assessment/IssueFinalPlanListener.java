package org.ehcflow.assessment;

import static org.ehcflow.vocabulary.AssessmentVariables.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.ehcflow.vocabulary.AssessmentOutcome;
import org.springframework.stereotype.Component;

/**
 * Reg 13(2)-(3): the final plan, naming the setting; it is the SEN2 assessment outcome "plan
 * issued".
 */
@Component("issueFinalPlanListener")
public class IssueFinalPlanListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    LocalDate issued =
        data.notInTheFuture(FINAL_PLAN_ISSUED_DATE, data.requiredDate(FINAL_PLAN_ISSUED_DATE));
    LocalDate served = data.optionalDate(DRAFT_SERVED_DATE);
    if (issued != null && served != null && issued.isBefore(served)) {
      data.problem(
          FINAL_PLAN_ISSUED_DATE, "cannot be before the draft was served (" + served + ")");
    }
    data.requiredString(NAMED_SETTING, 200);
    data.optionalEmail(NAMED_SETTING_EMAIL);
    data.check("final plan");
    CaseData.setIfChanged(task, FINAL_PLAN_ISSUED_DATE, issued);
    ASSESSMENT_OUTCOME.set(task, AssessmentOutcome.PLAN_ISSUED);
    ASSESSMENT_OUTCOME_DATE.set(task, issued);
  }
}
