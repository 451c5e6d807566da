package org.ehcflow.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of every notice, one row per notice and recipient, written once the mail server has
 * answered: sent, or refused with its error. A send is recorded in its own transaction the moment
 * the server accepts it, so a retry after a later failure of the step's transaction finds it sent
 * and does not send again. A notice is recorded only after the attempt (not as pending before it)
 * because the attempt's outcome is all a retry needs, and writing the row both before and after
 * each attempt cost two more statements and a transaction per notice.
 */
@Repository
public class NoticeOutbox {

  public enum Status { PENDING, SENT }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  public NoticeOutbox(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public Optional<Status> status(String noticeId) {
    List<String> found = jdbc.queryForList("SELECT status FROM ehc_notice WHERE notice_id = ?", String.class, noticeId);
    return found.stream().findFirst().map(Status::valueOf);
  }

  /** A recorded notice, as written when its step first tried to send it. */
  public Optional<Notice> find(String noticeId) {
    return jdbc.query("""
        SELECT notice_id, process_instance_id, business_key, notice_type, recipient, subject, body
        FROM ehc_notice WHERE notice_id = ?""",
        (rs, row) -> new Notice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7)),
        noticeId).stream().findFirst();
  }

  /**
   * The mail server accepted the notice. Written in its own transaction, at once, so that a later
   * failure of the step's transaction cannot undo it.
   *
   * @param recorded whether the notice already has its row (an earlier refusal)
   */
  public void recordSent(Notice notice, boolean recorded, Instant now) {
    Timestamp at = Timestamp.from(now);
    if (recorded || !insertedInOwnTransaction(notice, Status.SENT, null, at, at)) {
      ownTransaction.executeWithoutResult(tx -> jdbc.update(
          "UPDATE ehc_notice SET status = ?, attempts = attempts + 1, sent_at = ?, last_error = NULL WHERE notice_id = ?",
          Status.SENT.name(), at, notice.noticeId()));
    }
  }

  /**
   * The mail server could not be reached or refused the notice: it is kept, with the error, for
   * its retried delivery and for whoever looks at the incident.
   */
  public void recordRefused(Notice notice, boolean recorded, Instant now, String error) {
    String truncated = error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 2000));
    if (recorded || !insertedInOwnTransaction(notice, Status.PENDING, truncated, Timestamp.from(now), null)) {
      ownTransaction.executeWithoutResult(tx -> jdbc.update(
          "UPDATE ehc_notice SET attempts = attempts + 1, last_error = ? WHERE notice_id = ?",
          truncated, notice.noticeId()));
    }
  }

  /** False if another attempt recorded the notice first, so the caller updates its row instead. */
  private boolean insertedInOwnTransaction(Notice notice, Status status, String error, Timestamp created,
      Timestamp sent) {
    try {
      ownTransaction.executeWithoutResult(tx -> jdbc.update("""
          INSERT INTO ehc_notice (notice_id, process_instance_id, business_key, notice_type, recipient, subject, body,
                                  status, attempts, last_error, created_at, sent_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)""",
          notice.noticeId(), notice.processInstanceId(), notice.businessKey(), notice.noticeType(),
          notice.recipient(), notice.subject(), notice.body(), status.name(), error, created, sent));
      return true;
    } catch (DuplicateKeyException recordedMeanwhile) {
      return false;
    }
  }

  public List<SentNotice> sentFor(String processInstanceId) {
    return jdbc.query("""
        SELECT notice_id, notice_type, recipient, subject, sent_at FROM ehc_notice
        WHERE process_instance_id = ? AND status = 'SENT' ORDER BY sent_at, notice_id""",
        (rs, row) -> new SentNotice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant()),
        processInstanceId);
  }

  public record SentNotice(String noticeId, String noticeType, String recipient, String subject, Instant sentAt) {}
}
