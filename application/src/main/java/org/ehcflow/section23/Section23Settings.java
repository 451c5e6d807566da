package org.ehcflow.section23;

import java.time.MonthDay;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Local choices for Section 23 notifications ({@code ehc.section23.*}).
 *
 * @param triageDays the early years team triages within this many days of the notification
 * @param compulsorySchoolAgeDays the prescribed days on which children reach compulsory school age
 *     (--MM-dd)
 * @param assessmentClockStarts {@code triage-date} or {@code notification-date}: when a
 *     notification becomes a request to consider an assessment, the date the council takes its
 *     statutory clock from. The law is unsettled here; the choice is the council's and visible.
 */
@ConfigurationProperties("ehc.section23")
public record Section23Settings(
    int triageDays, List<MonthDay> compulsorySchoolAgeDays, String assessmentClockStarts) {

  public static final String FROM_TRIAGE = "triage-date";
  public static final String FROM_NOTIFICATION = "notification-date";
}
