package org.ehcflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.ehcflow.casefile.CaseDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
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

  static {
    // Jakarta Mail 2.1 looks its stream provider up with a ServiceLoader, scanning every jar on the
    // class path, for each body part and multipart it makes: three quarters of the time of writing
    // a notice's mail in the engine benchmark's profile. It reads a system property of that name
    // first, so naming there the provider the scan finds (Angus Mail's, the only one) skips the
    // scan. Jakarta Mail 2.2 asks the session instead (jakartaee/mail-api#699).
    if (System.getProperty(StreamProvider.class.getName()) == null) {
      System.setProperty(StreamProvider.class.getName(), MailStreamProvider.class.getName());
    }
  }

  private final JavaMailSender mailSender;
  private final Letters letters;
  private final NoticeOutbox outbox;
  private final NotificationProperties properties;
  private final NoticeOutbox.Channel channel;

  public NotificationService(
      JavaMailSender mailSender,
      Letters letters,
      NoticeOutbox outbox,
      NotificationProperties properties) {
    this.mailSender = mailSender;
    this.letters = letters;
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
    Letters.Written written = letters.write(noticeType, processInstanceId, caseValue, null, true);
    Notice notice =
        new Notice(
            noticeId,
            processInstanceId,
            businessKey,
            noticeType,
            recipient,
            written.letter().subject(),
            written.letter().body(),
            written.letter().html(),
            written.attachments().stream().map(CaseDocument::id).toList());
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
    MimeMessage message = message(notice);
    outbox.recordAttempt(notice, properties.from(), recorded, now());
    try {
      try {
        mailSender.send(message);
      } catch (ReusingMailSender.KeptConnectionLostException lost) {
        // A connection the server closed while it was kept: once more, on a new one, as an attempt
        // of its own.
        outbox.recordAttempt(notice, properties.from(), true, now());
        mailSender.send(message);
      }
    } catch (MailException e) {
      outbox.recordRefused(notice.noticeId(), e.getMessage());
      throw e;
    }
    outbox.markSent(notice.noticeId(), now(), channel);
  }

  /**
   * The mail: the HTML letter with its plain-text alternative (multipart/alternative), the
   * council's logo as an inline part when the letter shows it, the plan as a PDF attachment, and
   * the notice id in a header.
   */
  private MimeMessage message(Notice notice) {
    MimeMessage mime = mailSender.createMimeMessage();
    try {
      boolean logo =
          notice.html() != null && notice.html().contains("cid:" + Letters.LOGO_CONTENT_ID);
      boolean multipart = notice.html() != null || !notice.attachmentIds().isEmpty();
      MimeMessageHelper mail =
          new MimeMessageHelper(
              mime,
              multipart
                  ? MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED
                  : MimeMessageHelper.MULTIPART_MODE_NO,
              StandardCharsets.UTF_8.name());
      mail.setFrom(properties.from());
      mail.setTo(notice.recipient());
      mail.setSubject(notice.subject());
      if (notice.html() != null) {
        mail.setText(notice.body(), notice.html());
      } else {
        mail.setText(notice.body());
      }
      if (logo) {
        Optional<Resource> image = letters.logo();
        if (image.isPresent()) {
          mail.addInline(Letters.LOGO_CONTENT_ID, image.get());
        }
      }
      for (String documentId : notice.attachmentIds()) {
        CaseDocument document =
            letters
                .document(documentId)
                .orElseThrow(
                    () ->
                        new MailPreparationException(
                            "Notice "
                                + notice.noticeId()
                                + " names a document that is gone: "
                                + documentId));
        mail.addAttachment(
            document.name(),
            new ByteArrayResource(letters.content(documentId)),
            document.contentType());
      }
      mime.setHeader(NOTICE_ID_HEADER, notice.noticeId());
    } catch (MessagingException e) {
      throw new MailPreparationException(
          "Notice " + notice.noticeId() + " cannot be written as mail", e);
    }
    return mime;
  }

  private static Instant now() {
    // The engine's clock, so notices sent in a test or a simulation carry its date.
    return ClockUtil.getCurrentTime().toInstant();
  }
}
