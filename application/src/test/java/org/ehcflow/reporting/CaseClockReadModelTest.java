package org.ehcflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcflow.support.TestMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The deadlines and clocks counted from the case read model, kept in step by the history handler as
 * the cases are driven through the real processes, equal those computed from the engine's history
 * as before; so do they after the model is filled again from history as the migration fills it, and
 * after a closed case's history is removed. On H2; {@link CaseClockReadModelPostgresTest} does the
 * same on PostgreSQL.
 */
@SpringBootTest(
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      "ehc.data-dir=./target/test-data/case-clocks-${random.uuid}",
      "ehc.notification.delivery=smtp",
      "spring.mail.host=127.0.0.1",
      "spring.mail.port=${ehc.test.smtp-port:3025}"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseClockReadModelTest {

  @RegisterExtension
  static GreenMailExtension mail = TestMail.server().withPerMethodLifecycle(false);

  @Autowired ProcessEngine engine;
  @Autowired ComplianceReport report;
  @Autowired NamedParameterJdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  private String closedCase;

  @BeforeAll
  void seed() {
    closedCase = ReadModelScenario.seed(engine);
  }

  @AfterAll
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @Order(1)
  void kept_in_step_by_the_history_handler_it_gives_the_historys_figures() {
    assertThat(ReadModelScenario.clock(ReadModelScenario.lastDay(report), "final-plan"))
        .extracting("due", "onTime", "late", "missed", "withExceptions")
        .containsExactly(4, 1, 2, 1, 1);
    ReadModelScenario.assertSameAsHistory(report, jdbc);
  }

  @Test
  @Order(2)
  void filled_from_history_as_the_migration_fills_it_it_gives_the_same_figures() throws Exception {
    ComplianceFigures before = ReadModelScenario.lastDay(report);

    ReadModelScenario.upgrade(dataSource);

    assertThat(ReadModelScenario.lastDay(report)).isEqualTo(before);
    ReadModelScenario.assertSameAsHistory(report, jdbc);
  }

  @Test
  @Order(3)
  void a_case_whose_history_is_removed_leaves_the_figures() {
    engine.getHistoryService().deleteHistoricProcessInstance(closedCase);

    assertThat(ReadModelScenario.clock(ReadModelScenario.lastDay(report), "final-plan"))
        .extracting("due", "onTime", "late", "missed")
        .containsExactly(3, 0, 2, 1);
    ReadModelScenario.assertSameAsHistory(report, jdbc);
  }
}
