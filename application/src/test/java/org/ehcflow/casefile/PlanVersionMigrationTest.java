package org.ehcflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration V11 numbers plans per child: plans a council stored before it, numbered per process
 * (each review's amended plan "version 1"), are numbered again in the order they were stored, and
 * from then on the database refuses a second plan of a kind with the same number for a child.
 */
class PlanVersionMigrationTest {

  @Test
  void plans_stored_per_process_are_numbered_per_child_in_the_order_they_came() {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:plan-versions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    flyway(database, "10").migrate();
    JdbcTemplate jdbc = new JdbcTemplate(database);
    String finalPlan = plan(jdbc, "C-OLD", "assessment-1", "final-plan", 1);
    String firstReview = plan(jdbc, "C-OLD", "review-2027", "amended-plan", 1);
    String secondReview = plan(jdbc, "C-OLD", "review-2028", "amended-plan", 1);
    String otherChild = plan(jdbc, "C-OTHER", "review-2027b", "amended-plan", 1);
    String upload = plan(jdbc, "C-OLD", "review-2028", "upload", null);

    flyway(database, "11").migrate();

    assertThat(version(jdbc, finalPlan)).isEqualTo(1);
    assertThat(version(jdbc, firstReview)).isEqualTo(1);
    assertThat(version(jdbc, secondReview)).isEqualTo(2);
    assertThat(version(jdbc, otherChild)).isEqualTo(1);
    assertThat(version(jdbc, upload)).isNull();
    assertThatThrownBy(() -> plan(jdbc, "C-OLD", "review-2029", "amended-plan", 2))
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("EHC_DOCUMENT_VERSION_ONCE");
    assertThat(plan(jdbc, "C-OLD", "review-2029", "amended-plan", 3)).isNotNull();
  }

  private static Flyway flyway(JdbcDataSource database, String target) {
    return Flyway.configure()
        .dataSource(database)
        .locations("classpath:db/migration")
        .target(target)
        .load();
  }

  private static String plan(
      JdbcTemplate jdbc, String child, String process, String kind, Integer version) {
    String id = UUID.randomUUID().toString();
    jdbc.update(
        "INSERT INTO ehc_document (document_id, child_id, process_instance_id, task_id, file_name,"
            + " content_type, size_bytes, sha256, uploaded_by, uploaded_at, content, kind, version)"
            + " VALUES (?, ?, ?, 'task', 'plan.pdf', 'application/pdf', 1, ?, 'caseworker', ?, ?,"
            + " ?, ?)",
        id,
        child,
        process,
        id.replace("-", "") + "0".repeat(32),
        Timestamp.from(Instant.parse("2027-01-01T10:00:00Z")),
        new byte[] {1},
        kind,
        version);
    return id;
  }

  private static Integer version(JdbcTemplate jdbc, String id) {
    return jdbc.queryForObject(
        "SELECT version FROM ehc_document WHERE document_id = ?", Integer.class, id);
  }
}
