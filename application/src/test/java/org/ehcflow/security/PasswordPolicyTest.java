package org.ehcflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.ehcflow.support.EhcIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every password set through the REST API (and so the Admin web app, which uses the same resources)
 * meets the engine's password policy; the contract's demo users keep "demo".
 */
@EhcIntegrationTest
class PasswordPolicyTest {

  private static final String STRONG = "Panel-Member-2027!";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;

  @AfterEach
  void removeTheTestUser() {
    if (identity.createUserQuery().userId("policy-probe").count() > 0) {
      identity.deleteUser("policy-probe");
    }
  }

  @Test
  void the_contracts_demo_users_keep_the_password_demo_in_the_demo_profile() {
    for (String user :
        new String[] {
          "caseworker",
          "manager",
          "panel",
          "ep",
          "health",
          "socialcare",
          "senco",
          "earlyyears",
          "owner",
          "admin"
        }) {
      assertThat(identity.checkPassword(user, "demo")).as(user).isTrue();
    }
    assertThat(identity.getPasswordPolicy())
        .as("the policy is on in the demo profile too")
        .isNotNull();
  }

  @Test
  void
      a_user_created_over_rest_with_a_weak_password_is_refused_with_400_naming_the_rules_and_not_created() {
    ResponseEntity<String> answer = createUser("policy-probe", "password");

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    assertThat(answer.getBody())
        .contains("\"type\":\"PasswordPolicyException\"")
        .contains("PASSWORD_POLICY_LENGTH (at least 10 characters)")
        .contains("PASSWORD_POLICY_UPPERCASE")
        .contains("PASSWORD_POLICY_DIGIT")
        .contains("PASSWORD_POLICY_SPECIAL")
        .doesNotContain("PASSWORD_POLICY_LOWERCASE");
    assertThat(identity.createUserQuery().userId("policy-probe").count()).isZero();
  }

  @Test
  void a_password_containing_the_users_own_id_is_refused() {
    ResponseEntity<String> answer = createUser("policy-probe", "Policy-probe-2027!");

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    assertThat(answer.getBody()).contains("PASSWORD_POLICY_USER_DATA");
  }

  @Test
  void
      a_weak_password_set_over_rest_is_refused_with_400_naming_the_rule_and_the_old_password_still_works() {
    assertThat(createUser("policy-probe", STRONG).getStatusCode().value()).isEqualTo(204);

    ResponseEntity<String> answer =
        http.withBasicAuth("admin", "demo")
            .exchange(
                "/engine-rest/user/policy-probe/credentials",
                HttpMethod.PUT,
                json(Map.of("password", "short1A!", "authenticatedUserPassword", "demo")),
                String.class);

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    assertThat(answer.getBody())
        .contains("PASSWORD_POLICY_LENGTH (at least 10 characters)")
        .doesNotContain("PASSWORD_POLICY_DIGIT");
    assertThat(identity.checkPassword("policy-probe", STRONG)).isTrue();
    assertThat(identity.checkPassword("policy-probe", "short1A!")).isFalse();
  }

  @Test
  void a_strong_password_is_accepted_and_the_user_logs_in_with_it() {
    assertThat(createUser("policy-probe", STRONG).getStatusCode().value()).isEqualTo(204);

    ResponseEntity<String> change =
        http.withBasicAuth("admin", "demo")
            .exchange(
                "/engine-rest/user/policy-probe/credentials",
                HttpMethod.PUT,
                json(
                    Map.of(
                        "password", "Another-Strong-Pass-3", "authenticatedUserPassword", "demo")),
                String.class);

    assertThat(change.getStatusCode().value()).as(change.getBody()).isEqualTo(204);
    assertThat(
            http.withBasicAuth("policy-probe", "Another-Strong-Pass-3")
                .getForEntity("/engine-rest/user/policy-probe/profile", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(200);
  }

  @Test
  void the_policy_is_published_for_the_admin_web_app_to_show_as_a_person_types() {
    ResponseEntity<String> policy =
        http.withBasicAuth("admin", "demo")
            .getForEntity("/engine-rest/identity/password-policy", String.class);

    assertThat(policy.getStatusCode().value()).isEqualTo(200);
    assertThat(policy.getBody())
        .contains("PASSWORD_POLICY_LENGTH")
        .contains("PASSWORD_POLICY_USER_DATA");
  }

  private ResponseEntity<String> createUser(String id, String password) {
    return http.withBasicAuth("admin", "demo")
        .exchange(
            "/engine-rest/user/create",
            HttpMethod.POST,
            json(
                Map.of(
                    "profile",
                        Map.of(
                            "id",
                            id,
                            "firstName",
                            "Policy",
                            "lastName",
                            "Probe",
                            "email",
                            id + "@council.example"),
                    "credentials", Map.of("password", password))),
            String.class);
  }

  private static HttpEntity<Map<String, Object>> json(Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
