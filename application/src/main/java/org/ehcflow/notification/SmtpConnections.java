package org.ehcflow.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How notices use the council's mail relay ({@code ehc.notification.smtp-connections.*}).
 *
 * @param kept connections kept open between notices; 0 opens one for every mail
 * @param idleTimeout a kept connection idle this long is closed, not used again
 */
@ConfigurationProperties("ehc.notification.smtp-connections")
public record SmtpConnections(int kept, Duration idleTimeout) {}
