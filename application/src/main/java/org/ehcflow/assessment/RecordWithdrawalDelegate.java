package org.ehcflow.assessment;

import static org.ehcflow.vocabulary.AssessmentVariables.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.platform.CaseData;
import org.ehcflow.vocabulary.RequestOutcome;
import org.springframework.stereotype.Component;

/**
 * A withdrawn request is the SEN2 request outcome W only while no decision has been made: an
 * outcome already recorded is never overwritten (SEN2 keeps the first decision).
 */
@Component("recordWithdrawalDelegate")
public class RecordWithdrawalDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    CaseData data = CaseData.of(execution);
    data.optionalString(WITHDRAWN_REASON, 5_000);
    data.check("withdrawal");
    LocalDate today = data.today();
    WITHDRAWN_DATE.set(execution, today);
    if (!REQUEST_OUTCOME.isSet(execution)) {
      REQUEST_OUTCOME.set(execution, RequestOutcome.WITHDRAWN);
      REQUEST_OUTCOME_DATE.set(execution, today);
    }
  }
}
