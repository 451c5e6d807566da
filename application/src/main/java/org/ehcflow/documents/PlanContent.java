package org.ehcflow.documents;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a plan says, as the pathway that issues it reads it from its own case: the child, the text
 * of each section, the setting named in section I and the advice listed in section K.
 *
 * @param date the day the plan is dated: served (a draft) or issued
 * @param sections each section's text as the caseworker wrote it; a section with no text is "Not
 *     recorded" in the plan. Section I's text, if any, is shown after the named setting.
 * @param namedSetting the school or other institution named in section I; a draft names none
 * @param amendments what an amended plan changes, as the amendment notice proposed it, or null
 * @param advice the advice and information obtained (reg 6), in the order it came in
 */
public record PlanContent(
    String childId,
    String childName,
    LocalDate dateOfBirth,
    String nhsNumber,
    LocalDate date,
    Map<PlanSection, String> sections,
    String namedSetting,
    String amendments,
    List<Advice> advice) {

  /**
   * One adviser's advice.
   *
   * @param kind what advice it is ("Educational psychology advice")
   * @param givenBy who gave it (their name, or their user id)
   * @param received the day it came in
   * @param documents the names of the documents the adviser attached to it
   */
  public record Advice(String kind, String givenBy, LocalDate received, List<String> documents) {

    public Advice {
      documents = documents == null ? List.of() : List.copyOf(documents);
    }
  }

  public PlanContent {
    Map<PlanSection, String> copy = new EnumMap<>(PlanSection.class);
    if (sections != null) {
      sections.forEach(
          (section, text) -> {
            if (text != null && !text.isBlank()) {
              copy.put(section, text);
            }
          });
    }
    sections = copy;
    advice = advice == null ? List.of() : List.copyOf(advice);
  }

  /** The section's text, or null when nothing was written. */
  public String section(PlanSection section) {
    return sections.get(section);
  }
}
