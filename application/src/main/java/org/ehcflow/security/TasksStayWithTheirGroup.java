package org.ehcflow.security;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A task is worked by the group it is addressed to. Whoever assigns, claims, delegates or takes
 * ownership of a task (Tasklist, REST, a manager with the right to assign), the person it goes to
 * must be a member of one of its candidate groups: a manager may reassign an adviser's task to
 * another adviser, but may not take it and write the advice. Assignment makes the engine grant the
 * assignee the right to work the task, so this is checked on the assignment itself, in its
 * transaction, and a refusal leaves the task as it was.
 *
 * <p>Runs for every user task of every model (the Spring Boot starter publishes task events).
 */
@Component
class TasksStayWithTheirGroup {

  private final IdentityService identityService;
  private final TaskService taskService;

  TasksStayWithTheirGroup(IdentityService identityService, @Lazy TaskService taskService) {
    this.identityService = identityService;
    this.taskService = taskService;
  }

  @EventListener(
      condition =
          "#task.eventName == '"
              + TaskListener.EVENTNAME_ASSIGNMENT
              + "' or #task.eventName == '"
              + TaskListener.EVENTNAME_UPDATE
              + "'")
  public void keepWithItsGroup(DelegateTask task) {
    check(task, task.getAssignee(), "assigned to");
    check(task, task.getOwner(), "owned by");
  }

  private void check(DelegateTask task, String userId, String what) {
    if (userId != null) {
      refusal(task.getName(), List.copyOf(task.getCandidates()), userId, what)
          .ifPresent(
              message -> {
                throw new AuthorizationException(message);
              });
    }
  }

  /**
   * Why the task may not go to this person, if it may not; for a request checked before the engine
   * runs it.
   */
  Optional<String> refusal(String taskId, String userId) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      return Optional.empty();
    }
    List<IdentityLink> candidates =
        taskService.getIdentityLinksForTask(taskId).stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
            .toList();
    return refusal(task.getName(), candidates, userId, "assigned to");
  }

  private Optional<String> refusal(
      String taskName, List<IdentityLink> candidates, String userId, String what) {
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    boolean candidate =
        candidates.stream()
            .anyMatch(
                link ->
                    Objects.equals(link.getUserId(), userId)
                        || link.getGroupId() != null
                            && identityService
                                    .createUserQuery()
                                    .userId(userId)
                                    .memberOfGroup(link.getGroupId())
                                    .count()
                                > 0);
    if (candidate) {
      return Optional.empty();
    }
    return Optional.of(
        "The task '"
            + taskName
            + "' cannot be "
            + what
            + " '"
            + userId
            + "': only a member of the group it is for ("
            + String.join(
                ", ",
                candidates.stream()
                    .map(link -> link.getGroupId() != null ? link.getGroupId() : link.getUserId())
                    .toList())
            + ") may work it");
  }
}
