package org.ehcflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.ehcflow.support.NoMailRelayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * A mail relay outage does not make the application unhealthy: notices wait and retry, and a
 * platform that restarts unhealthy nodes must not restart every node for it.
 */
@NoMailRelayIntegrationTest
class MailRelayDownHealthTest {

  @Autowired TestRestTemplate http;

  @Test
  void health_answers_up_while_nothing_listens_on_the_mail_relays_port() throws Exception {
    assertThatThrownBy(
            () -> {
              try (Socket relay = new Socket()) {
                relay.connect(
                    new InetSocketAddress("127.0.0.1", NoMailRelayIntegrationTest.DEAD_SMTP_PORT),
                    2_000);
              }
            })
        .as("the mail relay is down")
        .isInstanceOf(ConnectException.class);

    ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
    ResponseEntity<String> readiness =
        http.getForEntity("/actuator/health/readiness", String.class);

    assertThat(health.getStatusCode().value()).as(health.getBody()).isEqualTo(200);
    assertThat(health.getBody()).contains("\"status\":\"UP\"");
    assertThat(readiness.getStatusCode().value()).as(readiness.getBody()).isEqualTo(200);
  }
}
