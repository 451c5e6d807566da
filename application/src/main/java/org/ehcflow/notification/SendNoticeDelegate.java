package org.ehcflow.notification;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
 * <p>The step says what to send and to whom in its extension properties ({@link NoticeStep}).
 * Steps of the first model versions said it in input parameters ({@code noticeType},
 * {@code recipient}, optionally {@code noticeKey}), which cost up to three local variables and their
 * history rows per notice; their running cases are still served.
 */
@Component("sendNoticeDelegate")
public class SendNoticeDelegate implements JavaDelegate {

  static final String NOTICE_TYPE = "noticeType";
  static final String RECIPIENT = "recipient";
  static final String NOTICE_KEY = "noticeKey";
  /** The first versions' input parameters, which a changed model must not bring back. */
  public static final Set<String> FIRST_VERSION_INPUT_PARAMETERS = Set.of(NOTICE_TYPE, RECIPIENT, NOTICE_KEY);

  private final NotificationService notifications;
  private final Mailboxes mailboxes;
  /** By process definition and activity: a deployed model never changes. */
  private final Map<String, NoticeStep> steps = new ConcurrentHashMap<>();

  public SendNoticeDelegate(NotificationService notifications, Mailboxes mailboxes) {
    this.notifications = notifications;
    this.mailboxes = mailboxes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NoticeStep step = steps.computeIfAbsent(execution.getProcessDefinitionId() + "/" + execution.getCurrentActivityId(),
        key -> NoticeStep.of(execution.getBpmnModelElementInstance()));
    String noticeType;
    String recipient;
    Object noticeKey;
    if (step.fromInputParameters()) {
      noticeType = required(execution, NOTICE_TYPE, execution.getVariableLocal(NOTICE_TYPE));
      recipient = required(execution, RECIPIENT, execution.getVariableLocal(RECIPIENT));
      noticeKey = execution.getVariableLocal(NOTICE_KEY);
    } else {
      noticeType = step.noticeType();
      recipient = required(execution, "recipient", step.recipient(execution::getVariable, mailboxes));
      noticeKey = step.key(execution::getVariable);
    }
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

  private static String required(DelegateExecution execution, String name, Object value) {
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException("The notice step '" + execution.getCurrentActivityId()
          + "' has no " + name + " on this case");
    }
    return value.toString();
  }
}
