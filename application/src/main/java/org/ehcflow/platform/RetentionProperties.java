package org.ehcflow.platform;

import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the history of a finished case is kept, per pathway ({@code ehc.retention.*}). The
 * council's records retention schedule decides the periods; the models carry a default.
 *
 * @param historyTimeToLiveDays days to keep a finished case's history, by process key or decision
 *     key (a decision key with an underscore is written in brackets: {@code "[decision_x]": 3650})
 * @param defaultDays days for any process or decision not listed; when absent, the model's own
 *     {@code historyTimeToLive} stays
 */
@ConfigurationProperties("ehc.retention")
public record RetentionProperties(Map<String, Integer> historyTimeToLiveDays, Integer defaultDays) {

  public RetentionProperties {
    historyTimeToLiveDays =
        historyTimeToLiveDays == null ? Map.of() : Map.copyOf(historyTimeToLiveDays);
    historyTimeToLiveDays.forEach((key, days) -> requireNonNegative(key, days));
    if (defaultDays != null) {
      requireNonNegative("default-days", defaultDays);
    }
  }

  /** The configured days for a definition key, if any. */
  public Optional<Integer> daysFor(String definitionKey) {
    return Optional.ofNullable(historyTimeToLiveDays.getOrDefault(definitionKey, defaultDays));
  }

  private static void requireNonNegative(String key, Integer days) {
    if (days == null || days < 0) {
      throw new IllegalArgumentException(
          "ehc.retention: " + key + " must be a number of days, 0 or more, not " + days);
    }
  }
}
