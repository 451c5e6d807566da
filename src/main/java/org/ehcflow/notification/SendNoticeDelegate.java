package org.ehcflow.notification;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * Sends one notice from a service task. The task must be {@code asyncBefore} so that the
 * sending never happens inside a person's request.
 *
 * <p>A case never waits for the mail server: when the server is down or refuses, the notice,
 * already written and recorded, is handed to its own retried delivery ({@code ehc-deliver-notice},
 * an incident in Cockpit if its retries run out) and the case moves on. Anything else that goes
 * wrong (a template that cannot be filled, a missing input) fails the step itself, since retrying
 * the delivery could not mend it.
 *
 * <p>Input parameters: {@code noticeType} (the template), {@code recipient} (an address), and
 * optionally {@code noticeKey}, which tells apart repeated sends of the same step to the same
 * recipient on one case (a reminder per adviser, for example).
 */
@Component("sendNoticeDelegate")
public class SendNoticeDelegate implements JavaDelegate {

  static final String NOTICE_TYPE = "noticeType";
  static final String RECIPIENT = "recipient";
  static final String NOTICE_KEY = "noticeKey";

  private final NotificationService notifications;

  public SendNoticeDelegate(NotificationService notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String noticeType = required(execution, NOTICE_TYPE);
    String recipient = required(execution, RECIPIENT);
    Object noticeKey = execution.getVariableLocal(NOTICE_KEY);
    String noticeId = String.join("/", execution.getProcessInstanceId(), execution.getCurrentActivityId(), recipient)
        + (noticeKey == null ? "" : "/" + noticeKey);
    try {
      notifications.send(noticeId, execution.getProcessInstanceId(), execution.getProcessBusinessKey(), noticeType,
          recipient, execution::getVariable);
    } catch (MailException refused) {
      // Started in the step's own transaction: if the step is rolled back, so is the hand-over.
      execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(NoticeDelivery.KEY,
          execution.getProcessBusinessKey(), Map.of(
              NoticeDelivery.Vars.NOTICE_ID, noticeId,
              NoticeDelivery.Vars.CASE_PROCESS_INSTANCE_ID, execution.getProcessInstanceId(),
              NoticeDelivery.Vars.NOTICE_TYPE, noticeType,
              NoticeDelivery.Vars.RECIPIENT, recipient));
    }
  }

  private static String required(DelegateExecution execution, String name) {
    Object value = execution.getVariableLocal(name);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException("The notice step '" + execution.getCurrentActivityId()
          + "' has no input parameter '" + name + "'");
    }
    return value.toString();
  }
}
