package org.ehcflow.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends one notice from a service task. The task must be {@code asyncBefore} so that the
 * sending is retried by the job executor and never happens inside a person's request.
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
    notifications.send(noticeId, execution.getProcessInstanceId(), execution.getProcessBusinessKey(), noticeType,
        recipient, execution.getVariables());
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
