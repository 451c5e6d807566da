package org.ehcflow.notification;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The notices' mail sender: Spring Boot's {@code spring.mail.*} settings, on a sender that keeps
 * its connections ({@link ReusingMailSender}). A sender already given (the simulation's sink)
 * takes its place.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailSenderConfiguration {

  @Bean
  @ConditionalOnMissingBean(JavaMailSender.class)
  ReusingMailSender mailSender(MailProperties mail, SmtpConnections connections, ObjectProvider<SslBundles> sslBundles) {
    ReusingMailSender sender = new ReusingMailSender(connections.kept(), connections.idleTimeout());
    sender.setHost(mail.getHost());
    if (mail.getPort() != null) {
      sender.setPort(mail.getPort());
    }
    sender.setUsername(mail.getUsername());
    sender.setPassword(mail.getPassword());
    sender.setProtocol(mail.getProtocol());
    sender.setDefaultEncoding(mail.getDefaultEncoding() != null ? mail.getDefaultEncoding().name()
        : StandardCharsets.UTF_8.name());
    Properties properties = new Properties();
    properties.putAll(mail.getProperties());
    MailProperties.Ssl ssl = mail.getSsl();
    if (ssl.isEnabled()) {
      properties.setProperty("mail." + mail.getProtocol() + ".ssl.enable", "true");
    }
    if (ssl.getBundle() != null) {
      properties.put("mail." + mail.getProtocol() + ".ssl.socketFactory",
          sslBundles.getObject().getBundle(ssl.getBundle()).createSslContext().getSocketFactory());
    }
    sender.setJavaMailProperties(properties);
    return sender;
  }
}
