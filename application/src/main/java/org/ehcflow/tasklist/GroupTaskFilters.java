package org.ehcflow.tasklist;

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
import org.camunda.bpm.engine.task.TaskQuery;
import org.ehcflow.vocabulary.ChildVariables;
import org.ehcflow.vocabulary.EhcGroups;
import org.ehcflow.vocabulary.Variable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Saved Tasklist filters, so a new user sees their work on first login: one per group (tasks
 * offered to the group, soonest deadline first) and "My tasks" for what a user has claimed. Filters
 * already present (by name) are left as an administrator may have tuned them.
 */
@Component
public class GroupTaskFilters implements ApplicationRunner {

  public static final String MY_TASKS = "My tasks";

  /** The case columns every filter shows, so a worker can tell cases apart at a glance. */
  static final List<Variable<String>> CASE_COLUMN_VARIABLES =
      List.of(ChildVariables.CHILD_NAME, ChildVariables.CHILD_ID);

  private static final List<Map<String, String>> CASE_COLUMNS =
      List.of(
          Map.of("name", ChildVariables.CHILD_NAME.name(), "label", "Child"),
          Map.of("name", ChildVariables.CHILD_ID.name(), "label", "Child id"));

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;

  public GroupTaskFilters(
      FilterService filterService,
      TaskService taskService,
      AuthorizationService authorizationService) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
  }

  public static String groupFilterName(EhcGroups group) {
    return group.label() + ": my group's tasks";
  }

  @Override
  public void run(ApplicationArguments args) {
    int priority = 0;
    TaskQuery mine =
        taskService
            .createTaskQuery()
            .taskAssigneeExpression("${currentUser()}")
            .orderByDueDate()
            .asc();
    ensureFilter(
        MY_TASKS,
        "Tasks you have claimed, soonest deadline first",
        priority++,
        mine,
        Authorization.ANY);
    for (EhcGroups group : EhcGroups.workingGroups()) {
      TaskQuery offered =
          taskService
              .createTaskQuery()
              .taskCandidateGroup(group.id())
              .includeAssignedTasks()
              .orderByDueDate()
              .asc();
      ensureFilter(
          groupFilterName(group),
          "Tasks for " + group.label() + ", soonest deadline first",
          priority++,
          offered,
          group.id());
    }
  }

  private void ensureFilter(
      String name, String description, int priority, TaskQuery query, String readableBy) {
    if (filterService.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    properties.put("variables", CASE_COLUMNS);
    Filter filter =
        filterService.newTaskFilter(name).setOwner(null).setQuery(query).setProperties(properties);
    filterService.saveFilter(filter);

    Authorization read =
        authorizationService.createNewAuthorization(
            Authorization.ANY.equals(readableBy)
                ? Authorization.AUTH_TYPE_GLOBAL
                : Authorization.AUTH_TYPE_GRANT);
    if (Authorization.ANY.equals(readableBy)) {
      read.setUserId(Authorization.ANY);
    } else {
      read.setGroupId(readableBy);
    }
    read.setResource(Resources.FILTER);
    read.setResourceId(filter.getId());
    read.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(read);
  }
}
