package org.ehcflow.casefile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.ehcflow.vocabulary.Code;
import org.ehcflow.vocabulary.DocumentKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The documents of every case (table {@code ehc_document}, migration V7), written once and never
 * changed: there is no update here, and on PostgreSQL the table refuses one. A write joins the
 * caller's transaction, so a document and anything its step records commit together.
 */
@Repository
public class DocumentStore {

  private static final String RECORD_COLUMNS =
      """
      document_id, child_id, process_instance_id, business_key, task_id, task_definition_key, task_name, task_groups,
      file_name, title, content_type, size_bytes, sha256, uploaded_by, uploaded_at, kind, version""";

  private final JdbcTemplate jdbc;

  public DocumentStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void add(CaseDocument document, byte[] content) {
    add(document, content, null);
  }

  /**
   * Stores a document with, for a plan, what the plan says as JSON ({@code planContent}), so a
   * later amendment starts from it.
   */
  public void add(CaseDocument document, byte[] content, String planContent) {
    jdbc.update(
        "INSERT INTO ehc_document ("
            + RECORD_COLUMNS
            + ", content, plan_content) VALUES"
            + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        document.id(),
        document.childId(),
        document.processInstanceId(),
        document.caseKey(),
        document.taskId(),
        document.taskDefinitionKey(),
        document.taskName(),
        String.join(",", document.taskGroups()),
        document.name(),
        document.title(),
        document.contentType(),
        document.size(),
        document.sha256(),
        document.uploadedBy(),
        Timestamp.from(document.uploadedAt()),
        document.kind().code(),
        document.version(),
        content,
        planContent);
  }

  public Optional<CaseDocument> find(String documentId) {
    return jdbc
        .query(
            "SELECT " + RECORD_COLUMNS + " FROM ehc_document WHERE document_id = ?",
            DocumentStore::record,
            documentId)
        .stream()
        .findFirst();
  }

  public byte[] content(String documentId) {
    return jdbc.queryForObject(
        "SELECT content FROM ehc_document WHERE document_id = ?", byte[].class, documentId);
  }

  /**
   * The highest version of a kind of plan the child has, across all their cases, or 0 when there is
   * none: the next version is one more, and the unique key refuses a second document with the same
   * number. A plan without a child id counts within its own process.
   */
  public int latestVersion(String childId, String processInstanceId, DocumentKind kind) {
    Integer latest =
        childId == null
            ? jdbc.queryForObject(
                "SELECT MAX(version) FROM ehc_document"
                    + " WHERE child_id IS NULL AND process_instance_id = ? AND kind = ?",
                Integer.class,
                processInstanceId,
                kind.code())
            : jdbc.queryForObject(
                "SELECT MAX(version) FROM ehc_document WHERE child_id = ? AND kind = ?",
                Integer.class,
                childId,
                kind.code());
    return latest == null ? 0 : latest;
  }

  /** A stored plan and what it said, as JSON. */
  public record StoredPlan(CaseDocument document, String content) {}

  /**
   * The plan now in force for the child: the last final or amended plan stored that kept what it
   * said, or empty when the case file has none (a plan made before EHC Flow, or before plans kept
   * their content).
   */
  public Optional<StoredPlan> planInForce(String childId) {
    if (childId == null) {
      return Optional.empty();
    }
    return jdbc
        .query(
            "SELECT "
                + RECORD_COLUMNS
                + ", plan_content FROM ehc_document WHERE child_id = ? AND kind IN (?, ?)"
                + " AND plan_content IS NOT NULL ORDER BY arrival DESC FETCH FIRST 1 ROWS ONLY",
            (rs, row) -> new StoredPlan(record(rs, row), rs.getString("plan_content")),
            childId,
            DocumentKind.FINAL_PLAN.code(),
            DocumentKind.AMENDED_PLAN.code())
        .stream()
        .findFirst();
  }

  /**
   * Copies a document's content to {@code out} as the database hands it over, without holding it
   * whole in a byte array here: for a reader that takes many documents one after another (the
   * tribunal bundle).
   *
   * @return the bytes copied, or -1 when there is no such document
   */
  public long copyContent(String documentId, OutputStream out) {
    List<Long> copied =
        jdbc.query(
            "SELECT content FROM ehc_document WHERE document_id = ?",
            (rs, row) -> {
              try (InputStream content = rs.getBinaryStream(1)) {
                return content.transferTo(out);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            documentId);
    return copied.isEmpty() ? -1 : copied.get(0);
  }

  /** The same content already in this case, if it is there. */
  public Optional<CaseDocument> sameContent(String processInstanceId, String sha256) {
    return jdbc
        .query(
            "SELECT "
                + RECORD_COLUMNS
                + " FROM ehc_document WHERE process_instance_id = ? AND sha256 = ?",
            DocumentStore::record,
            processInstanceId,
            sha256)
        .stream()
        .findFirst();
  }

  /** A child's documents across their cases, newest first. */
  public List<CaseDocument> ofChild(String childId) {
    return jdbc.query(
        "SELECT "
            + RECORD_COLUMNS
            + " FROM ehc_document WHERE child_id = ? ORDER BY uploaded_at DESC, arrival DESC",
        DocumentStore::record,
        childId);
  }

  /** The documents attached to one task, in the order they came. */
  public List<CaseDocument> ofTask(String taskId) {
    return jdbc.query(
        "SELECT "
            + RECORD_COLUMNS
            + " FROM ehc_document WHERE task_id = ? ORDER BY uploaded_at, arrival",
        DocumentStore::record,
        taskId);
  }

  /** The documents of some cases (process instances), in the order they came. */
  public List<CaseDocument> ofCases(List<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", processInstanceIds.stream().map(id -> "?").toList());
    return jdbc.query(
        "SELECT "
            + RECORD_COLUMNS
            + " FROM ehc_document WHERE process_instance_id IN ("
            + marks
            + ") ORDER BY uploaded_at, arrival",
        DocumentStore::record,
        processInstanceIds.toArray());
  }

  private static CaseDocument record(ResultSet rs, int row) throws SQLException {
    String groups = rs.getString("task_groups");
    return new CaseDocument(
        rs.getString("document_id"),
        rs.getString("child_id"),
        rs.getString("process_instance_id"),
        rs.getString("business_key"),
        rs.getString("task_id"),
        rs.getString("task_definition_key"),
        rs.getString("task_name"),
        groups == null || groups.isBlank() ? List.of() : Arrays.asList(groups.split(",")),
        rs.getString("file_name"),
        rs.getString("title"),
        rs.getString("content_type"),
        rs.getLong("size_bytes"),
        rs.getString("sha256"),
        rs.getString("uploaded_by"),
        rs.getTimestamp("uploaded_at").toInstant(),
        Code.parse(DocumentKind.class, rs.getString("kind")),
        rs.getObject("version", Integer.class));
  }
}
