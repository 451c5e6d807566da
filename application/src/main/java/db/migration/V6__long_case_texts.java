package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Case texts as long as the forms allow (20,000 characters: advice, plan sections, reports). The
 * engine keeps a string variable's value in a 4,000-character column, at runtime, in history and in
 * each recorded change, so a longer advice summary failed its adviser's submission.
 *
 * <p>On PostgreSQL a b-tree index entry holds at most about 2,700 bytes, so the reporting indexes
 * of V3 on whole values would refuse such a text too. They are replaced by a b-tree on short
 * values, by name (the codes and dates the dashboard compares; {@code CaseTable.hasText} states the
 * same bound), and one on the identifiers the application looks a case up by through the engine's
 * queries (a child's id and name, an NHS number: all one short line by validation). A hash index on
 * every value would hold any length, but a value shared by thousands of cases (a date, an outcome
 * code) made each insert walk a long bucket: a task completion took 30% longer at 100,000 open
 * cases. H2 has no such limit and keeps the V3 indexes.
 */
public class V6__long_case_texts extends BaseJavaMigration {

  private static final List<String> TEXT_COLUMNS =
      List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL");

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    boolean postgres =
        connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    try (Statement sql = connection.createStatement()) {
      if (postgres) {
        sql.execute("DROP INDEX ehc_hi_var_key_name_text");
        sql.execute("DROP INDEX ehc_hi_var_name_text");
      }
      for (String table : TEXT_COLUMNS) {
        sql.execute(
            postgres
                ? "ALTER TABLE " + table + " ALTER COLUMN TEXT_ TYPE varchar(20000)"
                : "ALTER TABLE " + table + " ALTER COLUMN TEXT_ SET DATA TYPE VARCHAR(20000)");
      }
      if (postgres) {
        sql.execute(
            "CREATE INDEX ehc_hi_var_name_short_text ON ACT_HI_VARINST (NAME_, TEXT_) WHERE length(TEXT_) <= 200");
        // Without statistics on the length the planner guesses that a third of values are short,
        // and then reads a whole year of one variable through the index instead of the open cases.
        sql.execute(
            "CREATE STATISTICS ehc_hi_var_text_length ON (length(TEXT_)) FROM ACT_HI_VARINST");
        sql.execute(
            "CREATE INDEX ehc_hi_var_identifier ON ACT_HI_VARINST (NAME_, TEXT_)"
                + " WHERE NAME_ IN ('childId', 'childName', 'nhsNumber')");
      }
    }
  }
}
