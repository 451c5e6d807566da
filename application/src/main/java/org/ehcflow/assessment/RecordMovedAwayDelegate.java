package org.ehcflow.assessment;

import static org.ehcflow.vocabulary.AssessmentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.platform.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Reg 15: an assessment in progress does not go with the child to another council, which makes its
 * own decisions; the case here ends as {@code moved}. The request's SEN2 outcome, if one was
 * recorded, is kept as it was.
 */
@Component("recordMovedAwayDelegate")
public class RecordMovedAwayDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    ASSESSMENT_ENDED_AS.set(execution, ENDED_AS_MOVED);
    if (!MOVED_AWAY_DATE.isSet(execution)) {
      MOVED_AWAY_DATE.set(execution, EngineClock.today());
    }
  }
}
