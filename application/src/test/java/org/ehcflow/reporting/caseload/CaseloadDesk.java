package org.ehcflow.reporting.caseload;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.statutory.StatutoryDates;
import org.ehcflow.vocabulary.EhcGroups;

/**
 * A manager's desk on Monday 15 June 2026 at 10:00 (London): three more caseworkers (Amara and Ben
 * busy, Chloe free), the demo adviser "ep" holding one task, and eleven open tasks with due dates
 * either side of "overdue" (before today) and "this week" (today to Sunday 21 June), several in no
 * one's hands and two offered to no group. Removed again by {@link #clear()}.
 *
 * <pre>
 *  task  assignee  candidate groups           due         counts as
 *  T1    amara     la-caseworker              10 June     overdue
 *  T2    amara     la-caseworker              14 June     overdue (yesterday)
 *  T3    amara     la-caseworker              15 June     this week (today)
 *  T4    amara     la-caseworker              22 June     neither (a week today)
 *  T5    ben       la-caseworker              -           neither
 *  T6    ben       -                          21 June     this week (Sunday)
 *  T7    ep        educational-psychology     1 June      overdue
 *  T8    -         health                     12 June     overdue
 *  T9    -         health, social-care        16 June     this week
 *  T10   -         la-caseworker              -           neither
 *  T11   -         -                          30 June     neither
 * </pre>
 */
final class CaseloadDesk {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
  static final String AMARA = "caseload-amara";
  static final String BEN = "caseload-ben";
  static final String CHLOE = "caseload-chloe";
  static final String EP = "ep";

  private static final String CASEWORKERS = EhcGroups.LA_CASEWORKER.id();
  private static final String PSYCHOLOGY = EhcGroups.EDUCATIONAL_PSYCHOLOGY.id();
  private static final String HEALTH = EhcGroups.HEALTH.id();
  private static final String SOCIAL_CARE = EhcGroups.SOCIAL_CARE.id();

  private final TaskService tasks;
  private final IdentityService identity;
  private final List<String> taskIds = new ArrayList<>();
  private final List<String> userIds = new ArrayList<>();

  CaseloadDesk(ProcessEngine engine) {
    this.tasks = engine.getTaskService();
    this.identity = engine.getIdentityService();
  }

  CaseloadDesk build() {
    ClockUtil.setCurrentTime(
        Date.from(
            LocalDateTime.of(TODAY, java.time.LocalTime.of(10, 0))
                .atZone(StatutoryClock.ZONE)
                .toInstant()));
    caseworker(AMARA, "Amara", "Okoye");
    caseworker(BEN, "Ben", "Hale");
    caseworker(CHLOE, "Chloe", "Dunn");
    task("T1 Gather evidence for panel", AMARA, "2026-06-10", CASEWORKERS);
    task("T2 Draft the plan", AMARA, "2026-06-14", CASEWORKERS);
    task("T3 Consult the school", AMARA, "2026-06-15", CASEWORKERS);
    task("T4 Summarise the advice", AMARA, "2026-06-22", CASEWORKERS);
    task("T5 Record the parent's response", BEN, null, CASEWORKERS);
    task("T6 Call the family back", BEN, "2026-06-21");
    task("T7 Psychological advice", EP, "2026-06-01", PSYCHOLOGY);
    task("T8 Health advice", null, "2026-06-12", HEALTH);
    task("T9 Joint health and care advice", null, "2026-06-16", HEALTH, SOCIAL_CARE);
    task("T10 Decide the review outcome", null, null, CASEWORKERS);
    task("T11 Check the address", null, "2026-06-30");
    return this;
  }

  List<String> taskIds() {
    return List.copyOf(taskIds);
  }

  void clear() {
    for (String id : taskIds) {
      tasks.deleteTask(id, true);
    }
    taskIds.clear();
    for (String id : userIds) {
      identity.deleteUser(id);
    }
    userIds.clear();
    ClockUtil.reset();
  }

  private void caseworker(String id, String firstName, String lastName) {
    User user = identity.newUser(id);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setEmail(id + "@council.example");
    user.setPassword("Caseload-Desk-2026!");
    identity.saveUser(user);
    identity.createMembership(id, CASEWORKERS);
    userIds.add(id);
  }

  private void task(String name, String assignee, String due, String... groups) {
    Task task = tasks.newTask();
    task.setName(name);
    if (due != null) {
      task.setDueDate(StatutoryDates.startOfDay(LocalDate.parse(due)));
    }
    tasks.saveTask(task);
    taskIds.add(task.getId());
    for (String group : groups) {
      tasks.addCandidateGroup(task.getId(), group);
    }
    // After the groups: a task goes only to a member of the group it is for.
    if (assignee != null) {
      tasks.setAssignee(task.getId(), assignee);
    }
  }
}
