package org.ehcflow.notification;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Spring's sender, keeping its SMTP connections open between notices. Spring opens a new connection
 * for every mail, so each notice paid the connection, the greeting, EHLO and any STARTTLS and login
 * again: most of a notice's cost on a nearby relay, and the pattern relays throttle. A connection
 * is kept only while it is idle for less than {@code idleTimeout}, well under the 5 minutes a
 * server must wait for the next command (RFC 5321, 4.5.3.2.7).
 *
 * <p>A kept connection that the server has closed meanwhile fails on its first use. The sender does
 * not send the mail again itself: it cannot tell a connection lost before the mail from one lost
 * after the server took it, and a second copy must be counted where notices are recorded. It closes
 * every kept connection (a server that dropped one has usually dropped all, as on a restart) and
 * refuses with {@link KeptConnectionLostException}, so that the caller can record another attempt
 * and send once more, on a new connection.
 */
public class ReusingMailSender extends JavaMailSenderImpl implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ReusingMailSender.class);

  private record Kept(Transport transport, long idleSinceNanos) {}

  private final Deque<Kept> kept = new ConcurrentLinkedDeque<>();
  private final int maxKept;
  private final long idleTimeoutNanos;

  /**
   * @param maxKept connections kept open when idle: about as many as the threads that send (the job
   *     executor's); 0 opens a connection per mail, as Spring does
   * @param idleTimeout a connection idle for longer is closed rather than used again
   */
  public ReusingMailSender(int maxKept, Duration idleTimeout) {
    if (maxKept < 0 || idleTimeout.isNegative()) {
      throw new IllegalArgumentException("maxKept and idleTimeout must not be negative");
    }
    this.maxKept = maxKept;
    this.idleTimeoutNanos = idleTimeout.toNanos();
  }

  @Override
  protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages)
      throws MailException {
    Map<Object, Exception> failed = new LinkedHashMap<>();
    boolean onlyLostKeptConnections = true;
    Transport transport = null;
    boolean reused = false;
    try {
      for (int i = 0; i < mimeMessages.length; i++) {
        MimeMessage message = mimeMessages[i];
        Object original = originalMessages != null ? originalMessages[i] : message;
        try {
          prepare(message);
          if (transport == null) {
            transport = keptConnection();
            reused = transport != null;
            if (transport == null) {
              transport = newConnection();
            }
          }
          Address[] recipients = message.getAllRecipients();
          transport.sendMessage(message, recipients != null ? recipients : new Address[0]);
        } catch (MessagingException refused) {
          failed.put(original, refused);
          boolean lostKept = reused && !(refused instanceof SendFailedException);
          onlyLostKeptConnections &= lostKept;
          if (lostKept) {
            log.debug("A kept SMTP connection was closed by the server", refused);
            closeKept();
          }
          // After a refusal the connection's state is the server's to say: start afresh.
          close(transport);
          transport = null;
          reused = false;
        }
      }
    } finally {
      if (transport != null) {
        keep(transport);
      }
    }
    if (!failed.isEmpty()) {
      throw onlyLostKeptConnections
          ? new KeptConnectionLostException(failed)
          : new MailSendException(failed);
    }
  }

  /**
   * Every mail refused was on a kept connection that the server had closed: sending it again goes
   * on a new connection.
   */
  public static class KeptConnectionLostException extends MailSendException {
    KeptConnectionLostException(Map<Object, Exception> failedMessages) {
      super(failedMessages);
    }
  }

  /** As Spring prepares a message: the sent date set, the headers written, the id kept. */
  private static void prepare(MimeMessage message) throws MessagingException {
    if (message.getSentDate() == null) {
      message.setSentDate(new Date());
    }
    String messageId = message.getMessageID();
    message.saveChanges();
    if (messageId != null) {
      message.setHeader("Message-ID", messageId);
    }
  }

  private Transport keptConnection() {
    for (Kept next = kept.pollFirst(); next != null; next = kept.pollFirst()) {
      // Not Transport.isConnected(): over SMTP that costs a NOOP round trip, most of what keeping
      // saves.
      if (System.nanoTime() - next.idleSinceNanos() < idleTimeoutNanos) {
        return next.transport();
      }
      close(next.transport());
    }
    return null;
  }

  private Transport newConnection() {
    try {
      return connectTransport();
    } catch (AuthenticationFailedException e) {
      throw new MailAuthenticationException(e);
    } catch (MessagingException e) {
      throw new MailSendException("Mail server connection failed", e);
    }
  }

  private void keep(Transport transport) {
    if (kept.size() < maxKept) {
      kept.offerFirst(new Kept(transport, System.nanoTime()));
    } else {
      close(transport);
    }
  }

  private static void close(Transport transport) {
    if (transport == null) {
      return;
    }
    try {
      transport.close();
    } catch (MessagingException e) {
      log.debug("Closing an SMTP connection failed", e);
    }
  }

  private void closeKept() {
    for (Kept next = kept.pollFirst(); next != null; next = kept.pollFirst()) {
      close(next.transport());
    }
  }

  @Override
  public void destroy() {
    closeKept();
  }
}
