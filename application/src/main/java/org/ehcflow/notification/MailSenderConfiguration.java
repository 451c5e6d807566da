package org.ehcflow.notification;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The notices' mail sender, chosen by {@code ehc.notification.delivery}:
 *
 * <ul>
 *   <li>{@code smtp} (the default, and production's): Spring Boot's {@code spring.mail.*} settings,
 *       on a sender that keeps its connections ({@link ReusingMailSender}) and sends each segment
 *       at once ({@link NoDelaySockets});
 *   <li>{@code local-outbox} (the default profile's, {@code application-default.yaml}): notices are
 *       written and kept in the case file only ({@link LocalOutboxMailSender}), so the demo on a
 *       laptop has no relay to fail against.
 * </ul>
 *
 * A sender already given (the simulation's sink) takes the place of either.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailSenderConfiguration {

  static final String DELIVERY = "ehc.notification.delivery";

  @Bean
  @ConditionalOnMissingBean(JavaMailSender.class)
  @ConditionalOnProperty(name = DELIVERY, havingValue = "local-outbox")
  LocalOutboxMailSender localOutboxMailSender() {
    return new LocalOutboxMailSender();
  }

  @Bean
  @ConditionalOnMissingBean(JavaMailSender.class)
  @ConditionalOnProperty(name = DELIVERY, havingValue = "smtp", matchIfMissing = true)
  ReusingMailSender mailSender(
      MailProperties mail, SmtpConnections connections, ObjectProvider<SslBundles> sslBundles) {
    ReusingMailSender sender = new ReusingMailSender(connections.kept(), connections.idleTimeout());
    sender.setHost(mail.getHost());
    if (mail.getPort() != null) {
      sender.setPort(mail.getPort());
    }
    sender.setUsername(mail.getUsername());
    sender.setPassword(mail.getPassword());
    sender.setProtocol(mail.getProtocol());
    sender.setDefaultEncoding(
        mail.getDefaultEncoding() != null
            ? mail.getDefaultEncoding().name()
            : StandardCharsets.UTF_8.name());
    Properties properties = new Properties();
    properties.putAll(mail.getProperties());
    MailProperties.Ssl ssl = mail.getSsl();
    if (ssl.isEnabled()) {
      properties.setProperty("mail." + mail.getProtocol() + ".ssl.enable", "true");
    }
    if (ssl.getBundle() != null) {
      properties.put(
          "mail." + mail.getProtocol() + ".ssl.socketFactory",
          sslBundles.getObject().getBundle(ssl.getBundle()).createSslContext().getSocketFactory());
    }
    NoDelaySockets.apply(properties, mail.getProtocol());
    sender.setJavaMailProperties(properties);
    return sender;
  }
}
