package org.ehcflow.assessment;

import static org.ehcflow.assessment.AssessmentProcess.Vars.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.platform.EngineClock;
import org.ehcflow.statutory.Deadlines;
import org.springframework.stereotype.Component;

/** CoP 9.83: the setting should reply within 15 days; the council decides even without a reply. */
@Component("openConsultationDelegate")
public class OpenConsultationDelegate implements JavaDelegate {

  private final Deadlines deadlines;

  public OpenConsultationDelegate(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate sent = EngineClock.today();
    LocalDate due = deadlines.consultationResponseDue(sent);
    execution.setVariable(CONSULTATION_SENT_DATE, sent.toString());
    execution.setVariable(CONSULTATION_RESPONSE_DUE, due.toString());
    execution.setVariable(CONSULTATION_DECIDE_WITHOUT_REPLY_FROM, deadlines.decideWithoutConsultationReplyFrom(due).toString());
  }
}
