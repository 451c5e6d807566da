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
 * Saved Tasklist filters, so a new user sees their work on first login: per group, the tasks
 * offered to the group, those of them overdue and those due in the coming week; and "My tasks" for
 * what a user has claimed. Filters already present (by name) are left as an administrator may have
 * tuned them.
 *
 * <p>The filters hold no ordering of their own. The engine puts a filter's ordering before the one
 * Tasklist sends, so a saved "due date" ordering made the list header's choice (which says
 * "Created" until told otherwise) a mere tie-break: the header said one thing and the list did
 * another. Instead, the Tasklist plugin {@code ehc-task-cards} opens every list sorted by due date,
 * soonest first, and the header shows it and can change it. Undated tasks come last: PostgreSQL
 * sorts NULL last in ascending order, and the H2 database is opened with {@code
 * DEFAULT_NULL_ORDERING=HIGH} to do the same.
 *
 * <p>Tasklist's search box looks for what is typed in the task names (the engine compares them
 * ignoring case), and each task's name carries the child's name and id ({@link TaskCards}): typing
 * "okafor" or "C1234" finds the child's tasks within the open filter.
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

  /** Tasks whose statutory date has passed: due before the start of today (London). */
  static final String START_OF_TODAY = "${dateTime().withTimeAtStartOfDay().toDate()}";

  /**
   * Just before today began: the engine's "due after" is strict, and a task due today is due at the
   * very start of its day.
   */
  static final String JUST_BEFORE_TODAY =
      "${dateTime().withTimeAtStartOfDay().minusMillis(1).toDate()}";

  /** The end of the coming seven days, today included. */
  static final String END_OF_THE_WEEK = "${dateTime().withTimeAtStartOfDay().plusDays(7).toDate()}";

  public static String groupFilterName(EhcGroups group) {
    return group.label() + ": my group's tasks";
  }

  public static String overdueFilterName(EhcGroups group) {
    return group.label() + ": overdue";
  }

  public static String dueThisWeekFilterName(EhcGroups group) {
    return group.label() + ": due this week";
  }

  @Override
  public void run(ApplicationArguments args) {
    int priority = 0;
    TaskQuery mine = taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}");
    ensureFilter(MY_TASKS, "Tasks you have claimed", priority++, mine, Authorization.ANY);
    for (EhcGroups group : EhcGroups.workingGroups()) {
      ensureFilter(
          groupFilterName(group),
          "Tasks for " + group.label(),
          priority++,
          offeredTo(group),
          group.id());
      ensureFilter(
          overdueFilterName(group),
          "Tasks for " + group.label() + " whose statutory date has passed",
          priority++,
          offeredTo(group).dueBeforeExpression(START_OF_TODAY),
          group.id());
      ensureFilter(
          dueThisWeekFilterName(group),
          "Tasks for " + group.label() + " due today or in the next six days",
          priority++,
          offeredTo(group)
              .dueAfterExpression(JUST_BEFORE_TODAY)
              .dueBeforeExpression(END_OF_THE_WEEK),
          group.id());
    }
  }

  /** Every task offered to the group, whether or not someone has claimed it. */
  private TaskQuery offeredTo(EhcGroups group) {
    return taskService.createTaskQuery().taskCandidateGroup(group.id()).includeAssignedTasks();
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
