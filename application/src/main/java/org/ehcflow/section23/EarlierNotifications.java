package org.ehcflow.section23;

import static org.ehcflow.vocabulary.Section23Variables.*;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.ehcflow.vocabulary.EarlierNotificationFinder;
import org.ehcflow.vocabulary.NhsNumber;
import org.ehcflow.vocabulary.Pathways;
import org.ehcflow.vocabulary.TriageOutcome;
import org.ehcflow.vocabulary.Variable;
import org.springframework.stereotype.Service;

/**
 * Finds a child's earlier Section 23 notifications, by NHS number or by name and date of birth, and
 * summarises each with its triage, for the caseworker and the panel of a later request.
 */
@Service
public class EarlierNotifications implements EarlierNotificationFinder {

  private final HistoryService history;

  public EarlierNotifications(HistoryService history) {
    this.history = history;
  }

  public record Found(String notificationId, String summary) {}

  @Override
  public List<EarlierNotification> earlierNotifications(
      String nhsNumber, String childName, LocalDate dateOfBirth) {
    return find(nhsNumber, childName, dateOfBirth).stream()
        .map(found -> new EarlierNotification(found.notificationId(), found.summary()))
        .toList();
  }

  /**
   * Looked up through the variables' own index (pathway, name, value) and only then joined to their
   * notifications: a query on the notifications with variable conditions reads the whole history on
   * some databases, and every new request for an assessment asks this.
   */
  public List<Found> find(String nhsNumber, String childName, LocalDate dateOfBirth) {
    return find(nhsNumber, childName, (String) DATE_OF_BIRTH.encode(dateOfBirth));
  }

  /** As {@link #find(String, String, LocalDate)}, with the date of birth as the case keeps it. */
  public List<Found> find(String nhsNumber, String childName, String dateOfBirth) {
    Set<String> ids = new LinkedHashSet<>();
    if (nhsNumber != null && !nhsNumber.isBlank()) {
      ids.addAll(notificationsWith(NHS_NUMBER, NhsNumber.normalise(nhsNumber)));
    }
    if (childName != null && dateOfBirth != null) {
      Set<String> named = notificationsWith(CHILD_NAME, childName);
      if (!named.isEmpty()) {
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceIdIn(named.toArray(String[]::new))
            .variableName(DATE_OF_BIRTH.name())
            .disableBinaryFetching()
            .list()
            .stream()
            .filter(variable -> dateOfBirth.equals(variable.getValue()))
            .forEach(variable -> ids.add(variable.getProcessInstanceId()));
      }
    }
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, HistoricProcessInstance> byId =
        history.createHistoricProcessInstanceQuery().processInstanceIds(ids).list().stream()
            .collect(Collectors.toMap(HistoricProcessInstance::getId, instance -> instance));
    return ids.stream().map(byId::get).filter(Objects::nonNull).map(this::summarise).toList();
  }

  private Set<String> notificationsWith(Variable<String> variable, String value) {
    return history
        .createHistoricVariableInstanceQuery()
        .processDefinitionKey(Pathways.SECTION_23_NOTIFICATION)
        .variableValueEquals(variable.name(), value)
        .disableBinaryFetching()
        .list()
        .stream()
        .map(HistoricVariableInstance::getProcessInstanceId)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private Found summarise(HistoricProcessInstance notification) {
    Map<String, Object> values =
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceIdIn(notification.getId())
            .list()
            .stream()
            .filter(variable -> variable.getValue() != null)
            .collect(
                Collectors.toMap(
                    HistoricVariableInstance::getName,
                    HistoricVariableInstance::getValue,
                    (a, b) -> b));
    StringBuilder summary =
        new StringBuilder()
            .append("Section 23 notification ")
            .append(notification.getBusinessKey())
            .append(" of ")
            .append(NOTIFICATION_DATE.get(values))
            .append(" from ")
            .append(NOTIFYING_BODY.get(values))
            .append(": ")
            .append(CONCERN.get(values));
    TriageOutcome outcome = TRIAGE_OUTCOME.get(values);
    if (outcome != null) {
      summary
          .append(" Triage on ")
          .append(TRIAGE_DATE.get(values))
          .append(": ")
          .append(outcome.code());
      String reason = TRIAGE_REASON.get(values);
      if (reason != null && !reason.isBlank()) {
        summary.append(" (").append(reason).append(")");
      }
      summary.append('.');
    } else {
      summary.append(" Not yet triaged.");
    }
    return new Found(notification.getBusinessKey(), summary.toString());
  }
}
