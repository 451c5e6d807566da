package org.ehcflow.review;

import static org.ehcflow.review.AnnualReviewProcess.Vars.*;

import java.time.LocalDate;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.ehcflow.review.AnnualReviewProcess.Recorded;
import org.ehcflow.statutory.StatutoryClock;
import org.springframework.stereotype.Component;

/**
 * Reg 31: a decision to cease follows consultation with the parent or young person and the
 * setting; the plan stays in force until the appeal window has closed.
 */
@Component("confirmCeaseDecisionListener")
public class ConfirmCeaseDecisionListener implements TaskListener {

  static final String CEASE = "cease";
  static final String CONTINUE = "continue";

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    data.requiredString(Recorded.CEASE_CONSULTATION_SUMMARY, 10_000);
    String confirmed = data.requiredOneOf(CEASE_CONFIRMED, Set.of(CEASE, CONTINUE));
    LocalDate decided = null;
    if (CEASE.equals(confirmed)) {
      decided = data.notInTheFuture(CEASE_DECISION_DATE, data.requiredDate(CEASE_DECISION_DATE));
    }
    data.check("decision whether to cease");
    if (decided != null) {
      CaseData.setIfChanged(task, CEASE_DECISION_DATE, decided.toString());
      task.setVariable(APPEAL_WINDOW_ENDS, StatutoryClock.appealWindowEnds(decided).toString());
    }
  }
}
