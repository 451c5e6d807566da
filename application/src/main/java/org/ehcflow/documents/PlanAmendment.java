package org.ehcflow.documents;

import java.time.LocalDate;

/**
 * What a review or a phase transfer changes in the plan when it issues the final amended plan: the
 * child as the case now knows them, the day of issue, the setting named in section I, and the
 * amendments as the amendment notice proposed them. Everything else comes from the plan in force.
 */
public record PlanAmendment(
    String childId,
    String childName,
    LocalDate dateOfBirth,
    String nhsNumber,
    LocalDate issued,
    String namedSetting,
    String amendments) {}
