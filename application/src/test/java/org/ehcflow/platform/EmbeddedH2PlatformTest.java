package org.ehcflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TimeZone;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.ehcflow.support.AppRunner;
import org.ehcflow.support.SmokeModel;
import org.ehcflow.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default: an H2 file database that keeps cases across a restart, and the demo users.
 */
class EmbeddedH2PlatformTest {

  @TempDir Path dataDir;

  @Test
  void a_case_started_before_a_restart_is_still_there_after_it() {
    Map<String, Object> properties =
        Map.of(
            "ehc.data-dir",
            dataDir.toString(),
            "ehc.notification.delivery",
            "smtp",
            "spring.mail.port",
            String.valueOf(TestMail.SMTP_PORT));
    String instanceId;
    try (ConfigurableApplicationContext first = AppRunner.start(properties)) {
      ProcessEngine engine = first.getBean(ProcessEngine.class);
      SmokeModel.deploy(engine.getRepositoryService());
      ProcessInstance instance =
          engine
              .getRuntimeService()
              .startProcessInstanceByKey(
                  SmokeModel.KEY,
                  "restart-h2",
                  Map.of("parentEmail", "parent@example.org", "childName", "Erin Test"));
      instanceId = instance.getId();
    }
    assertThat(Files.exists(dataDir.resolve("ehc-flow.mv.db")))
        .as("a file database under the data folder")
        .isTrue();

    try (ConfigurableApplicationContext second = AppRunner.start(properties)) {
      ProcessEngine engine = second.getBean(ProcessEngine.class);
      ProcessInstance found =
          engine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .processInstanceBusinessKey("restart-h2")
              .singleResult();
      assertThat(found).isNotNull();
      assertThat(found.getId()).isEqualTo(instanceId);
      assertThat(engine.getRuntimeService().getVariable(instanceId, "childName"))
          .isEqualTo("Erin Test");
    }
  }

  @Test
  void the_demo_profile_has_the_contracts_users_in_their_groups_with_password_demo() {
    try (ConfigurableApplicationContext app =
        AppRunner.start(Map.of("ehc.data-dir", dataDir.toString()))) {
      IdentityService identity = app.getBean(IdentityService.class);
      Map<String, String> expected =
          Map.of(
              "caseworker",
              "la-caseworker",
              "manager",
              "la-manager",
              "panel",
              "ehc-panel",
              "ep",
              "educational-psychology",
              "health",
              "health",
              "socialcare",
              "social-care",
              "senco",
              "education-setting",
              "earlyyears",
              "early-years",
              "owner",
              "process-owner",
              "admin",
              "camunda-admin");
      expected.forEach(
          (user, group) -> {
            assertThat(identity.createUserQuery().userId(user).memberOfGroup(group).count())
                .as(user)
                .isEqualTo(1);
            assertThat(identity.checkPassword(user, "demo")).as(user).isTrue();
          });
    }
  }

  @Test
  void the_engine_runs_in_london_with_full_history_json_variables_and_authorization_checks() {
    try (ConfigurableApplicationContext app =
        AppRunner.start(Map.of("ehc.data-dir", dataDir.toString()))) {
      ProcessEngineConfigurationImpl configuration =
          (ProcessEngineConfigurationImpl)
              app.getBean(ProcessEngine.class).getProcessEngineConfiguration();
      assertThat(TimeZone.getDefault().getID()).isEqualTo("Europe/London");
      assertThat(configuration.getHistory()).isEqualTo("full");
      assertThat(configuration.getDefaultSerializationFormat())
          .isEqualTo(Variables.SerializationDataFormats.JSON.getName());
      assertThat(configuration.isAuthorizationEnabled()).isTrue();
      assertThat(configuration.isEnforceHistoryTimeToLive()).isTrue();
      assertThat(configuration.getDatabaseSchemaUpdate())
          .as("the schema is Flyway's, never the engine's")
          .isEqualTo("false");
    }
  }
}
