package org.ehcflow.reporting.caseload;

import java.util.List;

/**
 * Who holds the council's open tasks today, so a manager can move work from the overloaded to the
 * free: per person the task is assigned to (and the tasks no one holds yet), and per group the task
 * is offered to. "Overdue" is a task whose due day has passed; "due this week" is due today or in
 * the six days after, as the compliance view counts its deadlines. A suspended case's tasks count:
 * they are still someone's work, and Tasklist lists them.
 *
 * @param weekEnds the last day counted as "this week"
 * @param tasklistFilterId the managers' Tasklist filter of every open task, which the view's links
 *     narrow to one person or group; null if an administrator has removed it
 */
public record Caseload(
    String today,
    String weekEnds,
    Counts total,
    List<PersonLoad> people,
    Counts unassigned,
    List<GroupLoad> groups,
    Counts withoutGroup,
    String tasklistFilterId) {

  /** Open tasks, those of them overdue, and those due this week. */
  public record Counts(int open, int overdue, int dueThisWeek) {

    static final Counts NONE = new Counts(0, 0, 0);
  }

  /**
   * One person's tasks. {@code caseworker} says they are in the caseworkers' group, so a manager
   * can hand them casework even when they hold nothing.
   */
  public record PersonLoad(
      String userId, String name, boolean caseworker, int open, int overdue, int dueThisWeek) {}

  /**
   * The tasks offered to one group; a task offered to two groups counts in both. {@code unassigned}
   * of them wait for someone in the group to claim them.
   */
  public record GroupLoad(
      String groupId, String name, int open, int unassigned, int overdue, int dueThisWeek) {}
}
