package org.ehcflow.notification;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param from the sender address of every notice
 * @param councilName the council's name as notices print it
 * @param templateDir a folder of the council's own templates; blank for the built-in ones
 * @param mailboxes the shared mailbox of each candidate group, for notices to a service
 */
@ConfigurationProperties("ehc.notification")
public record NotificationProperties(
    String from, String councilName, String templateDir, Map<String, String> mailboxes) {}
