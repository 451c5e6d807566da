package org.ehcflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The mail sender of the local outbox ({@code ehc.notification.delivery=local-outbox}, the default
 * profile's): a notice is built and written out in full, as for a relay, and then kept in the
 * {@code ehc_notice} table only. It never opens a socket, so a demo or a trial on a laptop has no
 * relay to fail against, and every letter is still read where the case file shows it.
 *
 * <p>Writing each message out is kept on purpose: a notice that could not be written as mail (a
 * header a relay would refuse) fails here as it would in production, not first on the council's
 * server.
 */
public class LocalOutboxMailSender extends JavaMailSenderImpl {

  @Override
  protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages)
      throws MailException {
    for (MimeMessage message : mimeMessages) {
      try {
        message.saveChanges();
        message.writeTo(OutputStream.nullOutputStream());
      } catch (MessagingException | IOException e) {
        throw new MailPreparationException("The notice cannot be written as mail", e);
      }
    }
  }

  @Override
  public void testConnection() {
    // There is no server to reach.
  }
}
