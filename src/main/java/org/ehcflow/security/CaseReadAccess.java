package org.ehcflow.security;

import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A partner given a task on a child's case may read that case (the child's name and details in
 * Tasklist's list, the case's history), and no other: read access follows the task, case by case.
 * The council's own caseworkers and managers read every case through their group grants instead.
 *
 * <p>Runs inside the transaction that creates the task, for every user task of every pathway
 * (the Spring Boot starter publishes task events), so a redesigned model needs nothing extra.
 */
@Component
class CaseReadAccess {

  private final AuthorizationService authorizations;
  private final IdentityService identity;

  CaseReadAccess(AuthorizationService authorizations, IdentityService identity) {
    this.authorizations = authorizations;
    this.identity = identity;
  }

  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
  public void grantReadOfTheCase(DelegateTask task) {
    String caseId = task.getProcessInstanceId();
    if (caseId == null) {
      return;
    }
    Set<String> groups = task.getCandidates().stream().map(IdentityLink::getGroupId)
        .filter(group -> group != null && !EhcGroups.isCouncilGroup(group)).collect(Collectors.toSet());
    if (groups.isEmpty()) {
      return;
    }
    // Whoever's action created the task (a caseworker completing theirs) may not grant rights
    // themselves: the grant is the engine's, so it is made without the person's authentication.
    Authentication actor = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      for (String group : groups) {
        boolean granted = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
            .groupIdIn(group).resourceType(Resources.PROCESS_INSTANCE).resourceId(caseId).count() > 0;
        if (!granted) {
          Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
          read.setGroupId(group);
          read.setResource(Resources.PROCESS_INSTANCE);
          read.setResourceId(caseId);
          read.addPermission(Permissions.READ);
          authorizations.saveAuthorization(read);
        }
      }
    } finally {
      if (actor != null) {
        identity.setAuthentication(actor);
      }
    }
  }
}
