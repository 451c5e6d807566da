package org.ehcflow.statutory;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Targets set by guidance or by the council, not by law, so a council can tune them without a code
 * change ({@code ehc.targets.*}).
 *
 * @param draftPlanWeeks the draft plan is late after this many weeks from the request (IPSEA: week
 *     14)
 * @param adviceReminderDaysBefore an adviser is reminded this many days before their advice is due
 * @param consultationResponseDays a setting consulted on being named should reply within this (CoP
 *     9.83: 15)
 * @param consultationGraceDays after a missed reply the council decides without it this many days
 *     later
 * @param phaseTransferCohortCron when the yearly phase-transfer cohort run happens (a Camunda cron)
 */
@ConfigurationProperties("ehc.targets")
public record LocalTargets(
    int draftPlanWeeks,
    int adviceReminderDaysBefore,
    int consultationResponseDays,
    int consultationGraceDays,
    String phaseTransferCohortCron) {}
