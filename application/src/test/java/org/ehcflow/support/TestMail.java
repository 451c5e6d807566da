package org.ehcflow.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A real SMTP server for the tests, on the port the test application sends to. */
public final class TestMail {

  public static final int SMTP_PORT = Integer.getInteger("ehc.test.smtp-port", 3025);

  private TestMail() {}

  public static GreenMailExtension server() {
    return new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
        .withPerMethodLifecycle(true);
  }

  /** The plain-text letter of a notice (its text/plain part), as the recipient reads it. */
  public static String text(Part message) {
    return part(message, "text/plain");
  }

  /** The HTML letter of a notice (its text/html part). */
  public static String html(Part message) {
    return part(message, "text/html");
  }

  /** The attached files of a notice (parts with a file name), in order. */
  public static List<BodyPart> attachments(Part message) {
    List<BodyPart> found = new ArrayList<>();
    collect(message, found);
    return found;
  }

  private static void collect(Part part, List<BodyPart> found) {
    try {
      if (part.isMimeType("multipart/*")) {
        Multipart parts = (Multipart) part.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
          BodyPart child = parts.getBodyPart(i);
          if (Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())) {
            found.add(child);
          } else {
            collect(child, found);
          }
        }
      }
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String part(Part part, String type) {
    try {
      if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        return (String) part.getContent();
      }
      if (part.isMimeType("multipart/*")) {
        Multipart parts = (Multipart) part.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
          String found = part(parts.getBodyPart(i), type);
          if (found != null) {
            return found;
          }
        }
      }
      return null;
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
