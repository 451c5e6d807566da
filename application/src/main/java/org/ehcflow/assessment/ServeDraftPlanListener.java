package org.ehcflow.assessment;

import static org.ehcflow.assessment.AssessmentProcess.Vars.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.ehcflow.statutory.StatutoryClock;
import org.springframework.stereotype.Component;

/** Reg 13(1): the parent has at least 15 days, beginning with the day of service, to comment. */
@Component("serveDraftPlanListener")
public class ServeDraftPlanListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    LocalDate served = data.notInTheFuture(DRAFT_SERVED_DATE, data.requiredDate(DRAFT_SERVED_DATE));
    LocalDate decided = data.optionalDate(REQUEST_OUTCOME_DATE);
    if (served != null && decided != null && served.isBefore(decided)) {
      data.problem(DRAFT_SERVED_DATE, "cannot be before the decision to assess (" + decided + ")");
    }
    data.check("service of the draft plan");
    CaseData.setIfChanged(task, DRAFT_SERVED_DATE, served.toString());
    task.setVariable(COMMENT_WINDOW_ENDS, StatutoryClock.commentWindowEnds(served).toString());
  }
}
