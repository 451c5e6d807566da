package org.ehcflow.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFailures failed log-ins one client address may make within {@code window}; the next
 *     attempt from it is refused (429) until the oldest of them is older than the window
 * @param window how long a failed log-in counts against its client address
 * @param forgetAccountFailuresAfter an account's failed log-ins are forgotten once none has come
 *     for this long (and the engine's delay has passed), unless they already locked the account
 */
@ConfigurationProperties("ehc.security.login-throttle")
public record LoginThrottleProperties(
    @DefaultValue("5") int maxFailures,
    @DefaultValue("30m") Duration window,
    @DefaultValue("3m") Duration forgetAccountFailuresAfter) {}
