package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The case file's documents: each row is one document and its record together, so a document is
 * stored with its record in one insert or not at all, in the database every node reads (nothing
 * on local disk). The content is bytes in the row: PostgreSQL keeps a large {@code bytea} out of
 * line (TOAST) and H2 a {@code BLOB} apart, so listing the records never reads the documents.
 *
 * <p>A document never changes: on PostgreSQL a trigger refuses any update, whoever sends it. The
 * same content is kept once per case (the unique hash per case), which also settles two
 * simultaneous uploads of one file.
 */
public class V7__case_documents extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    try (Statement sql = connection.createStatement()) {
      sql.execute("""
          CREATE TABLE ehc_document (
            document_id          VARCHAR(36)   NOT NULL PRIMARY KEY,
            child_id             VARCHAR(255),
            process_instance_id  VARCHAR(64)   NOT NULL,
            business_key         VARCHAR(255),
            task_id              VARCHAR(64)   NOT NULL,
            task_definition_key  VARCHAR(255),
            task_name            VARCHAR(255),
            task_groups          VARCHAR(1000),
            file_name            VARCHAR(255)  NOT NULL,
            title                VARCHAR(200),
            content_type         VARCHAR(100)  NOT NULL,
            size_bytes           BIGINT        NOT NULL,
            sha256               VARCHAR(64)   NOT NULL,
            uploaded_by          VARCHAR(255)  NOT NULL,
            uploaded_at          TIMESTAMP     NOT NULL,
            content              %s            NOT NULL,
            CONSTRAINT ehc_document_once_per_case UNIQUE (process_instance_id, sha256)
          )""".formatted(postgres ? "BYTEA" : "BLOB"));
      sql.execute("CREATE INDEX ehc_document_child ON ehc_document (child_id, uploaded_at)");
      sql.execute("CREATE INDEX ehc_document_task ON ehc_document (task_id)");
      if (postgres) {
        sql.execute("""
            CREATE FUNCTION ehc_document_unchanged() RETURNS trigger AS $$
            BEGIN
              RAISE EXCEPTION 'a document in the case file is never changed: add a new one';
            END
            $$ LANGUAGE plpgsql""");
        sql.execute("""
            CREATE TRIGGER ehc_document_unchanged BEFORE UPDATE ON ehc_document
            FOR EACH ROW EXECUTE FUNCTION ehc_document_unchanged()""");
      }
    }
  }
}
