package org.ehcflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcflow.statutory.StatutoryClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMailMessage;
import org.springframework.stereotype.Service;

/**
 * Renders and sends notices, once per notice id. Called only from asynchronous, retried steps of a
 * process: a failure propagates so the engine retries and, in the end, raises an incident that
 * someone can see and resolve.
 *
 * <p>Why a send is marked in its own transaction ({@link NoticeOutbox#markSent}) the moment the
 * mail server accepts it: the step's own transaction may still fail after the send (a later step,
 * the commit itself), and its retry must not send again. The one gap left is between the server's
 * acceptance and that mark (the database or the application lost in that instant): then the retry
 * sends a second copy. A council would rather a parent had a statutory letter twice than never, so
 * the gap is left on the side of sending (at least once, and exactly once whenever the mark is
 * written). Each attempt is recorded before its send ({@link NoticeOutbox#recordAttempt}), so such
 * a second copy shows as a second attempt, and every mail carries its notice id in a header,
 * {@value #NOTICE_ID_HEADER}, so a second copy can be recognised.
 */
@Service
public class NotificationService {

  public static final String NOTICE_ID_HEADER = "X-EHC-Notice-Id";

  private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

  private final JavaMailSender mailSender;
  private final NoticeTemplates templates;
  private final NoticeOutbox outbox;
  private final NotificationProperties properties;
  private final NoticeOutbox.Channel channel;

  public NotificationService(
      JavaMailSender mailSender,
      NoticeTemplates templates,
      NoticeOutbox outbox,
      NotificationProperties properties) {
    this.mailSender = mailSender;
    this.templates = templates;
    this.outbox = outbox;
    this.properties = properties;
    this.channel =
        mailSender instanceof LocalOutboxMailSender
            ? NoticeOutbox.Channel.LOCAL_OUTBOX
            : NoticeOutbox.Channel.EMAIL;
  }

  /**
   * @param noticeId stable for this notice on this case, the same on every retry
   * @param caseValue the case's variable of a name, for the template; asked only for the names the
   *     template uses, so a case's other values (lists kept as JSON) are never read
   * @return true if this call sent it, false if it had been sent before
   */
  public boolean send(
      String noticeId,
      String processInstanceId,
      String businessKey,
      String noticeType,
      String recipient,
      Function<String, ?> caseValue) {
    Optional<NoticeOutbox.Status> recorded = outbox.status(noticeId);
    if (recorded.filter(NoticeOutbox.Status.SENT::equals).isPresent()) {
      log.info("Notice {} was already sent; not sending again", noticeId);
      return false;
    }
    Map<String, Object> ours =
        Map.of(
            "councilName",
            properties.councilName(),
            "today",
            LocalDate.ofInstant(now(), StatutoryClock.ZONE).toString());
    NoticeTemplates.RenderedNotice rendered =
        templates.render(
            noticeType, name -> ours.containsKey(name) ? ours.get(name) : caseValue.apply(name));
    Notice notice =
        new Notice(
            noticeId,
            processInstanceId,
            businessKey,
            noticeType,
            recipient,
            rendered.subject(),
            rendered.body());
    transmit(notice, recorded.isPresent());
    return true;
  }

  /**
   * Sends a notice recorded earlier by {@link #send} that its step could not send then.
   *
   * @return true if this call sent it, false if it had been sent meanwhile
   */
  public boolean deliver(String noticeId) {
    Notice notice =
        outbox
            .find(noticeId)
            .orElseThrow(
                () ->
                    new IllegalStateException("No notice " + noticeId + " is recorded to deliver"));
    if (outbox.status(noticeId).filter(NoticeOutbox.Status.SENT::equals).isPresent()) {
      log.info("Notice {} was already sent; not sending again", noticeId);
      return false;
    }
    transmit(notice, true);
    return true;
  }

  private void transmit(Notice notice, boolean recorded) {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(properties.from());
    message.setTo(notice.recipient());
    message.setSubject(notice.subject());
    message.setText(notice.body());
    outbox.recordAttempt(notice, properties.from(), recorded, now());
    try {
      try {
        mailSender.send(withNoticeId(message, notice.noticeId()));
      } catch (ReusingMailSender.KeptConnectionLostException lost) {
        // A connection the server closed while it was kept: once more, on a new one, as an attempt
        // of its own.
        outbox.recordAttempt(notice, properties.from(), true, now());
        mailSender.send(withNoticeId(message, notice.noticeId()));
      }
    } catch (MailException e) {
      outbox.recordRefused(notice.noticeId(), e.getMessage());
      throw e;
    }
    outbox.markSent(notice.noticeId(), now(), channel);
  }

  private MimeMessage withNoticeId(SimpleMailMessage message, String noticeId) {
    MimeMessage mime = mailSender.createMimeMessage();
    message.copyTo(new MimeMailMessage(mime));
    try {
      mime.setHeader(NOTICE_ID_HEADER, noticeId);
    } catch (MessagingException e) {
      throw new MailPreparationException("Notice " + noticeId + " cannot carry its id", e);
    }
    return mime;
  }

  private static Instant now() {
    // The engine's clock, so notices sent in a test or a simulation carry its date.
    return ClockUtil.getCurrentTime().toInstant();
  }
}
