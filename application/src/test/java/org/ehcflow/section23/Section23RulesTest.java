package org.ehcflow.section23;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.ehcflow.statutory.CompulsorySchoolAge;
import org.ehcflow.vocabulary.NhsNumber;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** NHS numbers, compulsory school age and the triage table, rule by rule. */
class Section23RulesTest {

  private static final List<MonthDay> PRESCRIBED_DAYS =
      List.of(MonthDay.of(12, 31), MonthDay.of(3, 31), MonthDay.of(8, 31));
  private static final DmnEngine DMN =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static DmnDecision triage;

  @BeforeAll
  static void parse() throws IOException {
    try (InputStream in = new FileInputStream("processes/section-23-triage.dmn")) {
      triage = DMN.parseDecision("decision_section23Triage", in);
    }
  }

  @Test
  void nhs_numbers_need_ten_digits_and_a_modulus_11_check_digit() {
    assertThat(NhsNumber.isValid("9434765919")).isTrue();
    assertThat(NhsNumber.isValid("943 476 5919")).as("spaces as printed on letters").isTrue();
    assertThat(NhsNumber.isValid("9434765918")).isFalse();
    assertThat(NhsNumber.isValid("943476591")).isFalse();
    assertThat(NhsNumber.isValid("94347659AB")).isFalse();
    assertThat(NhsNumber.isValid(null)).isFalse();
  }

  @Test
  void a_check_value_of_10_is_never_valid() {
    // 000000006x: 6 * 2 = 12, 12 mod 11 = 1, 11 - 1 = 10: no check digit can make this valid.
    for (int last = 0; last <= 9; last++) {
      assertThat(NhsNumber.isValid("000000006" + last)).isFalse();
    }
  }

  @Test
  void compulsory_school_age_starts_on_the_prescribed_day_on_or_after_the_fifth_birthday() {
    assertThat(CompulsorySchoolAge.startsOn(LocalDate.of(2021, 1, 1), PRESCRIBED_DAYS))
        .isEqualTo("2026-03-31");
    assertThat(CompulsorySchoolAge.startsOn(LocalDate.of(2020, 12, 31), PRESCRIBED_DAYS))
        .isEqualTo("2025-12-31");
    assertThat(CompulsorySchoolAge.startsOn(LocalDate.of(2021, 4, 1), PRESCRIBED_DAYS))
        .isEqualTo("2026-08-31");
    assertThat(CompulsorySchoolAge.startsOn(LocalDate.of(2021, 9, 1), PRESCRIBED_DAYS))
        .isEqualTo("2026-12-31");
    assertThat(
            CompulsorySchoolAge.isUnder(
                LocalDate.of(2021, 1, 1), LocalDate.of(2026, 3, 30), PRESCRIBED_DAYS))
        .isTrue();
    assertThat(
            CompulsorySchoolAge.isUnder(
                LocalDate.of(2021, 1, 1), LocalDate.of(2026, 3, 31), PRESCRIBED_DAYS))
        .isFalse();
  }

  private String recommend(String concernLevel, Integer ageInMonths) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("concernLevel", concernLevel);
    inputs.put("ageInMonths", ageInMonths);
    return DMN.evaluateDecisionTable(triage, inputs)
        .getFirstResult()
        .getEntry("triageRecommendation");
  }

  @Test
  void significant_needs_are_recommended_for_an_assessment() {
    assertThat(recommend("significant", 12)).isEqualTo("consider-ehc-assessment");
  }

  @Test
  void a_disability_without_likely_sen_is_information_only() {
    assertThat(recommend("disability-only", 50)).isEqualTo("information-only");
  }

  @Test
  void emerging_or_unstated_needs_close_to_school_age_are_recommended_for_an_assessment() {
    assertThat(recommend("emerging", 42)).isEqualTo("consider-ehc-assessment");
    assertThat(recommend(null, 50)).isEqualTo("consider-ehc-assessment");
  }

  @Test
  void otherwise_early_years_support_is_recommended() {
    assertThat(recommend("emerging", 41)).isEqualTo("early-years-support");
    assertThat(recommend(null, null)).isEqualTo("early-years-support");
  }
}
