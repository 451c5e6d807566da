package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.ehcflow.reporting.CaseClocks;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The case read model the compliance dashboard counts its deadlines, clocks and 20-week timeliness
 * from ({@link CaseClocks}; docs/benchmark/dashboard-read-model-2026-12-07.md), filled from the
 * history already recorded. From then on the engine's history handler keeps it in step. Free texts
 * (a child's name) are as long as the engine's own (V6); a due date is compared only when short, as
 * before, so it is kept only then and can be indexed on PostgreSQL.
 */
public class V12__case_clock_read_model extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    try (Statement sql = connection.createStatement()) {
      sql.execute(
          """
          CREATE TABLE ehc_case (
            proc_inst_id VARCHAR(64) NOT NULL PRIMARY KEY,
            pathway VARCHAR(255),
            business_key VARCHAR(255),
            called BOOLEAN NOT NULL,
            running BOOLEAN NOT NULL)""");
      sql.execute(
          """
          CREATE TABLE ehc_case_value (
            var_id VARCHAR(64) NOT NULL PRIMARY KEY,
            proc_inst_id VARCHAR(64) NOT NULL,
            name VARCHAR(255) NOT NULL,
            text_value VARCHAR(20000),
            long_value BIGINT,
            create_time TIMESTAMP)""");
      sql.execute("CREATE INDEX ehc_case_value_case ON ehc_case_value (proc_inst_id)");
      sql.execute(
          """
          CREATE TABLE ehc_case_clock (
            proc_inst_id VARCHAR(64) NOT NULL,
            kind VARCHAR(64) NOT NULL,
            due VARCHAR(200) NOT NULL,
            met_on VARCHAR(10),
            running BOOLEAN NOT NULL,
            exceptions_apply BOOLEAN NOT NULL,
            business_key VARCHAR(255),
            child_id VARCHAR(20000),
            child_name VARCHAR(20000),
            PRIMARY KEY (proc_inst_id, kind, due))""");
      sql.execute(
          """
          CREATE TABLE ehc_case_plan (
            proc_inst_id VARCHAR(64) NOT NULL,
            issued VARCHAR(200) NOT NULL,
            greatest_issued VARCHAR(20000),
            final_plan_due VARCHAR(20000),
            exceptions_apply BOOLEAN NOT NULL,
            running BOOLEAN NOT NULL,
            business_key VARCHAR(255),
            child_id VARCHAR(20000),
            child_name VARCHAR(20000),
            PRIMARY KEY (proc_inst_id, issued))""");
      sql.execute("CREATE INDEX ehc_case_plan_issued ON ehc_case_plan (issued)");
      // The clocks read a kind's due dates in a period; the deadlines its open cases' due dates.
      sql.execute("CREATE INDEX ehc_case_clock_kind_due ON ehc_case_clock (kind, due)");
      sql.execute("CREATE INDEX ehc_case_clock_open ON ehc_case_clock (kind, running, due)");
    }
    CaseClocks.rebuild(connection);
  }
}
