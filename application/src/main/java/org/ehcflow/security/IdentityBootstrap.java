package org.ehcflow.security;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.ehcflow.vocabulary.EhcGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Puts the contract's groups, their authorizations and the administrator in place on every start,
 * and the demo users in the demo profile only. Idempotent: an existing installation keeps its own
 * users and any authorizations an administrator added.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class IdentityBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

  static final String ADMIN_USER = "admin";
  private static final String ADMIN_FIRST_NAME = "Administrator";
  private static final String EMAIL_DOMAIN = "@council.example";

  /** The contract's demo users: user id to group. */
  static final Map<String, EhcGroups> DEMO_USERS =
      Map.of(
          "caseworker", EhcGroups.LA_CASEWORKER,
          "manager", EhcGroups.LA_MANAGER,
          "panel", EhcGroups.EHC_PANEL,
          "ep", EhcGroups.EDUCATIONAL_PSYCHOLOGY,
          "health", EhcGroups.HEALTH,
          "socialcare", EhcGroups.SOCIAL_CARE,
          "senco", EhcGroups.EDUCATION_SETTING,
          "earlyyears", EhcGroups.EARLY_YEARS,
          "owner", EhcGroups.PROCESS_OWNER);

  private final IdentityService identityService;
  private final GroupAuthorizations groupAuthorizations;
  private final boolean demo;
  private final String adminPassword;

  public IdentityBootstrap(
      IdentityService identityService,
      AuthorizationService authorizationService,
      EhcSecurityProperties properties,
      Environment environment) {
    this.identityService = identityService;
    this.groupAuthorizations = new GroupAuthorizations(authorizationService);
    this.demo = DemoMode.isOn(environment);
    String configured = properties.adminPassword();
    if (configured == null || configured.isBlank()) {
      if (!demo) {
        throw new IllegalStateException(
            "No administrator password: set EHC_ADMIN_PASSWORD (profiles "
                + List.of(environment.getActiveProfiles())
                + " create no demo users and need a real administrator).");
      }
      configured = DemoMode.DEMO_PASSWORD;
    } else if (!(demo && DemoMode.DEMO_PASSWORD.equals(configured))) {
      refuseWeakAdminPassword(configured);
    }
    this.adminPassword = configured;
  }

  /** Fails the start, before anything is saved, rather than run with a guessable administrator. */
  private void refuseWeakAdminPassword(String password) {
    if (identityService.getPasswordPolicy() == null) {
      return;
    }
    User admin = identityService.newUser(ADMIN_USER);
    admin.setFirstName(ADMIN_FIRST_NAME);
    admin.setLastName(EhcGroups.CAMUNDA_ADMIN.label());
    admin.setEmail(ADMIN_USER + EMAIL_DOMAIN);
    PasswordPolicyResult result = identityService.checkPasswordAgainstPolicy(password, admin);
    if (!result.isValid()) {
      throw new IllegalStateException(
          "The administrator password (EHC_ADMIN_PASSWORD) does not meet the password "
              + "policy: "
              + PasswordPolicyPlugin.describe(result.getViolatedRules())
              + ". Set a stronger one.");
    }
  }

  @Override
  public void run(ApplicationArguments args) {
    for (EhcGroups group : EhcGroups.values()) {
      ensureGroup(group);
    }
    groupAuthorizations.grantAll();
    ensureUser(ADMIN_USER, ADMIN_FIRST_NAME, EhcGroups.CAMUNDA_ADMIN, adminPassword, true);
    if (demo) {
      DEMO_USERS.forEach(
          (id, group) -> ensureUser(id, capitalise(id), group, DemoMode.DEMO_PASSWORD, false));
      log.warn(
          "Demo profile: demo users exist with password '{}'. Never use this profile with real data.",
          DemoMode.DEMO_PASSWORD);
    }
  }

  private void ensureGroup(EhcGroups ehcGroup) {
    if (identityService.createGroupQuery().groupId(ehcGroup.id()).count() == 0) {
      Group group = identityService.newGroup(ehcGroup.id());
      group.setName(ehcGroup.label());
      group.setType(
          ehcGroup == EhcGroups.CAMUNDA_ADMIN
              ? Groups.GROUP_TYPE_SYSTEM
              : Groups.GROUP_TYPE_WORKFLOW);
      identityService.saveGroup(group);
    }
  }

  private void ensureUser(
      String id, String firstName, EhcGroups group, String password, boolean resetPassword) {
    User user = identityService.createUserQuery().userId(id).singleResult();
    if (user == null) {
      user = identityService.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(group.label());
      user.setEmail(id + EMAIL_DOMAIN);
      user.setPassword(password);
      save(user, password);
    } else if (resetPassword && !identityService.checkPassword(id, password)) {
      // The environment is the source of truth for the administrator's password.
      user.setPassword(password);
      save(user, password);
      identityService.unlockUser(id);
    }
    if (identityService.createUserQuery().userId(id).memberOfGroup(group.id()).count() == 0) {
      identityService.createMembership(id, group.id());
    }
  }

  /**
   * The contract's demo users keep the password "demo", which no password policy allows: they are
   * the one documented exception, saved past the policy in the demo profile only. Every other
   * password (the administrator's from the environment, any user's set later) meets the policy.
   */
  private void save(User user, String password) {
    boolean documentedDemoPassword = demo && DemoMode.DEMO_PASSWORD.equals(password);
    if (documentedDemoPassword && identityService instanceof IdentityServiceImpl engineIdentity) {
      engineIdentity.saveUser(user, true);
    } else {
      identityService.saveUser(user);
    }
  }

  private static String capitalise(String id) {
    return Character.toUpperCase(id.charAt(0)) + id.substring(1);
  }
}
