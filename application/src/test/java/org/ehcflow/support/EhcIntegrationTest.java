package org.ehcflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on the default (demo) profile, with a fresh H2 file database, its web
 * server on a random port, mail by SMTP to a local GreenMail server (not the default profile's
 * local outbox), and the job executor off so each test drives jobs and the clock by hand.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      "ehc.data-dir=./target/test-data/${random.uuid}",
      // The default profile keeps notices in its local outbox; these tests read them from
      // GreenMail.
      "ehc.notification.delivery=smtp",
      "spring.mail.host=127.0.0.1",
      "spring.mail.port=${ehc.test.smtp-port:3025}",
      // Every test of the shared application calls from 127.0.0.1 and some move the engine's
      // clock, so failed log-ins of one test would hold back the next; LoginThrottleTest proves
      // the per-address limit with its shipped settings in an application of its own.
      "ehc.security.login-throttle.max-failures=1000000"
    })
public @interface EhcIntegrationTest {}
