package db.migration;

import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * What each document of the case file is: an upload, or a version of the plan the case produced. A
 * plan's versions are numbered per case and kind, and the unique key keeps a later version from
 * ever taking an earlier one's place (uploads have no version, and any number of them share the
 * null).
 */
public class V9__document_kinds extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    try (Statement sql = context.getConnection().createStatement()) {
      sql.execute("ALTER TABLE ehc_document ADD COLUMN kind VARCHAR(30) DEFAULT 'upload' NOT NULL");
      sql.execute("ALTER TABLE ehc_document ADD COLUMN version INTEGER");
      sql.execute(
          "ALTER TABLE ehc_document ADD CONSTRAINT ehc_document_version_once"
              + " UNIQUE (process_instance_id, kind, version)");
    }
  }
}
