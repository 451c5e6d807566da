package org.ehcflow.notification;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which letters carry a plan and which tasks lead to which letters ({@code ehc.letters.*}): model
 * configuration a council can change without code.
 *
 * @param planAttached by notice type, the kind of plan document ({@code draft-plan}, {@code
 *     final-plan}, {@code amended-plan}) whose newest version of the case goes with the letter as a
 *     PDF, or {@code plan-in-force}: the child's plan in force, whichever case made it
 * @param previews by task definition key, the notice types the task's completion may send, shown to
 *     whoever works the task as a preview
 */
@ConfigurationProperties("ehc.letters")
public record LetterProperties(
    Map<String, String> planAttached, Map<String, List<String>> previews) {

  public LetterProperties {
    planAttached = planAttached == null ? Map.of() : Map.copyOf(planAttached);
    previews = previews == null ? Map.of() : Map.copyOf(previews);
  }
}
