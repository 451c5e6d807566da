package org.ehcflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on the default (demo) profile with its shipped log-in limits and no mail
 * relay: nothing listens on port 1. A fresh H2 file database; the job executor off.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      "ehc.data-dir=./target/test-data/${random.uuid}",
      // By SMTP, not the default profile's local outbox, which needs no relay at all.
      "ehc.notification.delivery=smtp",
      "spring.mail.host=127.0.0.1",
      "spring.mail.port=" + NoMailRelayIntegrationTest.DEAD_SMTP_PORT
    })
public @interface NoMailRelayIntegrationTest {

  /** tcpmux: a privileged port no test and no service here listens on. */
  int DEAD_SMTP_PORT = 1;
}
