package org.ehcflow.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.vocabulary.AssessmentVariables;
import org.ehcflow.vocabulary.CeasePlanVariables;
import org.ehcflow.vocabulary.DisagreementVariables;
import org.ehcflow.vocabulary.EhcGroups;
import org.ehcflow.vocabulary.Pathways;
import org.ehcflow.vocabulary.Variable;
import org.springframework.stereotype.Component;

/**
 * What a person may ask of the engine's REST API beyond what the engine's authorizations say. The
 * engine decides who may touch which case; this decides what a write may carry and which operations
 * are for administrators only:
 *
 * <ul>
 *   <li>a task's completion sets only the fields of that task's form (those only shown on it may
 *       come back unchanged); a message carries only its documented variables;
 *   <li>no value of a type the engine would build an object from ({@link SubmittedValues});
 *   <li>operations that rewrite a case or its record around its pathway (variable writes,
 *       process-instance modification, restarts, errors and escalations thrown from outside,
 *       suspension of cases, history deletion and retention changes, cascading deletes, start
 *       instructions) are the administrators' alone;
 *   <li>jobs, job definitions, metrics and statistics are for managers and administrators;
 *   <li>a task, case or execution the caller may not see answers 404 on every route, whether it
 *       exists or not, so its existence is not given away.
 * </ul>
 */
@Component
class EngineApiGuard {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(EngineApiGuard.class);

  /**
   * The variables each message may carry from outside; a message not named here is the engine's
   * own.
   */
  static final Map<String, Set<String>> MESSAGE_VARIABLES =
      Map.ofEntries(
          Map.entry(
              Pathways.Messages.MEDIATION_CERTIFICATE_ISSUED,
              Variable.names(CeasePlanVariables.MEDIATION_CERTIFICATE_DATE)),
          Map.entry(
              Pathways.Messages.EXCEPTION_RECORDED,
              Variable.names(
                  AssessmentVariables.EXCEPTION_GROUND, AssessmentVariables.EXCEPTION_NOTE)),
          Map.entry(
              Pathways.Messages.REQUEST_WITHDRAWN,
              Variable.names(AssessmentVariables.WITHDRAWN_REASON)),
          Map.entry(
              Pathways.Messages.DRAFT_RESPONSE_RECEIVED,
              Variable.names(
                  AssessmentVariables.PARENT_COMMENTS,
                  AssessmentVariables.MEETING_REQUESTED,
                  AssessmentVariables.PREFERRED_SETTING,
                  AssessmentVariables.PREFERRED_SETTING_EMAIL)),
          Map.entry(Pathways.Messages.APPEAL_LODGED, Set.of()),
          Map.entry(Pathways.Messages.RUN_PHASE_TRANSFER_COHORT, Set.of()),
          Map.entry(
              Pathways.Messages.MEDIATION_REQUESTED,
              Variable.names(
                  DisagreementVariables.MEDIATION_REQUESTED_DATE,
                  DisagreementVariables.HEALTH_IN_ISSUE,
                  DisagreementVariables.MEDIATION_ISSUES)),
          Map.entry(
              Pathways.Messages.APPEAL_REGISTERED,
              Variable.names(
                  DisagreementVariables.APPEAL_REGISTERED_DATE,
                  DisagreementVariables.TRIBUNAL_REFERENCE)));

  /**
   * The message body's fields a non-administrator may use: correlation by case, and the variables
   * above.
   */
  private static final Set<String> MESSAGE_FIELDS =
      Set.of(
          "messageName",
          "businessKey",
          "processInstanceId",
          "processVariables",
          "all",
          "resultEnabled",
          "variablesInResultEnabled");

  /** The fields in which the REST API takes named values. */
  private static final List<String> VALUE_FIELDS =
      List.of(
          "variables",
          "localVariables",
          "processVariables",
          "processVariablesLocal",
          "processVariablesToTriggeredScope",
          "modifications");

  private static final Set<String> START_ADMIN_FIELDS =
      Set.of("startInstructions", "skipCustomListeners", "skipIoMappings");

  /** Second path segments under these collections that are operations, not ids. */
  private static final Set<String> TASK_OPERATIONS = Set.of("count", "create", "report");

  private static final Set<String> INSTANCE_OPERATIONS =
      Set.of(
          "count",
          "delete",
          "delete-historic-query-based",
          "suspended",
          "suspended-async",
          "job-retries",
          "job-retries-historic-query-based",
          "variables-async",
          "set-removal-time",
          "statistics");

  private final IdentityService identityService;
  private final TaskService taskService;
  private final FormService formService;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final TasksStayWithTheirGroup tasksStayWithTheirGroup;

  EngineApiGuard(
      IdentityService identityService,
      TaskService taskService,
      FormService formService,
      RuntimeService runtimeService,
      HistoryService historyService,
      TasksStayWithTheirGroup tasksStayWithTheirGroup) {
    this.historyService = historyService;
    this.tasksStayWithTheirGroup = tasksStayWithTheirGroup;
    this.identityService = identityService;
    this.taskService = taskService;
    this.formService = formService;
    this.runtimeService = runtimeService;
  }

  /** The caller as the engine knows them for this request. */
  record Caller(String userId, List<String> groups) {
    boolean admin() {
      return groups.contains(EhcGroups.CAMUNDA_ADMIN.id());
    }

    boolean in(EhcGroups group) {
      return groups.contains(group.id());
    }
  }

  Optional<Caller> caller() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Caller(
            authentication.getUserId(),
            authentication.getGroupIds() == null
                ? List.of()
                : List.copyOf(authentication.getGroupIds())));
  }

  Optional<Refusal> check(EngineApiCall call, Caller caller, Supplier<JsonNode> body) {
    if (!caller.admin()) {
      Optional<Refusal> refusal =
          forAdministratorsOnly(call, body)
              .or(() -> forManagersAndAdministrators(call, caller))
              .or(() -> unseen(call, caller));
      if (refusal.isPresent()) {
        return refusal;
      }
    }
    if (call.reads()) {
      return Optional.empty();
    }
    if (isCompletion(call)) {
      return completion(call, body.get());
    }
    if (isAssignment(call)) {
      return assignment(call, body.get());
    }
    if (call.is("message")) {
      return message(caller, body.get());
    }
    if (isStart(call)) {
      SubmittedValues values =
          new SubmittedValues().variables(body.get().path("variables"), name -> false);
      for (JsonNode instruction : body.get().path("startInstructions")) {
        values.variables(instruction.path("variables"), name -> false);
      }
      return values("start", values);
    }
    if (isVariableWrite(call) && !call.method().equals("DELETE")) {
      return variableWrite(call, body.get());
    }
    // Any other write that carries values (a decision table evaluated over REST, a signal, an
    // administrator's migration with variables): plain values or JSON, never an object to build.
    // A query's criteria come in the same fields as lists ("processVariables": [{name, operator,
    // value}]); only a map of named values is values to keep.
    SubmittedValues values = new SubmittedValues();
    for (String field : VALUE_FIELDS) {
      if (body.get().path(field).isObject()) {
        values.variables(body.get().path(field), name -> true);
      }
    }
    values.variables(body.get().path("migrationPlan").path("variables"), name -> true);
    for (JsonNode instruction : body.get().path("instructions")) {
      values.variables(instruction.path("variables"), name -> true);
    }
    return values(call.method() + " " + call.path(), values);
  }

  // --- What only administrators may do -------------------------------------------------------

  private Optional<Refusal> forAdministratorsOnly(EngineApiCall call, Supplier<JsonNode> body) {
    if (call.reads()) {
      return Optional.empty();
    }
    String operation = null;
    if (call.under("history") && !isHistoryQuery(call)) {
      operation = "Changing or deleting a case's history or its retention";
    } else if (call.method().equals("PUT") && call.last().equals("history-time-to-live")) {
      operation = "Changing how long history is kept";
    } else if (call.method().equals("DELETE")
        && (call.flag("cascade")
            || call.flag("skipCustomListeners")
            || call.flag("skipIoMappings"))) {
      operation = "A delete that cascades to cases and their history or skips their listeners";
    } else if (isVariableWrite(call)) {
      operation = "Writing a case's variables directly";
    } else if (call.under("modification")
        || call.is("process-instance/*/modification")
        || call.is("process-instance/*/modification-async")) {
      operation = "Moving a case to other steps (process-instance modification)";
    } else if (call.under("process-definition")
        && (call.last().equals("restart") || call.last().equals("restart-async"))) {
      operation = "Restarting ended cases";
    } else if (call.is("task/*/bpmnError") || call.is("task/*/bpmnEscalation")) {
      operation = "Throwing an error or escalation into a case from a task";
    } else if (call.under("task") && call.segment(2).equals("identity-links")) {
      operation = "Changing who a task is offered to";
    } else if (call.is("task/*/attachment/create")) {
      operation = "Attaching files to a task through the engine";
    } else if (call.is("signal")
        || call.is("condition")
        || call.is("execution/*/signal")
        || call.is("execution/*/messageSubscriptions/*/trigger")
        || call.under("external-task")) {
      operation = "Signalling or triggering a case's steps directly";
    } else if (isSuspension(call) && suspendsCases(call, body)) {
      operation = "Suspending or resuming cases";
    } else if (call.under("migration")
        && call.last().startsWith("execute")
        && hasValues(body.get().path("migrationPlan").path("variables"))) {
      return Optional.of(
          Refusal.forbidden(
              "migrationPlan.variables: setting variables while migrating cases is for administrators only"));
    }
    if (operation != null) {
      return Optional.of(
          Refusal.forbidden(
              operation
                  + " is for administrators only ("
                  + call.method()
                  + " "
                  + call.path()
                  + ")"));
    }
    if (isStart(call)) {
      for (String field : START_ADMIN_FIELDS) {
        if (hasValues(body.get().path(field))) {
          return Optional.of(
              Refusal.forbidden(
                  field + ": starting a case other than at its start is for administrators only"));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isHistoryQuery(EngineApiCall call) {
    if (!call.method().equals("POST") || call.segment(1).equals("cleanup")) {
      return false;
    }
    return call.size() == 2 || call.size() == 3 && call.last().equals("count");
  }

  private static boolean isSuspension(EngineApiCall call) {
    return call.last().equals("suspended") || call.last().equals("suspended-async");
  }

  /** Suspending a model stops new cases; suspending cases stops a child's statutory steps. */
  private static boolean suspendsCases(EngineApiCall call, Supplier<JsonNode> body) {
    if (!call.under("process-definition")) {
      return true;
    }
    return body.get().path("includeProcessInstances").asBoolean(false);
  }

  // --- Managers' and administrators' views ---------------------------------------------------

  private Optional<Refusal> forManagersAndAdministrators(EngineApiCall call, Caller caller) {
    boolean operational =
        call.under("job")
            || call.under("job-definition")
            || call.under("metrics")
            || call.segments().contains("statistics")
            || call.segments().contains("statistics-count");
    if (operational && !caller.in(EhcGroups.LA_MANAGER)) {
      return Optional.of(
          Refusal.forbidden(
              "Jobs, job definitions, metrics and statistics are for managers and administrators"));
    }
    return Optional.empty();
  }

  // --- What the caller may not see -----------------------------------------------------------

  private Optional<Refusal> unseen(EngineApiCall call, Caller caller) {
    if (call.size() < 2) {
      return Optional.empty();
    }
    String id = call.segment(1);
    if (call.under("task") && !TASK_OPERATIONS.contains(id)) {
      if (taskService.createTaskQuery().taskId(id).count() > 0
          || asSystem(() -> wasOfferedTo(id, caller))) {
        return Optional.empty();
      }
      return Optional.of(Refusal.notFound("task", id));
    }
    if (call.under("process-instance") && !INSTANCE_OPERATIONS.contains(id)) {
      return runtimeService.createProcessInstanceQuery().processInstanceId(id).count() == 0
          ? Optional.of(Refusal.notFound("case", id))
          : Optional.empty();
    }
    if (call.under("execution") && !id.equals("count")) {
      return runtimeService.createExecutionQuery().executionId(id).count() == 0
          ? Optional.of(Refusal.notFound("execution", id))
          : Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * A task closed while its group worked on it: those it was offered to learn from the engine that
   * someone else completed it (409, in words); to anyone else it never existed.
   */
  private boolean wasOfferedTo(String taskId, Caller caller) {
    return historyService.createHistoricIdentityLinkLogQuery().taskId(taskId).list().stream()
        .anyMatch(
            link ->
                caller.userId().equals(link.getUserId())
                    || caller.groups().contains(link.getGroupId()));
  }

  // --- What a write may carry ----------------------------------------------------------------

  private Optional<Refusal> completion(EngineApiCall call, JsonNode body) {
    String taskId = call.segment(1);
    Task task = asSystem(() -> taskService.createTaskQuery().taskId(taskId).singleResult());
    if (task == null) {
      return Optional.empty();
    }
    Optional<FormFields> deployed = asSystem(() -> formOf(taskId));
    FormFields form = deployed.orElse(FormFields.NONE);
    JsonNode variables = body.path("variables");
    SubmittedValues values = new SubmittedValues().variables(variables, form.lists()::contains);
    if (deployed.isEmpty() && variables.isObject() && !variables.isEmpty()) {
      values.problem(
          "variables: the form of the task '"
              + task.getName()
              + "' is not deployed with its model, so no"
              + " field of it can be set (the process owner deploys the form with the model)");
    }
    if (variables.isObject()) {
      for (Iterator<String> names = variables.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (form.filled().contains(name)) {
          continue;
        }
        if (form.shown().contains(name)) {
          if (!unchanged(taskId, name, variables.get(name).path("value"))) {
            values.problem(name + ": is shown on this task's form but not set by it");
          }
          continue;
        }
        values.problem(name + ": is not a field of the task '" + task.getName() + "'");
      }
    }
    return values("completion of the task '" + task.getName() + "'", values);
  }

  /**
   * The same rule as {@link TasksStayWithTheirGroup}, answered before the engine is asked: the
   * engine would report the listener's refusal as a server error.
   */
  private Optional<Refusal> assignment(EngineApiCall call, JsonNode body) {
    String taskId = call.segment(1);
    Set<String> people = new java.util.LinkedHashSet<>();
    if (call.size() == 2) {
      for (String field : List.of("assignee", "owner")) {
        if (body.path(field).isTextual()) {
          people.add(body.get(field).asText());
        }
      }
    } else if (body.path("userId").isTextual()) {
      people.add(body.get("userId").asText());
    }
    for (String userId : people) {
      Optional<String> refusal = asSystem(() -> tasksStayWithTheirGroup.refusal(taskId, userId));
      if (refusal.isPresent()) {
        return Optional.of(Refusal.forbidden(refusal.get()));
      }
    }
    return Optional.empty();
  }

  private Optional<FormFields> formOf(String taskId) {
    for (int attempt = 1; ; attempt++) {
      try (InputStream form = formService.getDeployedTaskForm(taskId)) {
        return Optional.of(FormFields.read(form));
      } catch (ProcessEngineException | IOException noForm) {
        log.warn(
            "The form of task {} could not be read; its completion may set no field: {}",
            taskId,
            noForm.toString());
        return Optional.empty();
      } catch (NullPointerException executionMoved) {
        // The engine reads the task and then its execution; a step of the same case committing
        // in between (a parallel branch ending compacts the execution tree) can remove that
        // execution, and the engine's own check then fails. Reading again sees the task where
        // it is now.
        if (attempt == 2) {
          log.warn(
              "The form of task {} could not be read while its case moved on; its completion may"
                  + " set no field",
              taskId);
          return Optional.empty();
        }
      }
    }
  }

  private boolean unchanged(String taskId, String name, JsonNode submitted) {
    Object current = asSystem(() -> taskService.getVariable(taskId, name));
    if (current == null || submitted.isNull() || submitted.isMissingNode()) {
      return current == null
          && (submitted.isNull() || submitted.isMissingNode() || submitted.asText().isEmpty());
    }
    return Objects.equals(
        String.valueOf(current), submitted.isTextual() ? submitted.asText() : submitted.toString());
  }

  private Optional<Refusal> message(Caller caller, JsonNode body) {
    String name = body.path("messageName").asText("");
    // Running the phase-transfer cohort early reaches every child with a plan: the manager's call,
    // as is starting the run (GroupAuthorizations.STARTERS).
    if (Pathways.Messages.RUN_PHASE_TRANSFER_COHORT.equals(name)) {
      if (!caller.admin() && !caller.in(EhcGroups.LA_MANAGER)) {
        return Optional.of(
            Refusal.forbidden("The phase-transfer cohort is run early by the council's managers"));
      }
    } else if (!caller.admin() && !caller.in(EhcGroups.LA_CASEWORKER)) {
      return Optional.of(
          Refusal.forbidden(
              "Messages to cases are sent by the council's caseworkers and their systems"));
    }
    SubmittedValues values =
        new SubmittedValues()
            .variables(body.path("processVariables"), variable -> false)
            .variables(body.path("processVariablesLocal"), variable -> false)
            .variables(body.path("processVariablesToTriggeredScope"), variable -> false);
    if (caller.admin()) {
      return values("message", values);
    }
    Set<String> allowed = MESSAGE_VARIABLES.get(name);
    if (allowed == null) {
      values.problem(
          "messageName: '"
              + Refusal.shortened(name)
              + "' is not a message a case takes from outside (one of "
              + new java.util.TreeSet<>(MESSAGE_VARIABLES.keySet())
              + ")");
      return values("message", values);
    }
    for (Iterator<String> fields = body.fieldNames(); fields.hasNext(); ) {
      String field = fields.next();
      if (!MESSAGE_FIELDS.contains(field) && hasValues(body.get(field))) {
        values.problem(field + ": is not accepted with a message from outside");
      }
    }
    JsonNode variables = body.path("processVariables");
    if (variables.isObject()) {
      for (Iterator<String> names = variables.fieldNames(); names.hasNext(); ) {
        String variable = names.next();
        if (!allowed.contains(variable)) {
          values.problem(variable + ": is not a variable of the message " + name);
        }
      }
    }
    return values("message " + Refusal.shortened(name), values);
  }

  private Optional<Refusal> variableWrite(EngineApiCall call, JsonNode body) {
    SubmittedValues values = new SubmittedValues();
    if (call.last().equals("data")) {
      values.problem(
          call.segment(call.size() - 2)
              + ": values of type File or Bytes are not accepted from outside");
    } else if (call.method().equals("PUT")
        && Set.of("variables", "localVariables").contains(call.segment(call.size() - 2))) {
      values.value(call.last(), body, true);
    } else {
      values
          .variables(body.path("modifications"), name -> true)
          .variables(body.path("variables"), name -> true);
    }
    return values("variable change", values);
  }

  private static Optional<Refusal> values(String what, SubmittedValues values) {
    return values.hasProblems()
        ? Optional.of(
            Refusal.badRequest("Invalid " + what + ". " + String.join("; ", values.problems())))
        : Optional.empty();
  }

  // --- Routes --------------------------------------------------------------------------------

  static boolean isCompletion(EngineApiCall call) {
    return call.method().equals("POST")
        && (call.is("task/*/complete")
            || call.is("task/*/submit-form")
            || call.is("task/*/resolve"));
  }

  static boolean isAssignment(EngineApiCall call) {
    return call.method().equals("POST")
            && (call.is("task/*/claim") || call.is("task/*/assignee") || call.is("task/*/delegate"))
        || call.method().equals("PUT") && call.is("task/*");
  }

  static boolean isStart(EngineApiCall call) {
    return call.method().equals("POST")
        && call.under("process-definition")
        && (call.last().equals("start") || call.last().equals("submit-form"));
  }

  static boolean isVariableWrite(EngineApiCall call) {
    if (call.reads()) {
      return false;
    }
    if (call.is("process-instance/variables-async")
        || call.under("case-instance")
        || call.under("case-execution")) {
      return true;
    }
    String scope = call.segment(0);
    String kind = call.segment(2);
    return (scope.equals("process-instance") || scope.equals("execution") || scope.equals("task"))
        && (kind.equals("variables") || kind.equals("localVariables"));
  }

  private static boolean hasValues(JsonNode node) {
    return node != null
        && !node.isMissingNode()
        && !node.isNull()
        && !(node.isContainerNode() && node.isEmpty())
        && !(node.isBoolean() && !node.asBoolean());
  }

  /** Runs the check as the caller, whichever filter handed the caller to the engine first. */
  <T> T asCaller(Caller caller, Supplier<T> check) {
    Authentication current = identityService.getCurrentAuthentication();
    if (current != null) {
      return check.get();
    }
    identityService.setAuthentication(caller.userId(), caller.groups());
    try {
      return check.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  /**
   * The guard's own look-ups (the task's form, a shown value) are not the caller's: the caller may
   * complete a task without being allowed to read its form's definition.
   */
  private <T> T asSystem(Supplier<T> lookUp) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return lookUp.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
