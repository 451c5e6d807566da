package org.ehcflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ehcflow.reporting.CaseTable;
import org.ehcflow.support.AppRunner;
import org.ehcflow.support.SmokeModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The production profile on a real PostgreSQL 16 server, started from the embedded binaries. */
class PostgresPlatformTest {

  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  private static Map<String, Object> productionSettings(String database) {
    JdbcTemplate admin = new JdbcTemplate(postgres.getPostgresDatabase());
    if (admin.queryForList("SELECT 1 FROM pg_database WHERE datname = ?", database).isEmpty()) {
      admin.execute("CREATE DATABASE " + database);
    }
    Map<String, Object> settings = new HashMap<>();
    settings.put("spring.datasource.url", postgres.getJdbcUrl("postgres", database));
    settings.put("spring.datasource.username", "postgres");
    settings.put("spring.datasource.password", "");
    return settings;
  }

  @Test
  void a_case_started_before_a_restart_is_still_there_after_it() {
    Map<String, Object> settings = productionSettings("ehc_restart");
    settings.put("ehc.security.admin-password", "Correct-Horse-Battery-9");
    String instanceId;
    try (ConfigurableApplicationContext first = AppRunner.start(settings, "postgres")) {
      ProcessEngine engine = first.getBean(ProcessEngine.class);
      SmokeModel.deploy(engine.getRepositoryService());
      ProcessInstance instance =
          engine
              .getRuntimeService()
              .startProcessInstanceByKey(
                  SmokeModel.KEY,
                  "restart-pg",
                  Map.of("parentEmail", "parent@example.org", "childName", "Finn Test"));
      instanceId = instance.getId();
    }

    try (ConfigurableApplicationContext second = AppRunner.start(settings, "postgres")) {
      ProcessEngine engine = second.getBean(ProcessEngine.class);
      assertThat(
              engine
                  .getRuntimeService()
                  .createProcessInstanceQuery()
                  .processInstanceBusinessKey("restart-pg")
                  .singleResult()
                  .getId())
          .isEqualTo(instanceId);
      assertThat(engine.getRuntimeService().getVariable(instanceId, "childName"))
          .isEqualTo("Finn Test");
      assertThat(
              engine
                  .getHistoryService()
                  .createHistoricProcessInstanceQuery()
                  .processInstanceId(instanceId)
                  .count())
          .isEqualTo(1);
    }
  }

  @Test
  void the_schema_comes_from_versioned_migrations_and_history_is_full() {
    Map<String, Object> settings = productionSettings("ehc_schema");
    settings.put("ehc.security.admin-password", "Correct-Horse-Battery-9");
    try (ConfigurableApplicationContext app = AppRunner.start(settings, "postgres")) {
      JdbcTemplate jdbc = new JdbcTemplate(postgres.getDatabase("postgres", "ehc_schema"));
      assertThat(
              jdbc.queryForList(
                  "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank",
                  String.class))
          .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
      // The look-ups the engine makes on every completion and every acquisition use our indexes.
      assertThat(
              jdbc.queryForList(
                  "SELECT indexname FROM pg_indexes WHERE indexname LIKE 'ehc_ru_%'", String.class))
          .contains("ehc_ru_job_duedate", "ehc_ru_task_parent");
      // Indexes that a 20,000-character text cannot overflow, as a b-tree on whole values would:
      // short
      // values (the dashboard's codes and dates, as CaseTable states them) and the identifiers
      // cases are found by.
      assertThat(
              jdbc.queryForObject(
                  "SELECT indexdef FROM pg_indexes WHERE indexname = 'ehc_hi_var_name_short_text'",
                  String.class))
          .contains("(name_, text_)", "<= " + CaseTable.INDEXED_TEXT_LENGTH + ")");
      assertThat(jdbc.queryForList("SELECT stxname FROM pg_statistic_ext", String.class))
          .contains("ehc_hi_var_text_length");
      assertThat(
              jdbc.queryForObject(
                  "SELECT indexdef FROM pg_indexes WHERE indexname = 'ehc_hi_var_identifier'",
                  String.class))
          .contains("(name_, text_)", "'childId'", "'childName'", "'nhsNumber'");
      assertThat(
              jdbc.queryForList(
                  "SELECT indexname FROM pg_indexes WHERE indexname IN "
                      + "('ehc_hi_var_key_name_text', 'ehc_hi_var_name_text')",
                  String.class))
          .as("whole-value b-trees")
          .isEmpty();
      assertThat(jdbc.queryForList("SELECT version_ FROM act_ge_schema_log", String.class))
          .contains("7.24.0");
      assertThat(
              jdbc.queryForObject(
                  "SELECT value_ FROM act_ge_property WHERE name_ = 'historyLevel'", String.class))
          .isEqualTo("3");
      assertThat(
              jdbc.queryForObject(
                  "SELECT current_setting('server_version_num')::int", Integer.class))
          .isGreaterThanOrEqualTo(160000);
    }
  }

  @Test
  void
      outside_the_demo_profile_there_are_no_demo_users_and_the_administrator_has_the_environments_password() {
    Map<String, Object> settings = productionSettings("ehc_identity");
    settings.put("ehc.security.admin-password", "Correct-Horse-Battery-9");
    try (ConfigurableApplicationContext app = AppRunner.start(settings, "postgres")) {
      IdentityService identity = app.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().list())
          .extracting(user -> user.getId())
          .containsExactly("admin");
      assertThat(identity.checkPassword("admin", "Correct-Horse-Battery-9")).isTrue();
      assertThat(identity.createGroupQuery().groupId("la-caseworker").count())
          .as("groups always exist")
          .isEqualTo(1);
    }
  }

  @Test
  void without_an_administrator_password_the_application_refuses_to_start() {
    Map<String, Object> settings = productionSettings("ehc_no_admin");
    settings.put("ehc.security.admin-password", "");

    assertThatThrownBy(() -> AppRunner.start(settings, "postgres").close())
        .hasRootCauseMessage(
            "No administrator password: set EHC_ADMIN_PASSWORD (profiles [postgres] create no demo "
                + "users and need a real administrator).");
  }

  @Test
  void
      with_an_administrator_password_the_policy_refuses_the_application_refuses_to_start_and_says_which_rules() {
    Map<String, Object> settings = productionSettings("ehc_weak_admin");
    settings.put("ehc.security.admin-password", "correct-horse-battery");

    assertThatThrownBy(() -> AppRunner.start(settings, "postgres").close())
        .rootCause()
        .hasMessageStartingWith(
            "The administrator password (EHC_ADMIN_PASSWORD) does not meet the password policy: ")
        .hasMessageContaining("PASSWORD_POLICY_UPPERCASE")
        .hasMessageContaining("PASSWORD_POLICY_DIGIT")
        .hasMessageNotContaining("PASSWORD_POLICY_LENGTH")
        .hasMessageNotContaining("correct-horse-battery");
    JdbcTemplate jdbc = new JdbcTemplate(postgres.getDatabase("postgres", "ehc_weak_admin"));
    assertThat(jdbc.queryForObject("SELECT count(*) FROM act_id_user", Integer.class))
        .as("no user saved")
        .isZero();
  }
}
