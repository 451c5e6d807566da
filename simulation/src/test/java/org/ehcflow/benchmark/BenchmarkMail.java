package org.ehcflow.benchmark;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.ehcflow.notification.ReusingMailSender;
import org.ehcflow.support.FreePort;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The benchmark's mail server: GreenMail, so every notice is really sent over SMTP, with one
 * change. GreenMail writes a multi-line reply (the greeting, EHLO) in several small writes, and
 * with Nagle's algorithm on its sockets each later write waits for the client's delayed
 * acknowledgement, about 40 ms on this machine's network stack, several times per mail. A relay
 * that answers in one write pays none of that, so the wait would be the test server's, not ours;
 * the benchmark therefore turns Nagle off on the server's side and reports what one mail costs with
 * and without it.
 */
final class BenchmarkMail {

  private BenchmarkMail() {}

  static GreenMail start(boolean noDelay) {
    ServerSetup setup = new ServerSetup(FreePort.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    GreenMail server = noDelay ? new NoDelayGreenMail(setup) : new GreenMail(setup);
    server.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    server.start();
    return server;
  }

  /**
   * The median time of one plain mail to the server with the application's timeouts: on a new
   * connection per mail (Spring's own sender), or on a kept one, as the application sends.
   */
  static double medianSendMillis(GreenMail server, int mails, boolean keptConnection) {
    JavaMailSenderImpl sender =
        keptConnection
            ? new ReusingMailSender(1, Duration.ofSeconds(30))
            : new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(server.getSmtp().getPort());
    Properties properties = new Properties();
    properties.put("mail.smtp.connectiontimeout", "5000");
    properties.put("mail.smtp.timeout", "10000");
    properties.put("mail.smtp.writetimeout", "10000");
    sender.setJavaMailProperties(properties);
    double[] millis = new double[mails];
    for (int warmUp = 0; warmUp < 5; warmUp++) {
      sender.send(message("warm-up"));
    }
    for (int n = 0; n < mails; n++) {
      long t0 = System.nanoTime();
      sender.send(message("probe " + n));
      millis[n] = (System.nanoTime() - t0) / 1e6;
    }
    if (sender instanceof ReusingMailSender reusing) {
      reusing.destroy();
    }
    java.util.Arrays.sort(millis);
    return mails % 2 == 1 ? millis[mails / 2] : (millis[mails / 2 - 1] + millis[mails / 2]) / 2;
  }

  private static SimpleMailMessage message(String text) {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom("benchmark@council.example");
    message.setTo("probe@example.org");
    message.setSubject("Benchmark probe");
    message.setText(text);
    return message;
  }

  private static final class NoDelayGreenMail extends GreenMail {

    NoDelayGreenMail(ServerSetup setup) {
      super(setup);
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
      Map<String, AbstractServer> services = new HashMap<>();
      for (ServerSetup setup : config) {
        if (!ServerSetup.PROTOCOL_SMTP.equals(setup.getProtocol())) {
          throw new IllegalArgumentException("the benchmark's mail server speaks SMTP only");
        }
        services.put(
            setup.getProtocol(),
            new SmtpServer(setup, managers) {
              @Override
              protected ProtocolHandler createProtocolHandler(Socket client) {
                try {
                  client.setTcpNoDelay(true);
                } catch (SocketException e) {
                  throw new UncheckedIOException(e);
                }
                return super.createProtocolHandler(client);
              }
            });
      }
      return services;
    }
  }
}
