package org.ehcflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.ehcflow.support.FreePort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;

/** Against a real SMTP server that is stopped and started under the sender. */
class ReusingMailSenderTest {

  private final int port = FreePort.next();
  private GreenMail server;

  @BeforeEach
  void startServer() {
    server = startedServer();
  }

  @AfterEach
  void stopServer() {
    server.stop();
  }

  @Test
  void notices_in_a_row_share_one_connection() {
    CountingSender sender = sender(4, Duration.ofSeconds(30));
    for (int n = 1; n <= 3; n++) {
      sender.send(mail("Notice " + n));
    }

    assertThat(subjects()).containsExactly("Notice 1", "Notice 2", "Notice 3");
    assertThat(sender.connections.get()).isEqualTo(1);
    sender.destroy();
  }

  @Test
  void
      a_kept_connection_the_server_has_closed_is_refused_as_lost_and_the_next_send_goes_on_a_new_one() {
    CountingSender sender = sender(4, Duration.ofSeconds(30));
    sender.send(mail("Before the restart"));
    sender.send(mail("Also before the restart"));
    server.stop();
    server = startedServer();

    assertThatThrownBy(() -> sender.send(mail("After the restart")))
        .isInstanceOf(ReusingMailSender.KeptConnectionLostException.class);
    sender.send(mail("After the restart"));

    assertThat(subjects()).containsExactly("After the restart");
    assertThat(sender.connections.get()).as("one before the restart, one after").isEqualTo(2);
    sender.destroy();
  }

  @Test
  void a_connection_idle_past_its_timeout_is_not_used_again_and_none_are_kept_when_told() {
    CountingSender idleAtOnce = sender(4, Duration.ZERO);
    idleAtOnce.send(mail("First"));
    idleAtOnce.send(mail("Second"));
    assertThat(idleAtOnce.connections.get()).isEqualTo(2);

    CountingSender keepsNone = sender(0, Duration.ofSeconds(30));
    keepsNone.send(mail("Third"));
    keepsNone.send(mail("Fourth"));
    assertThat(keepsNone.connections.get()).isEqualTo(2);
    assertThat(subjects()).containsExactly("First", "Second", "Third", "Fourth");
  }

  @Test
  void a_server_that_is_down_refuses_the_notice_and_the_next_one_goes_when_it_is_back() {
    CountingSender sender = sender(4, Duration.ofSeconds(30));
    sender.send(mail("Before the outage"));
    server.stop();

    assertThatThrownBy(() -> sender.send(mail("During the outage")))
        .isInstanceOf(MailSendException.class);

    server = startedServer();
    sender.send(mail("After the outage"));
    assertThat(subjects()).containsExactly("After the outage");
    sender.destroy();
  }

  private CountingSender sender(int kept, Duration idleTimeout) {
    CountingSender sender = new CountingSender(kept, idleTimeout);
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    Properties properties = new Properties();
    properties.put("mail.smtp.connectiontimeout", "5000");
    properties.put("mail.smtp.timeout", "10000");
    sender.setJavaMailProperties(properties);
    return sender;
  }

  private static final class CountingSender extends ReusingMailSender {
    final AtomicInteger connections = new AtomicInteger();

    CountingSender(int kept, Duration idleTimeout) {
      super(kept, idleTimeout);
    }

    @Override
    protected Transport connectTransport() throws MessagingException {
      Transport transport = super.connectTransport();
      connections.incrementAndGet();
      return transport;
    }
  }

  private GreenMail startedServer() {
    GreenMail started =
        new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    started.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    started.start();
    return started;
  }

  private java.util.List<String> subjects() {
    return Arrays.stream(server.getReceivedMessages())
        .map(GreenMailUtil::getHeaders)
        .map(
            headers ->
                headers
                    .lines()
                    .filter(line -> line.startsWith("Subject: "))
                    .findFirst()
                    .orElse("")
                    .substring("Subject: ".length()))
        .toList();
  }

  private static SimpleMailMessage mail(String subject) {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom("send-team@council.example");
    message.setTo("parent@example.org");
    message.setSubject(subject);
    message.setText("Body of " + subject);
    return message;
  }
}
