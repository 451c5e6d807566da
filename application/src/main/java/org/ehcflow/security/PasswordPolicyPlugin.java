package org.ehcflow.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The engine's password policy (enable-password-policy) applies to every password the REST API, the
 * Admin web app or this application sets. The engine refuses a weak password with a bare "Password
 * does not match policy", which its REST API answers as a server error (500); this makes it a bad
 * request (400) that says which rules the password broke, the same for the REST API and the Admin
 * web app, since both save users through this one identity service.
 */
@Component
public class PasswordPolicyPlugin extends AbstractProcessEnginePlugin {

  private static final ThreadLocal<List<PasswordPolicyRule>> BROKEN_RULES = new ThreadLocal<>();

  private static final Map<String, String> RULE_TEXT =
      Map.of(
          "PASSWORD_POLICY_LENGTH", "at least %s characters",
          "PASSWORD_POLICY_LOWERCASE", "at least %s lower-case letter(s)",
          "PASSWORD_POLICY_UPPERCASE", "at least %s upper-case letter(s)",
          "PASSWORD_POLICY_DIGIT", "at least %s digit(s)",
          "PASSWORD_POLICY_SPECIAL", "at least %s special character(s)",
          "PASSWORD_POLICY_USER_DATA", "not the user's id, name or email%s");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityService(new RuleNamingIdentityService());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // The engine puts its default policy in place during init when the policy is enabled.
    PasswordPolicy policy = configuration.getPasswordPolicy();
    if (policy != null) {
      configuration.setPasswordPolicy(new RecordingPolicy(policy));
    }
  }

  /** The rules a password breaks, in words: "PASSWORD_POLICY_DIGIT (at least 1 digit(s))". */
  static String describe(List<PasswordPolicyRule> rules) {
    return rules.stream()
        .map(
            rule -> {
              String text = RULE_TEXT.get(rule.getPlaceholder());
              String parameter =
                  rule.getParameters() == null || rule.getParameters().isEmpty()
                      ? ""
                      : rule.getParameters().values().iterator().next();
              return rule.getPlaceholder()
                  + (text == null ? "" : " (" + String.format(text, parameter) + ")");
            })
        .collect(Collectors.joining("; "));
  }

  /**
   * Notes which rules fail while a user is being saved. It only records: the same rules answer the
   * Admin web app's live check as a person types (POST /identity/password-policy), untouched.
   */
  private record RecordingPolicy(PasswordPolicy policy) implements PasswordPolicy {

    @Override
    public List<PasswordPolicyRule> getRules() {
      return policy.getRules().stream().<PasswordPolicyRule>map(RecordingRule::new).toList();
    }
  }

  private record RecordingRule(PasswordPolicyRule rule) implements PasswordPolicyRule {

    @Override
    public String getPlaceholder() {
      return rule.getPlaceholder();
    }

    @Override
    public Map<String, String> getParameters() {
      return rule.getParameters();
    }

    @Override
    public boolean execute(String password) {
      return record(rule.execute(password));
    }

    @Override
    public boolean execute(String candidatePassword, User user) {
      return record(rule.execute(candidatePassword, user));
    }

    private boolean record(boolean fulfilled) {
      List<PasswordPolicyRule> broken = BROKEN_RULES.get();
      if (!fulfilled && broken != null) {
        broken.add(rule);
      }
      return fulfilled;
    }
  }

  static class RuleNamingIdentityService extends IdentityServiceImpl {

    @Override
    public void saveUser(User user, boolean skipPasswordPolicy) {
      List<PasswordPolicyRule> broken = new ArrayList<>();
      List<PasswordPolicyRule> outer = BROKEN_RULES.get();
      BROKEN_RULES.set(broken);
      try {
        super.saveUser(user, skipPasswordPolicy);
      } catch (ProcessEngineException e) {
        if (!broken.isEmpty()) {
          throw new PasswordPolicyException("Password does not match policy: " + describe(broken));
        }
        throw e;
      } finally {
        if (outer == null) {
          BROKEN_RULES.remove();
        } else {
          BROKEN_RULES.set(outer);
        }
      }
    }
  }
}
