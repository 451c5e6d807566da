package org.ehcflow.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

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
}
