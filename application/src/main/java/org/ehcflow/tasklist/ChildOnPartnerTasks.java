package org.ehcflow.tasklist;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.ehcflow.vocabulary.EhcGroups;
import org.ehcflow.vocabulary.Variable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A partner's task list shows which child each task is for. Partners may not read the case itself
 * (only their own task), and Tasklist's list columns come from the case, so the child's name and
 * identifier are copied onto each partner task when it is created: readable with the task, and
 * nothing more of the case. The council's groups read the case and need no copy.
 *
 * <p>Runs for every user task of every pathway (the Spring Boot starter publishes task events), so
 * a redesigned model needs nothing extra.
 */
@Component
class ChildOnPartnerTasks {

  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
  public void showTheChild(DelegateTask task) {
    boolean forPartner =
        task.getCandidates().stream()
            .map(IdentityLink::getGroupId)
            .anyMatch(group -> group != null && !EhcGroups.isCouncilGroup(group));
    if (!forPartner || task.getProcessInstanceId() == null) {
      return;
    }
    for (Variable<String> variable : GroupTaskFilters.CASE_COLUMN_VARIABLES) {
      String value = variable.get(task);
      if (value != null && !task.hasVariableLocal(variable.name())) {
        variable.setLocal(task, value);
      }
    }
  }
}
