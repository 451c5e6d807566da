package org.ehcflow.notification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.ehcflow.casefile.CaseDocument;
import org.ehcflow.vocabulary.EhcGroups;
import org.springframework.stereotype.Service;

/**
 * The letters a task's completion may send, written with the case's values as they stand, for
 * whoever works the task to read before they complete it. Which letters a task leads to is
 * configuration ({@code ehc.letters.previews}, by the task's id in the model), not code.
 *
 * <p>A value the case does not have yet (the decision's reason, typed into the form being filled
 * in) shows as {@code [not yet known: name]}; the caller may give such values as they would be
 * submitted ({@code proposed}), and only the values the letters name are taken from there.
 *
 * <p>A letter sent by a case the task's case calls (the cease pathway's "considering" letter after
 * a review decision) names the called case's values: each is looked up under the name the caller
 * passes it on from, as the call activity's input mappings in the model say.
 */
@Service
public class LetterPreviews {

  /** The group whose members may work any task (the engine's administrators). */
  static final String ADMINISTRATORS = EhcGroups.CAMUNDA_ADMIN.id();

  private static final int LONGEST_PROPOSED_VALUE = 20_000;

  private final TaskService tasks;
  private final IdentityService identity;
  private final RepositoryService repository;
  private final Letters letters;

  public LetterPreviews(
      TaskService tasks, IdentityService identity, RepositoryService repository, Letters letters) {
    this.tasks = tasks;
    this.identity = identity;
    this.repository = repository;
    this.letters = letters;
  }

  /** No task of this id that this person works, or a task that sends no letter: 404. */
  public static class NoPreview extends RuntimeException {
    public NoPreview(String message) {
      super(message);
    }
  }

  /**
   * One letter as the task's completion would send it.
   *
   * @param missing the case values the letter names that the case does not have yet
   * @param attachment the file name of the plan that would go with it, or null
   */
  public record Preview(
      String noticeType,
      String subject,
      String text,
      String html,
      List<String> missing,
      String attachment) {}

  /**
   * @param proposed values as the task's form would submit them, by variable name
   * @throws NoPreview when the task is not open, not this person's to work, or sends no letter
   */
  public List<Preview> of(
      String userId, List<String> groups, String taskId, Map<String, String> proposed) {
    Task task = asSystem(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
    if (task == null || !mayWork(userId, groups, task)) {
      throw new NoPreview("There is no open task " + taskId + " for you.");
    }
    List<String> noticeTypes = letters.previewsOf(task.getTaskDefinitionKey());
    if (noticeTypes.isEmpty()) {
      throw new NoPreview("The task '" + task.getName() + "' sends no letter.");
    }
    Map<String, String> passedOnFrom = asSystem(() -> passedOnFrom(task));
    List<Preview> previews = new ArrayList<>();
    for (String noticeType : noticeTypes) {
      Set<String> named = letters.templates().caseValueNames(noticeType);
      List<String> missing = new ArrayList<>();
      Function<String, Object> held =
          name -> {
            String given = proposed.get(name);
            if (given != null && !given.isBlank() && given.length() <= LONGEST_PROPOSED_VALUE) {
              return given;
            }
            return named.contains(name) || passedOnFrom.containsValue(name)
                ? asSystem(() -> tasks.getVariable(taskId, name))
                : null;
          };
      Function<String, Object> caseValue =
          name -> {
            Object value = held.apply(name);
            String source = named.contains(name) ? passedOnFrom.get(name) : null;
            return value == null && source != null ? held.apply(source) : value;
          };
      Letters.Written written =
          letters.write(
              noticeType,
              task.getProcessInstanceId(),
              caseValue,
              name -> {
                missing.add(name);
                return "[not yet known: " + name + "]";
              },
              false);
      previews.add(
          new Preview(
              noticeType,
              written.letter().subject(),
              written.letter().body(),
              written.letter().html(),
              List.copyOf(missing),
              written.attachments().stream().map(CaseDocument::name).findFirst().orElse(null)));
    }
    return previews;
  }

  /**
   * By the name a called case knows a value by, the name the task's case passes it on from, where
   * the two differ (the review's {@code reviewDecisionReason} is the cease case's {@code
   * ceaseProposalReason}).
   */
  private Map<String, String> passedOnFrom(Task task) {
    Map<String, String> sources = new HashMap<>();
    for (CallActivity call :
        repository
            .getBpmnModelInstance(task.getProcessDefinitionId())
            .getModelElementsByType(CallActivity.class)) {
      if (call.getExtensionElements() == null) {
        continue;
      }
      for (CamundaIn in :
          call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list()) {
        String source = in.getCamundaSource();
        String target = in.getCamundaTarget();
        if (source != null && target != null && !source.equals(target)) {
          sources.putIfAbsent(target, source);
        }
      }
    }
    return sources;
  }

  private boolean mayWork(String userId, List<String> groups, Task task) {
    if (groups.contains(ADMINISTRATORS) || Objects.equals(userId, task.getAssignee())) {
      return true;
    }
    List<IdentityLink> links = asSystem(() -> tasks.getIdentityLinksForTask(task.getId()));
    return links.stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .anyMatch(
            link ->
                Objects.equals(userId, link.getUserId())
                    || (link.getGroupId() != null && groups.contains(link.getGroupId())));
  }

  private <T> T asSystem(Supplier<T> lookUp) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return lookUp.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
