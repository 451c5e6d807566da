package org.ehcflow.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of every notice, one row per notice and recipient. Each attempt is recorded, in its
 * own transaction, before the mail goes to the server, and the send is marked in another the moment
 * the server accepts it, so a retry after a later failure of the step's transaction finds it sent
 * and does not send again. Recording the attempt first is what makes the one remaining gap visible:
 * if the application dies between the server's acceptance and the mark, the retry sends a second
 * copy, and the row then shows two attempts for that notice, so a duplicate a family may have
 * received can always be accounted for.
 */
@Repository
public class NoticeOutbox {

  public enum Status {
    PENDING,
    SENT
  }

  /**
   * Where a sent notice went: to the mail relay, or only into this table (the demo's local outbox).
   */
  public enum Channel {
    EMAIL,
    LOCAL_OUTBOX
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  public NoticeOutbox(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public Optional<Status> status(String noticeId) {
    List<String> found =
        jdbc.queryForList(
            "SELECT status FROM ehc_notice WHERE notice_id = ?", String.class, noticeId);
    return found.stream().findFirst().map(Status::valueOf);
  }

  /** A recorded notice, as written when its step first tried to send it. */
  public Optional<Notice> find(String noticeId) {
    return jdbc
        .query(
            """
        SELECT notice_id, process_instance_id, business_key, notice_type, recipient, subject, body,
               html, attachments
        FROM ehc_notice WHERE notice_id = ?""",
            (rs, row) ->
                new Notice(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    ids(rs.getString(9))),
            noticeId)
        .stream()
        .findFirst();
  }

  /**
   * An attempt is about to be made: committed before the mail leaves, so that an attempt cut off by
   * a crash still counts.
   *
   * @param recorded whether the notice already has its row (an earlier attempt)
   */
  public void recordAttempt(Notice notice, String sender, boolean recorded, Instant now) {
    if (recorded || !insertedInOwnTransaction(notice, sender, Timestamp.from(now))) {
      ownTransaction.executeWithoutResult(
          tx ->
              jdbc.update(
                  "UPDATE ehc_notice SET attempts = attempts + 1 WHERE notice_id = ?",
                  notice.noticeId()));
    }
  }

  /**
   * The mail server accepted the notice. Written in its own transaction, at once, so that a later
   * failure of the step's transaction cannot undo it.
   */
  public void markSent(String noticeId, Instant now, Channel channel) {
    ownTransaction.executeWithoutResult(
        tx ->
            jdbc.update(
                "UPDATE ehc_notice SET status = ?, sent_at = ?, channel = ?, last_error = NULL WHERE notice_id = ?",
                Status.SENT.name(),
                Timestamp.from(now),
                channel.name(),
                noticeId));
  }

  /**
   * The mail server could not be reached or refused the notice: the error is kept for its retried
   * delivery and for whoever looks at the incident.
   */
  public void recordRefused(String noticeId, String error) {
    String truncated =
        error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 2000));
    ownTransaction.executeWithoutResult(
        tx ->
            jdbc.update(
                "UPDATE ehc_notice SET last_error = ? WHERE notice_id = ?", truncated, noticeId));
  }

  /**
   * False if another attempt recorded the notice first, so the caller counts this attempt on its
   * row.
   */
  private boolean insertedInOwnTransaction(Notice notice, String sender, Timestamp created) {
    try {
      ownTransaction.executeWithoutResult(
          tx ->
              jdbc.update(
                  """
          INSERT INTO ehc_notice (notice_id, process_instance_id, business_key, notice_type, sender, recipient, subject,
                                  body, html, attachments, status, attempts, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)""",
                  notice.noticeId(),
                  notice.processInstanceId(),
                  notice.businessKey(),
                  notice.noticeType(),
                  sender,
                  notice.recipient(),
                  notice.subject(),
                  notice.body(),
                  notice.html(),
                  notice.attachmentIds().isEmpty()
                      ? null
                      : String.join(",", notice.attachmentIds()),
                  Status.PENDING.name(),
                  created));
      return true;
    } catch (DuplicateKeyException recordedMeanwhile) {
      return false;
    }
  }

  private static List<String> ids(String joined) {
    return joined == null || joined.isBlank() ? List.of() : List.of(joined.split(","));
  }

  public List<SentNotice> sentFor(String processInstanceId) {
    return jdbc.query(
        """
        SELECT notice_id, notice_type, recipient, subject, sent_at FROM ehc_notice
        WHERE process_instance_id = ? AND status = 'SENT' ORDER BY sent_at, notice_id""",
        (rs, row) ->
            new SentNotice(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getTimestamp(5).toInstant()),
        processInstanceId);
  }

  public record SentNotice(
      String noticeId, String noticeType, String recipient, String subject, Instant sentAt) {}

  /**
   * Every notice of these cases, sent or not, as it was written: the case file shows a letter that
   * is still waiting as plainly as one that went out.
   */
  public List<RecordedNotice> of(Collection<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return List.of();
    }
    List<RecordedNotice> found = new ArrayList<>();
    List<String> ids = List.copyOf(processInstanceIds);
    // In slices, so a child with many cases never meets a database's limit on bound parameters.
    for (int from = 0; from < ids.size(); from += 500) {
      List<String> slice = ids.subList(from, Math.min(ids.size(), from + 500));
      String marks = String.join(", ", java.util.Collections.nCopies(slice.size(), "?"));
      found.addAll(
          jdbc.query(
              "SELECT notice_id, process_instance_id, business_key, notice_type, sender, recipient, "
                  + "subject, body, status, channel, attempts, last_error, created_at, sent_at FROM ehc_notice "
                  + "WHERE process_instance_id IN ("
                  + marks
                  + ")",
              (rs, row) ->
                  new RecordedNotice(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7),
                      rs.getString(8),
                      Status.valueOf(rs.getString(9)),
                      rs.getString(10) == null ? null : Channel.valueOf(rs.getString(10)),
                      rs.getInt(11),
                      rs.getString(12),
                      rs.getTimestamp(13).toInstant(),
                      rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant()),
              slice.toArray()));
    }
    found.sort(Comparator.comparing(RecordedNotice::at).thenComparing(RecordedNotice::noticeId));
    return found;
  }

  /**
   * A notice as recorded.
   *
   * @param sender the From address it carried; null on notices recorded before it was kept
   * @param channel where it went once sent; null while it waits
   */
  public record RecordedNotice(
      String noticeId,
      String processInstanceId,
      String businessKey,
      String noticeType,
      String sender,
      String recipient,
      String subject,
      String body,
      Status status,
      Channel channel,
      int attempts,
      String lastError,
      Instant createdAt,
      Instant sentAt) {

    /** When it went out, or, while it waits, when it was first written. */
    public Instant at() {
      return sentAt != null ? sentAt : createdAt;
    }
  }
}
