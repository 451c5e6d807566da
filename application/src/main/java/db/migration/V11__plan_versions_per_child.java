package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A plan's versions count across the child's cases, not per process: the final plan of the
 * assessment, then each review's or transfer's amended plan, are versions 1, 2, 3 of the one plan
 * the family holds. Plans stored before this were numbered per process, so each review's amendment
 * was "version 1"; they are numbered again in the order they were stored, before the new unique key
 * is set.
 *
 * <p>Each plan also keeps what it said ({@code plan_content}, JSON), so an amendment can carry the
 * sections it does not change forward from the plan it amends instead of reading them back out of a
 * PDF.
 *
 * <p>Renumbering is the one change ever made to a stored document, so on PostgreSQL the trigger
 * that refuses changes is set aside for it within this migration's transaction, and is back before
 * anything else can write.
 */
public class V11__plan_versions_per_child extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    boolean postgres =
        connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    try (Statement sql = connection.createStatement()) {
      sql.execute(
          "ALTER TABLE ehc_document ADD COLUMN plan_content " + (postgres ? "TEXT" : "CLOB"));
      sql.execute("ALTER TABLE ehc_document DROP CONSTRAINT ehc_document_version_once");
      if (postgres) {
        sql.execute("ALTER TABLE ehc_document DISABLE TRIGGER ehc_document_unchanged");
      }
      renumber(connection);
      if (postgres) {
        sql.execute("ALTER TABLE ehc_document ENABLE TRIGGER ehc_document_unchanged");
      }
      sql.execute(
          "ALTER TABLE ehc_document ADD CONSTRAINT ehc_document_version_once"
              + " UNIQUE (child_id, kind, version)");
    }
  }

  private static void renumber(Connection connection) throws SQLException {
    Map<String, Integer> counted = new HashMap<>();
    try (Statement read = connection.createStatement();
        ResultSet plans =
            read.executeQuery(
                "SELECT document_id, child_id, process_instance_id, kind, version"
                    + " FROM ehc_document WHERE version IS NOT NULL ORDER BY arrival");
        PreparedStatement write =
            connection.prepareStatement(
                "UPDATE ehc_document SET version = ? WHERE document_id = ?")) {
      while (plans.next()) {
        String child = plans.getString("child_id");
        // A plan with no child id cannot share a number with another child's: it keeps counting
        // within its own process, as before.
        String owner =
            child == null ? "process:" + plans.getString("process_instance_id") : "child:" + child;
        int version = counted.merge(owner + "|" + plans.getString("kind"), 1, Integer::sum);
        if (version != plans.getInt("version")) {
          write.setInt(1, version);
          write.setString(2, plans.getString("document_id"));
          write.addBatch();
        }
      }
      write.executeBatch();
    }
  }
}
