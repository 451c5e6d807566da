package org.ehcflow.notification;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.vocabulary.Variable;
import org.springframework.stereotype.Component;

/**
 * Sends one notice from a service task. The task must be {@code asyncBefore} so that the sending
 * never happens inside a person's request.
 *
 * <p>A case never waits for the mail server: when the server is down or refuses, the notice,
 * already written and recorded, is handed to its own retried delivery ({@code ehc-deliver-notice},
 * an incident in Cockpit if its retries run out) and the case moves on. Anything else that goes
 * wrong (a template that cannot be filled, a missing input) fails the step itself, since retrying
 * the delivery could not mend it.
 *
 * <p>The step says what to send and to whom in its extension properties ({@link NoticeStep}). Steps
 * of the first model versions said it in input parameters ({@code noticeType}, {@code recipient},
 * optionally {@code noticeKey}), which cost up to three local variables and their history rows per
 * notice; their running cases are still served ({@link NoticeSteps}).
 */
@Component("sendNoticeDelegate")
public class SendNoticeDelegate implements JavaDelegate {

  /** The first versions' input parameters, which a changed model must not bring back. */
  public static final Set<String> FIRST_VERSION_INPUT_PARAMETERS =
      Set.copyOf(
          Variable.names(NoticeSteps.NOTICE_TYPE, NoticeSteps.RECIPIENT, NoticeSteps.NOTICE_KEY));

  private final NoticeSteps notices;

  public SendNoticeDelegate(NoticeSteps notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.send(execution);
  }
}
