package org.ehcflow.reporting;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.ehcflow.notification.NoticeOutbox;
import org.ehcflow.statutory.StatutoryClock;

/**
 * A notice of one of a child's cases as it was written, for a caseworker or manager to read: {@code
 * GET /api/cases/{childId}/notices} and the Cockpit chronology.
 *
 * @param from the sender address the notice carried; null on notices recorded before it was kept
 * @param status {@code sent} or {@code waiting}
 * @param channel once sent, {@code email} or {@code local-outbox}; null while waiting
 * @param delivery where it stands, in words, as the chronology says it
 * @param attempts sends tried; more than one on a sent notice means the recipient may have two
 *     copies
 * @param createdAt when it was first written (London date and time, ISO)
 * @param sentAt when it went out, null while waiting
 * @param attachments what went with the text; none yet, the plan letters' PDFs will be listed here
 */
public record CaseNotice(
    String noticeId,
    String pathway,
    String caseKey,
    String processInstanceId,
    String noticeType,
    String from,
    String recipient,
    String subject,
    String body,
    String status,
    String channel,
    String delivery,
    int attempts,
    String lastError,
    String createdAt,
    String sentAt,
    List<Attachment> attachments) {

  public static final String SENT = "sent";
  public static final String WAITING = "waiting";
  public static final String EMAIL = "email";
  public static final String LOCAL_OUTBOX = "local-outbox";

  /** A file that went with a notice. */
  public record Attachment(String name, String contentType, long size) {}

  static CaseNotice of(NoticeOutbox.RecordedNotice notice, String pathway) {
    boolean sent = notice.status() == NoticeOutbox.Status.SENT;
    return new CaseNotice(
        notice.noticeId(),
        pathway,
        notice.businessKey(),
        notice.processInstanceId(),
        notice.noticeType(),
        notice.sender(),
        notice.recipient(),
        notice.subject(),
        notice.body(),
        sent ? SENT : WAITING,
        channel(notice.channel()),
        delivery(notice),
        notice.attempts(),
        notice.lastError(),
        at(notice.createdAt()),
        notice.sentAt() == null ? null : at(notice.sentAt()),
        List.of());
  }

  /** The chronology's words for where a notice stands. */
  static String delivery(NoticeOutbox.RecordedNotice notice) {
    if (notice.status() == NoticeOutbox.Status.SENT) {
      return notice.channel() == NoticeOutbox.Channel.LOCAL_OUTBOX
          ? "kept in the local outbox (not emailed)"
          : "sent by email";
    }
    String tries = notice.attempts() + (notice.attempts() == 1 ? " attempt" : " attempts");
    return "waiting to be sent: "
        + tries
        + (notice.lastError() == null || notice.lastError().isBlank()
            ? ""
            : ", last error: " + notice.lastError());
  }

  private static String channel(NoticeOutbox.Channel channel) {
    if (channel == null) {
      return null;
    }
    return channel == NoticeOutbox.Channel.LOCAL_OUTBOX ? LOCAL_OUTBOX : EMAIL;
  }

  static String at(Instant instant) {
    return LocalDateTime.ofInstant(instant, StatutoryClock.ZONE).withNano(0).toString();
  }
}
