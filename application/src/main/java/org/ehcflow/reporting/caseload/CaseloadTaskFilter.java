package org.ehcflow.reporting.caseload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.ehcflow.vocabulary.ChildVariables;
import org.ehcflow.vocabulary.EhcGroups;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The managers' Tasklist filter of every open task, soonest deadline first. The caseload view links
 * to it narrowed to one person or one group, where a manager reassigns tasks (managers may read and
 * assign any task). Left as it is when present, so an administrator's changes stay.
 */
@Component
class CaseloadTaskFilter implements ApplicationRunner {

  static final String NAME = "Caseload: every open task";

  /** After the group filters, so a manager's Tasklist still opens on their own work. */
  private static final int PRIORITY = 100;

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;

  CaseloadTaskFilter(
      FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (filters.createFilterQuery().filterName(NAME).count() > 0) {
      return;
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(
        "description", "Every open task in the council, for managers sharing out the work");
    properties.put("priority", PRIORITY);
    properties.put("refresh", true);
    properties.put(
        "variables",
        List.of(
            Map.of("name", ChildVariables.CHILD_NAME.name(), "label", "Child"),
            Map.of("name", ChildVariables.CHILD_ID.name(), "label", "Child id")));
    Filter filter =
        filters
            .newTaskFilter(NAME)
            .setOwner(null)
            .setQuery(tasks.createTaskQuery().orderByDueDate().asc())
            .setProperties(properties);
    filters.saveFilter(filter);

    Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    read.setGroupId(EhcGroups.LA_MANAGER.id());
    read.setResource(Resources.FILTER);
    read.setResourceId(filter.getId());
    read.addPermission(Permissions.READ);
    authorizations.saveAuthorization(read);
  }
}
