package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Case texts as long as the forms allow (20,000 characters: advice, plan sections, reports). The
 * engine keeps a string variable's value in a 4,000-character column, at runtime, in history and
 * in each recorded change, so a longer advice summary failed its adviser's submission.
 *
 * <p>On PostgreSQL a b-tree index entry holds at most about 2,700 bytes, so the reporting indexes
 * of V3 on whole values would refuse such a text too. They are replaced by a b-tree on short
 * values only, by name (the codes and dates the dashboard compares; {@code CaseTable.hasText}
 * states the same bound), and a hash index, which holds any length, for the engine's look-ups of
 * a value (a child's id, an NHS number). H2 has no such limit and keeps the V3 indexes.
 */
public class V6__long_case_texts extends BaseJavaMigration {

  private static final List<String> TEXT_COLUMNS = List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL");

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    try (Statement sql = connection.createStatement()) {
      if (postgres) {
        sql.execute("DROP INDEX ehc_hi_var_key_name_text");
        sql.execute("DROP INDEX ehc_hi_var_name_text");
      }
      for (String table : TEXT_COLUMNS) {
        sql.execute(postgres
            ? "ALTER TABLE " + table + " ALTER COLUMN TEXT_ TYPE varchar(20000)"
            : "ALTER TABLE " + table + " ALTER COLUMN TEXT_ SET DATA TYPE VARCHAR(20000)");
      }
      if (postgres) {
        sql.execute("CREATE INDEX ehc_hi_var_name_short_text ON ACT_HI_VARINST (NAME_, TEXT_) WHERE length(TEXT_) <= 200");
        // Without statistics on the length the planner guesses that a third of values are short,
        // and then reads a whole year of one variable through the index instead of the open cases.
        sql.execute("CREATE STATISTICS ehc_hi_var_text_length ON (length(TEXT_)) FROM ACT_HI_VARINST");
        sql.execute("CREATE INDEX ehc_hi_var_text_hash ON ACT_HI_VARINST USING hash (TEXT_)");
      }
    }
  }
}
