package org.ehcflow.section23;

import static org.ehcflow.section23.Section23Process.Start.*;
import static org.ehcflow.section23.Section23Process.Vars.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

/**
 * Finds a child's earlier Section 23 notifications, by NHS number or by name and date of birth,
 * and summarises each with its triage, for the caseworker and the panel of a later request.
 */
@Service
public class EarlierNotifications {

  private final HistoryService history;

  public EarlierNotifications(HistoryService history) {
    this.history = history;
  }

  public record Found(String notificationId, String summary) {}

  public List<Found> find(String nhsNumber, String childName, String dateOfBirth) {
    List<HistoricProcessInstance> matches = new ArrayList<>();
    if (nhsNumber != null && !nhsNumber.isBlank()) {
      matches.addAll(history.createHistoricProcessInstanceQuery().processDefinitionKey(Section23Process.KEY)
          .variableValueEquals(NHS_NUMBER, NhsNumber.normalise(nhsNumber)).list());
    }
    if (childName != null && dateOfBirth != null) {
      history.createHistoricProcessInstanceQuery().processDefinitionKey(Section23Process.KEY)
          .variableValueEquals(CHILD_NAME, childName).variableValueEquals(DATE_OF_BIRTH, dateOfBirth).list().stream()
          .filter(found -> matches.stream().noneMatch(known -> known.getId().equals(found.getId())))
          .forEach(matches::add);
    }
    return matches.stream().map(this::summarise).toList();
  }

  private Found summarise(HistoricProcessInstance notification) {
    Map<String, Object> values = history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(notification.getId()).list().stream()
        .filter(variable -> variable.getValue() != null)
        .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue, (a, b) -> b));
    StringBuilder summary = new StringBuilder()
        .append("Section 23 notification ").append(notification.getBusinessKey())
        .append(" of ").append(values.get(NOTIFICATION_DATE))
        .append(" from ").append(values.get(NOTIFYING_BODY)).append(": ").append(values.get(CONCERN));
    if (values.get(TRIAGE_OUTCOME) != null) {
      summary.append(" Triage on ").append(values.get(TRIAGE_DATE)).append(": ").append(values.get(TRIAGE_OUTCOME));
      Object reason = values.get(TRIAGE_REASON);
      if (reason != null && !reason.toString().isBlank()) {
        summary.append(" (").append(reason).append(")");
      }
      summary.append('.');
    } else {
      summary.append(" Not yet triaged.");
    }
    return new Found(notification.getBusinessKey(), summary.toString());
  }
}
