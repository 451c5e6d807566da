package org.ehcflow.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.vocabulary.NoticeDeliveryVariables;
import org.springframework.stereotype.Component;

/**
 * Sends a recorded notice that its case's step could not send; a failure is retried, then an
 * incident.
 */
@Component("deliverNoticeDelegate")
public class DeliverNoticeDelegate implements JavaDelegate {

  private final NotificationService notifications;

  public DeliverNoticeDelegate(NotificationService notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.deliver(NoticeDeliveryVariables.NOTICE_ID.get(execution));
  }
}
