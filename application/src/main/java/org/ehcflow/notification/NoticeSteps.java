package org.ehcflow.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.ehcflow.vocabulary.NoticeDeliveryVariables;
import org.ehcflow.vocabulary.Pathways;
import org.ehcflow.vocabulary.Variable;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * Sends the notice a service task names ({@link NoticeStep}), and hands it to its own retried
 * delivery ({@code ehc-deliver-notice}) when the mail server is down or refuses.
 */
@Component
public class NoticeSteps {

  /** The first model versions' input parameters, local to the step. */
  static final Variable<String> NOTICE_TYPE = Variable.text("noticeType");

  static final Variable<String> RECIPIENT = Variable.text("recipient");
  static final Variable<Object> NOTICE_KEY = Variable.engineValue("noticeKey");

  private final NotificationService notifications;
  private final Mailboxes mailboxes;

  /** By process definition and activity: a deployed model never changes. */
  private final Map<String, NoticeStep> steps = new ConcurrentHashMap<>();

  public NoticeSteps(NotificationService notifications, Mailboxes mailboxes) {
    this.notifications = notifications;
    this.mailboxes = mailboxes;
  }

  /** Sends the notice of the step the execution is at. */
  public void send(DelegateExecution execution) {
    NoticeStep step =
        steps.computeIfAbsent(
            execution.getProcessDefinitionId() + "/" + execution.getCurrentActivityId(),
            key -> NoticeStep.of(execution.getBpmnModelElementInstance()));
    String noticeType;
    String recipient;
    Object noticeKey;
    if (step.fromInputParameters()) {
      noticeType = required(execution, NOTICE_TYPE.name(), NOTICE_TYPE.getLocal(execution));
      recipient = required(execution, RECIPIENT.name(), RECIPIENT.getLocal(execution));
      noticeKey = NOTICE_KEY.getLocal(execution);
    } else {
      noticeType = step.noticeType();
      recipient =
          required(execution, "recipient", step.recipient(caseValues(execution), mailboxes));
      noticeKey = step.key(caseValues(execution));
    }
    String noticeId =
        String.join(
                "/", execution.getProcessInstanceId(), execution.getCurrentActivityId(), recipient)
            + (noticeKey == null ? "" : "/" + noticeKey);
    try {
      notifications.send(
          noticeId,
          execution.getProcessInstanceId(),
          execution.getProcessBusinessKey(),
          noticeType,
          recipient,
          caseValues(execution));
    } catch (MailException refused) {
      // Started in the step's own transaction: if the step is rolled back, so is the hand-over.
      Map<String, Object> delivery = new LinkedHashMap<>();
      NoticeDeliveryVariables.NOTICE_ID.put(delivery, noticeId);
      NoticeDeliveryVariables.CASE_PROCESS_INSTANCE_ID.put(
          delivery, execution.getProcessInstanceId());
      NoticeDeliveryVariables.NOTICE_TYPE.put(delivery, noticeType);
      NoticeDeliveryVariables.RECIPIENT.put(delivery, recipient);
      execution
          .getProcessEngineServices()
          .getRuntimeService()
          .startProcessInstanceByKey(
              Pathways.DELIVER_NOTICE, execution.getProcessBusinessKey(), delivery);
    }
  }

  /**
   * The case's values by the names the model and the templates give (local first): which ones is
   * the model's and the template's to say, so they are read by name and only when asked for.
   */
  private static java.util.function.Function<String, Object> caseValues(VariableScope scope) {
    return scope::getVariable;
  }

  private static String required(DelegateExecution execution, String name, Object value) {
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException(
          "The notice step '"
              + execution.getCurrentActivityId()
              + "' has no "
              + name
              + " on this case");
    }
    return value.toString();
  }
}
