package org.ehcflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The review and phase-transfer decision tables, rule by rule, as published in {@code processes/}.
 */
class ReviewDecisionTablesTest {

  private static final DmnEngine DMN =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static DmnDecision reviewOutcome;
  private static DmnDecision cohort;

  @BeforeAll
  static void parse() throws IOException {
    try (InputStream review = new FileInputStream("processes/review-outcome.dmn");
        InputStream transfer = new FileInputStream("processes/phase-transfer-cohort.dmn")) {
      reviewOutcome = DMN.parseDecision("decision_recommendReviewOutcome", review);
      cohort = DMN.parseDecision("decision_phaseTransferCohort", transfer);
    }
  }

  static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      variables.put((String) pairs[i], pairs[i + 1]);
    }
    return variables;
  }

  @Nested
  class RecommendReviewOutcome {

    private String recommend(Object... pairs) {
      DmnDecisionTableResult result = DMN.evaluateDecisionTable(reviewOutcome, vars(pairs));
      return result.getFirstResult().getEntry("reviewRecommendation");
    }

    @Test
    void provision_that_no_longer_needs_a_plan_recommends_considering_ceasing() {
      assertThat(
              recommend(
                  "stillNeedsPlan",
                  false,
                  "needsChanged",
                  true,
                  "outcomesStillAppropriate",
                  true,
                  "ageInYears",
                  12))
          .isEqualTo("cease");
    }

    @Test
    void a_young_person_of_25_recommends_considering_ceasing() {
      assertThat(
              recommend(
                  "stillNeedsPlan",
                  true,
                  "needsChanged",
                  false,
                  "outcomesStillAppropriate",
                  true,
                  "ageInYears",
                  25))
          .isEqualTo("cease");
    }

    @Test
    void changed_needs_recommend_amending() {
      assertThat(
              recommend(
                  "stillNeedsPlan",
                  true,
                  "needsChanged",
                  true,
                  "outcomesStillAppropriate",
                  true,
                  "ageInYears",
                  9))
          .isEqualTo("amend");
    }

    @Test
    void outcomes_no_longer_right_recommend_amending() {
      assertThat(
              recommend(
                  "stillNeedsPlan",
                  true,
                  "needsChanged",
                  false,
                  "outcomesStillAppropriate",
                  false,
                  "ageInYears",
                  9))
          .isEqualTo("amend");
    }

    @Test
    void otherwise_the_plan_is_maintained() {
      assertThat(
              recommend(
                  "stillNeedsPlan",
                  true,
                  "needsChanged",
                  false,
                  "outcomesStillAppropriate",
                  true,
                  "ageInYears",
                  9))
          .isEqualTo("maintain");
    }

    @Test
    void missing_findings_fall_through_to_maintain_without_error() {
      assertThat(
              recommend(
                  "stillNeedsPlan",
                  null,
                  "needsChanged",
                  null,
                  "outcomesStillAppropriate",
                  null,
                  "ageInYears",
                  null))
          .isEqualTo("maintain");
    }
  }

  @Nested
  class PhaseTransferCohort {

    private String transfer(Integer yearGroupNow, String settingPhase) {
      DmnDecisionTableResult result =
          DMN.evaluateDecisionTable(
              cohort, vars("yearGroupNow", yearGroupNow, "settingPhase", settingPhase));
      return result.isEmpty() ? null : result.getSingleResult().getEntry("transferType");
    }

    @Test
    void nursery_children_move_to_school() {
      assertThat(transfer(-1, "early-years")).isEqualTo("early-years-to-school");
    }

    @Test
    void year_2_in_an_infant_school_moves_to_junior() {
      assertThat(transfer(2, "infant")).isEqualTo("infant-to-junior");
      assertThat(transfer(2, "primary")).as("a primary school keeps year 3").isNull();
    }

    @Test
    void year_4_in_a_first_school_moves_to_middle() {
      assertThat(transfer(4, "first")).isEqualTo("primary-to-middle");
    }

    @Test
    void year_6_in_a_primary_or_junior_school_or_unknown_moves_to_secondary() {
      assertThat(transfer(6, "primary")).isEqualTo("primary-to-secondary");
      assertThat(transfer(6, "junior")).isEqualTo("primary-to-secondary");
      assertThat(transfer(6, null)).isEqualTo("primary-to-secondary");
      assertThat(transfer(6, "all-through")).as("an all-through school is not listed").isNull();
    }

    @Test
    void year_8_in_a_middle_school_moves_to_secondary() {
      assertThat(transfer(8, "middle")).isEqualTo("middle-to-secondary");
    }

    @Test
    void year_11_moves_to_post16_unless_already_in_a_post16_institution() {
      assertThat(transfer(11, "secondary")).isEqualTo("secondary-to-post16");
      assertThat(transfer(11, "special")).isEqualTo("secondary-to-post16");
      assertThat(transfer(11, null)).isEqualTo("secondary-to-post16");
      assertThat(transfer(11, "post16")).isNull();
    }

    @Test
    void other_years_have_no_transfer() {
      for (int year : new int[] {0, 1, 3, 5, 7, 9, 10, 12, 13}) {
        assertThat(transfer(year, "secondary")).as("year " + year).isNull();
      }
    }
  }
}
