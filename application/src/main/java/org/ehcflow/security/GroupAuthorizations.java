package org.ehcflow.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.SystemPermissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.ehcflow.vocabulary.EhcGroups;
import org.ehcflow.vocabulary.Pathways;

/**
 * Who may do what, as the integration contract says. Task access itself is not granted here: the
 * engine gives a task's candidate group the right to read and work that task when the task is
 * created, so a partner sees only the tasks addressed to its group.
 */
class GroupAuthorizations {

  /**
   * Which pathways each group may start (Tasklist "Start process" or REST). A caseworker opens one
   * child's case (and records an exception or withdrawal on it); the yearly phase-transfer cohort
   * run touches every child with a plan, so running it early is the manager's call.
   */
  static final Map<EhcGroups, List<String>> STARTERS =
      Map.of(
          EhcGroups.LA_CASEWORKER,
              List.of(
                  Pathways.NEEDS_ASSESSMENT,
                  Pathways.CASE_EVENT,
                  Pathways.ANNUAL_REVIEW,
                  Pathways.PHASE_TRANSFER,
                  Pathways.DISAGREEMENT,
                  Pathways.TRANSFER_OUT,
                  Pathways.TRANSFER_IN,
                  Pathways.TRIBUNAL_ORDER,
                  Pathways.CEASE_PLAN,
                  Pathways.REASSESSMENT,
                  Pathways.AMEND_PLAN),
          EhcGroups.LA_MANAGER, List.of(Pathways.PHASE_TRANSFER_COHORT),
          EhcGroups.HEALTH, List.of(Pathways.SECTION_23_NOTIFICATION));

  /**
   * A model's owner publishes, migrates and suspends it. Not: working a child's tasks (the
   * candidate group's), deleting a case, suspending cases, retrying jobs (managers'), changing or
   * deleting history or how long it is kept (administrators').
   */
  static final ProcessDefinitionPermissions[] OWNER_DEFINITION_PERMISSIONS = {
    ProcessDefinitionPermissions.READ,
    ProcessDefinitionPermissions.DELETE,
    ProcessDefinitionPermissions.SUSPEND,
    ProcessDefinitionPermissions.READ_INSTANCE,
    ProcessDefinitionPermissions.UPDATE_INSTANCE,
    ProcessDefinitionPermissions.MIGRATE_INSTANCE,
    ProcessDefinitionPermissions.READ_TASK,
    ProcessDefinitionPermissions.READ_TASK_VARIABLE,
    ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
    ProcessDefinitionPermissions.READ_HISTORY,
    ProcessDefinitionPermissions.READ_HISTORY_VARIABLE
  };

  private final AuthorizationService authorizationService;

  GroupAuthorizations(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  void grantAll() {
    for (EhcGroups group : EhcGroups.workingGroups()) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // Published models and decision tables are readable by every partner; case data is not.
      grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
      grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    }
    STARTERS.forEach(
        (group, keys) -> {
          grant(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
          keys.forEach(
              key ->
                  grant(
                      group,
                      Resources.PROCESS_DEFINITION,
                      key,
                      ProcessDefinitionPermissions.CREATE_INSTANCE));
        });
    // The council's caseworkers hold the case file: they read every case of the pathways they run
    // and record events on it (an exception, a withdrawal), but work only their own tasks.
    for (String key : STARTERS.get(EhcGroups.LA_CASEWORKER)) {
      grant(
          EhcGroups.LA_CASEWORKER,
          Resources.PROCESS_DEFINITION,
          key,
          ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.UPDATE_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
          ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);
    }

    // Earlier versions let caseworkers start, read and change the cohort run; a database set up
    // then still holds that grant.
    Authorization cohortForCaseworkers =
        existingGrant(
            EhcGroups.LA_CASEWORKER, Resources.PROCESS_DEFINITION, Pathways.PHASE_TRANSFER_COHORT);
    if (cohortForCaseworkers != null) {
      authorizationService.deleteAuthorization(cohortForCaseworkers.getId());
    }

    EhcGroups manager = EhcGroups.LA_MANAGER;
    grant(manager, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    // Managers watch the council's work and repair a stuck notice: "increment retries" on an
    // incident in Cockpit. Jobs are theirs and the administrators' alone (EngineApiGuard).
    grant(
        manager,
        Resources.PROCESS_DEFINITION,
        ANY,
        ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
        ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
        ProcessDefinitionPermissions.RETRY_JOB);
    grant(manager, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
    grant(manager, Resources.TASK, ANY, TaskPermissions.READ, TaskPermissions.TASK_ASSIGN);
    grant(manager, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(manager, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(manager, Resources.DEPLOYMENT, ANY, Permissions.READ);
    // The engine's metrics (how much work it does), for a manager's capacity planning.
    grant(manager, Resources.SYSTEM, ANY, SystemPermissions.READ);

    EhcGroups owner = EhcGroups.PROCESS_OWNER;
    grant(owner, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(owner, Resources.DEPLOYMENT, ANY, Permissions.ALL);
    // Everything a model's owner needs to publish, migrate, suspend and repair a pathway, but not
    // to work a child's tasks (that is the candidate group's) nor to delete a case or its history.
    grantExactly(
        owner,
        Resources.PROCESS_DEFINITION,
        ANY,
        ProcessDefinitionPermissions.values(),
        OWNER_DEFINITION_PERMISSIONS);
    // Decision tables are deployed with their models; changing how long their history is kept is
    // not the owner's.
    grantExactly(
        owner,
        Resources.DECISION_DEFINITION,
        ANY,
        Permissions.values(),
        Permissions.READ,
        Permissions.READ_HISTORY,
        Permissions.CREATE_INSTANCE);
    grantExactly(
        owner,
        Resources.DECISION_REQUIREMENTS_DEFINITION,
        ANY,
        Permissions.values(),
        Permissions.READ);
    grantExactly(
        owner,
        Resources.PROCESS_INSTANCE,
        ANY,
        ProcessInstancePermissions.values(),
        ProcessInstancePermissions.READ);
    grant(owner, Resources.TASK, ANY, TaskPermissions.READ);
    // Migrating running cases to a new model version runs as a batch; no other kind of batch
    // (deleting cases, setting history's removal time) is the owner's.
    grantExactly(
        owner,
        Resources.BATCH,
        ANY,
        BatchPermissions.values(),
        BatchPermissions.READ,
        BatchPermissions.UPDATE,
        BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES);

    // Administrators may do everything, through the engine's own authorizations on every resource.
    for (Resources resource : Resources.values()) {
      grant(EhcGroups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
    }
  }

  /**
   * Sets the group's permissions on the resource to exactly these, taking away any others an
   * earlier version granted (the process owners once held ALL on every process definition, every
   * decision table and every batch).
   */
  private void grantExactly(
      EhcGroups group,
      Resource resource,
      String resourceId,
      Permission[] kinds,
      Permission... permissions) {
    Authorization existing = existingGrant(group, resource, resourceId);
    if (existing != null) {
      Set<Permission> held =
          Arrays.stream(existing.getPermissions(kinds))
              .filter(p -> !p.getName().equals("NONE") && !p.getName().equals("ALL"))
              .collect(Collectors.toSet());
      Set<Permission> wanted = Set.of(permissions);
      if (!held.equals(wanted) || existing.isEveryPermissionGranted()) {
        existing.setPermissions(permissions);
        authorizationService.saveAuthorization(existing);
      }
      return;
    }
    grant(group, resource, resourceId, permissions);
  }

  private Authorization existingGrant(EhcGroups group, Resource resource, String resourceId) {
    return authorizationService
        .createAuthorizationQuery()
        .groupIdIn(group.id())
        .resourceType(resource)
        .resourceId(resourceId)
        .list()
        .stream()
        .filter(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT)
        .findFirst()
        .orElse(null);
  }

  private void grant(
      EhcGroups group, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = existingGrant(group, resource, resourceId);
    Authorization authorization =
        existing != null ? existing : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    if (existing == null) {
      authorization.setGroupId(group.id());
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = existing == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
    }
  }
}
