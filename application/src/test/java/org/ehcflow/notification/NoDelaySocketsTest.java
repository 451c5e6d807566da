package org.ehcflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Properties;
import java.util.Random;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import org.ehcflow.support.FreePort;
import org.ehcflow.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Against a real SMTP server. */
class NoDelaySocketsTest {

  private final int port = FreePort.next();
  private GreenMail server;

  @BeforeEach
  void startServer() {
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop();
  }

  @Test
  void the_plain_factory_connects_with_nagle_off() throws Exception {
    Properties properties = new Properties();
    NoDelaySockets.apply(properties, "smtp");

    SocketFactory factory = (SocketFactory) properties.get("mail.smtp.socketFactory");
    try (Socket socket = factory.createSocket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      assertThat(socket.getTcpNoDelay()).isTrue();
    }
  }

  @Test
  void a_bundles_tls_factory_is_wrapped_and_a_councils_own_plain_factory_is_left_alone()
      throws Exception {
    SocketFactory councils = SocketFactory.getDefault();
    SSLSocketFactory bundles = (SSLSocketFactory) SSLSocketFactory.getDefault();
    Properties properties = new Properties();
    properties.put("mail.smtp.socketFactory", councils);
    properties.put("mail.smtp.ssl.socketFactory", bundles);

    NoDelaySockets.apply(properties, "smtp");
    NoDelaySockets.apply(properties, "smtp");

    assertThat(properties.get("mail.smtp.socketFactory")).isSameAs(councils);
    Object tls = properties.get("mail.smtp.ssl.socketFactory");
    assertThat(tls).isInstanceOf(NoDelaySockets.Tls.class);
    assertThat(((SSLSocketFactory) tls).getSupportedCipherSuites())
        .containsExactly(bundles.getSupportedCipherSuites());
    try (Socket plain = new Socket()) {
      plain.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      try (Socket layered =
          ((SSLSocketFactory) tls).createSocket(plain, "127.0.0.1", port, false)) {
        assertThat(layered.getTcpNoDelay()).isTrue();
      }
    }
  }

  @Test
  void a_notice_larger_than_one_write_arrives_byte_for_byte() throws Exception {
    ReusingMailSender sender = new ReusingMailSender(4, Duration.ofSeconds(30));
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    Properties properties = new Properties();
    properties.put("mail.smtp.connectiontimeout", "5000");
    properties.put("mail.smtp.timeout", "10000");
    NoDelaySockets.apply(properties, "smtp");
    sender.setJavaMailProperties(properties);
    byte[] plan = new byte[200_000];
    new Random(27).nextBytes(plan);

    for (int n = 1; n <= 2; n++) {
      MimeMessage mime = sender.createMimeMessage();
      MimeMessageHelper mail = new MimeMessageHelper(mime, true, "UTF-8");
      mail.setFrom("send-team@council.example");
      mail.setTo("parent@example.org");
      mail.setSubject("Final plan " + n);
      mail.setText("Your plan is attached.", "<p>Your plan is attached.</p>");
      mail.addAttachment("plan.pdf", new ByteArrayResource(plan), "application/pdf");
      sender.send(mime);
    }
    sender.destroy();

    MimeMessage[] received = server.getReceivedMessages();
    assertThat(received).hasSize(2);
    for (MimeMessage message : received) {
      assertThat(TestMail.text(message)).contains("Your plan is attached.");
      ByteArrayOutputStream attached = new ByteArrayOutputStream();
      TestMail.attachments(message).get(0).getDataHandler().writeTo(attached);
      assertThat(attached.toByteArray()).isEqualTo(plan);
    }
  }
}
