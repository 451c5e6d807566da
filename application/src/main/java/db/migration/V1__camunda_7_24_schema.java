package db.migration;

import java.sql.Connection;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Creates the Camunda 7.24 schema from the scripts shipped inside the engine jar, so the schema is
 * versioned with the application and the engine never alters it on start. An engine upgrade adds a
 * migration that runs the engine's own upgrade script for that version.
 */
public class V1__camunda_7_24_schema extends BaseJavaMigration {

  // The order in which the engine itself would create its tables.
  private static final String[] PARTS = {
    "engine",
    "history",
    "identity",
    "case.engine",
    "case.history",
    "decision.engine",
    "decision.history"
  };

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    String database = databaseType(connection.getMetaData().getDatabaseProductName());
    for (String part : PARTS) {
      String script =
          "org/camunda/bpm/engine/db/create/activiti." + database + ".create." + part + ".sql";
      ScriptUtils.executeSqlScript(connection, new ClassPathResource(script));
    }
  }

  private static String databaseType(String productName) {
    String name = productName.toLowerCase();
    if (name.contains("postgres")) {
      return "postgres";
    }
    if (name.contains("h2")) {
      return "h2";
    }
    throw new IllegalStateException("EHC Flow supports PostgreSQL and H2, not " + productName);
  }
}
