package org.ehcflow.reporting.sen2;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.springframework.stereotype.Component;

/**
 * Reads the cases of one pathway from the engine's history a page at a time: the historic process
 * instances by process key, then for each page the case-level variables the return needs (historic
 * variable instances) and every value they have taken (historic details). The queries run with the
 * caller's engine authorizations.
 */
@Component
class Sen2HistoryReader {

  static final int INSTANCE_PAGE = 200;
  static final int VARIABLE_PAGE = 1_000;
  static final int DETAIL_PAGE = 2_000;

  private final HistoryService history;

  Sen2HistoryReader(HistoryService history) {
    this.history = history;
  }

  /** Which cases of a pathway to read, by how they were started. */
  enum Started {
    /**
     * Started in their own right: an assessment a re-assessment called is not a request for an EHC
     * needs assessment in SEN2's sense.
     */
    IN_OWN_RIGHT,
    /** Called by another case: a re-assessment's run of the assessment steps. */
    CALLED
  }

  List<CaseHistory> read(String processKey, Set<String> variableNames) {
    return read(processKey, Started.IN_OWN_RIGHT, variableNames);
  }

  List<CaseHistory> read(String processKey, Started started, Set<String> variableNames) {
    List<CaseHistory> cases = new ArrayList<>();
    for (int first = 0; ; first += INSTANCE_PAGE) {
      HistoricProcessInstanceQuery query =
          history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey);
      if (started == Started.IN_OWN_RIGHT) {
        query.rootProcessInstances();
      }
      List<HistoricProcessInstance> page =
          query.orderByProcessInstanceId().asc().listPage(first, INSTANCE_PAGE);
      List<HistoricProcessInstance> wanted =
          started == Started.CALLED
              ? page.stream().filter(p -> p.getSuperProcessInstanceId() != null).toList()
              : page;
      if (!wanted.isEmpty()) {
        cases.addAll(withVariables(wanted, variableNames));
      }
      if (page.size() < INSTANCE_PAGE) {
        return cases;
      }
    }
  }

  private List<CaseHistory> withVariables(
      List<HistoricProcessInstance> page, Set<String> variableNames) {
    Map<String, CaseHistory> byId = new LinkedHashMap<>();
    for (HistoricProcessInstance instance : page) {
      byId.put(
          instance.getId(),
          new CaseHistory(
              instance.getId(),
              instance.getBusinessKey(),
              instance.getProcessDefinitionKey(),
              instance.getStartTime()));
    }
    String[] ids = byId.keySet().toArray(String[]::new);
    String[] names = variableNames.toArray(String[]::new);

    // The case-level variables (those of the process instance itself, not of a task or an
    // adviser's scope), including any since deleted, so their recorded values count too.
    Set<String> caseLevelVariableIds = new HashSet<>();
    for (int first = 0; ; first += VARIABLE_PAGE) {
      List<HistoricVariableInstance> variables =
          history
              .createHistoricVariableInstanceQuery()
              .processInstanceIdIn(ids)
              .variableNameIn(names)
              .includeDeleted()
              .disableBinaryFetching()
              .disableCustomObjectDeserialization()
              .orderByProcessInstanceId()
              .asc()
              .orderByVariableId()
              .asc()
              .listPage(first, VARIABLE_PAGE);
      for (HistoricVariableInstance variable : variables) {
        if (!variable.getProcessInstanceId().equals(variable.getExecutionId())
            || variable.getTaskId() != null) {
          continue;
        }
        caseLevelVariableIds.add(variable.getId());
        if (!HistoricVariableInstance.STATE_DELETED.equals(variable.getState())) {
          byId.get(variable.getProcessInstanceId())
              .holdsNow(variable.getName(), variable.getValue());
        }
      }
      if (variables.size() < VARIABLE_PAGE) {
        break;
      }
    }

    // Every value those variables have taken, oldest first: within one variable by time, then by
    // the order the engine recorded the updates in.
    for (int first = 0; ; first += DETAIL_PAGE) {
      List<HistoricDetail> details =
          history
              .createHistoricDetailQuery()
              .processInstanceIdIn(ids)
              .variableUpdates()
              .disableBinaryFetching()
              .disableCustomObjectDeserialization()
              .orderByProcessInstanceId()
              .asc()
              .orderByVariableName()
              .asc()
              .orderByTime()
              .asc()
              .orderPartiallyByOccurrence()
              .asc()
              .orderByVariableRevision()
              .asc()
              .listPage(first, DETAIL_PAGE);
      for (HistoricDetail detail : details) {
        if (detail instanceof HistoricVariableUpdate update
            && caseLevelVariableIds.contains(update.getVariableInstanceId())) {
          byId.get(update.getProcessInstanceId())
              .recorded(update.getVariableName(), update.getValue(), update.getTime());
        }
      }
      if (details.size() < DETAIL_PAGE) {
        break;
      }
    }
    return new ArrayList<>(byId.values());
  }
}
