package org.ehcflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcflow.support.PostgresApp;
import org.ehcflow.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * {@link CaseClockReadModelTest} on the production database: the handler's rows, the migration's
 * fill and the counting statements on PostgreSQL give the history's figures.
 */
class CaseClockReadModelPostgresTest {

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void the_read_model_gives_the_historys_figures_on_postgresql() throws Exception {
    try (PostgresApp app = PostgresApp.start("clocks")) {
      String closedCase = ReadModelScenario.seed(app.engine());
      ComplianceReport report = app.bean(ComplianceReport.class);
      NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(app.database());

      assertThat(ReadModelScenario.clock(ReadModelScenario.lastDay(report), "final-plan"))
          .extracting("due", "onTime", "late", "missed", "withExceptions")
          .containsExactly(4, 1, 2, 1, 1);
      ReadModelScenario.assertSameAsHistory(report, jdbc);

      ComplianceFigures before = ReadModelScenario.lastDay(report);
      ReadModelScenario.upgrade(app.bean(DataSource.class));
      assertThat(ReadModelScenario.lastDay(report)).isEqualTo(before);
      ReadModelScenario.assertSameAsHistory(report, jdbc);

      app.engine().getHistoryService().deleteHistoricProcessInstance(closedCase);
      assertThat(ReadModelScenario.clock(ReadModelScenario.lastDay(report), "final-plan"))
          .extracting("due", "onTime", "late", "missed")
          .containsExactly(3, 0, 2, 1);
      ReadModelScenario.assertSameAsHistory(report, jdbc);
    }
  }
}
