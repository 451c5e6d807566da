package org.ehcflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on the default (demo) profile, with a fresh H2 file database, its web
 * server on a random port, mail to a local GreenMail server, and the job executor off so each
 * test drives jobs and the clock by hand.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "camunda.bpm.job-execution.enabled=false",
        "ehc.data-dir=./target/test-data/${random.uuid}",
        "spring.mail.host=127.0.0.1",
        "spring.mail.port=${ehc.test.smtp-port:3025}"
    })
public @interface EhcIntegrationTest {}
