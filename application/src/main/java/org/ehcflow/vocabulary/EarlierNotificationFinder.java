package org.ehcflow.vocabulary;

import java.time.LocalDate;
import java.util.List;

/**
 * Finds a child's earlier Section 23 notifications, so a later request for an assessment shows what
 * health told the council already. The needs assessment asks; the Section 23 pathway answers;
 * neither imports the other.
 */
public interface EarlierNotificationFinder {

  /** One earlier notification: its business key and a line summarising it and its triage. */
  record EarlierNotification(String notificationId, String summary) {}

  /**
   * By NHS number, or by name and date of birth; the oldest first.
   *
   * @param nhsNumber may be null
   */
  List<EarlierNotification> earlierNotifications(
      String nhsNumber, String childName, LocalDate dateOfBirth);
}
