package org.ehcflow.simulation;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The simulation's mail server: notices are built and handed over exactly as in production and
 * counted here instead of leaving the machine, so a what-if never writes to a real family.
 */
public class MailSink extends JavaMailSenderImpl {

  private final AtomicInteger accepted = new AtomicInteger();

  @Override
  protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages)
      throws MailException {
    for (MimeMessage message : mimeMessages) {
      try {
        // Rendering the message is part of the cost a real send has.
        message.saveChanges();
      } catch (MessagingException e) {
        throw new org.springframework.mail.MailPreparationException(e);
      }
      accepted.incrementAndGet();
    }
  }

  @Override
  public void testConnection() {
    // Always reachable: there is no server.
  }

  public int accepted() {
    return accepted.get();
  }
}
