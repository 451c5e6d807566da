package org.ehcflow.cease;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The published criteria for ceasing between reviews, {@code cease-eligibility.dmn}, rule by rule.
 */
class CeaseEligibilityTableTest {

  private static final DmnEngine DMN =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static DmnDecision table;

  @BeforeAll
  static void parse() throws IOException {
    try (InputStream in = new FileInputStream("processes/cease-eligibility.dmn")) {
      table = DMN.parseDecision(CeasePlanProcess.ELIGIBILITY_DECISION, in);
    }
  }

  /** A 14-year-old in school, nothing else true; each test changes what it is about. */
  private static Map<String, Object> facts(String reason, int age, Object... pairs) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("ceaseReason", reason);
    facts.put("ageAtProposal", age);
    facts.put("pastPlanAgeLimit", false);
    facts.put("inEducationOrTraining", true);
    facts.put("wishesToReturnToEducation", false);
    facts.put("inPaidEmployment", false);
    facts.put("inHigherEducation", false);
    for (int i = 0; i < pairs.length; i += 2) {
      facts.put((String) pairs[i], pairs[i + 1]);
    }
    return facts;
  }

  private static String outcome(Map<String, Object> facts) {
    return rule(facts).getEntry("ceaseEligibility")
        + " "
        + rule(facts).getEntry("ceaseEligibilityField");
  }

  private static DmnDecisionRuleResult rule(Map<String, Object> facts) {
    return DMN.evaluateDecisionTable(table, facts).getFirstResult();
  }

  @Test
  void
      under_18_a_plan_may_cease_only_when_no_longer_necessary_or_the_council_no_longer_responsible() {
    assertThat(outcome(facts("2", 14))).isEqualTo("may-consider ceaseReason");
    assertThat(outcome(facts("5", 14))).isEqualTo("may-consider ceaseReason");
    assertThat(outcome(facts("7", 16))).isEqualTo("may-consider ceaseReason");
    assertThat(outcome(facts("8", 9))).isEqualTo("may-consider ceaseReason");
    assertThat(outcome(facts("6", 17))).isEqualTo("not-allowed ceaseReason");
    assertThat(outcome(facts("9", 17))).isEqualTo("not-allowed ceaseReason");
    assertThat(outcome(facts("4", 17, "inPaidEmployment", true)))
        .isEqualTo("not-allowed ceaseReason");
  }

  @Test
  void under_18_and_out_of_education_the_plan_is_reviewed_to_get_them_back_not_ceased() {
    assertThat(outcome(facts("2", 15, "inEducationOrTraining", false)))
        .isEqualTo("review-first inEducationOrTraining");
    assertThat(outcome(facts("5", 15, "inEducationOrTraining", false)))
        .as("moved away: no longer the council's")
        .isEqualTo("may-consider ceaseReason");
  }

  @Test
  void at_18_or_over_out_of_education_only_once_established_they_do_not_wish_to_return() {
    assertThat(
            outcome(
                facts("6", 19, "inEducationOrTraining", false, "wishesToReturnToEducation", true)))
        .isEqualTo("review-first wishesToReturnToEducation");
    assertThat(outcome(facts("6", 19, "inEducationOrTraining", false)))
        .isEqualTo("may-consider ceaseReason");
    assertThat(outcome(facts("6", 19))).isEqualTo("not-allowed inEducationOrTraining");
  }

  @Test
  void age_alone_ends_a_plan_only_after_the_academic_year_of_the_25th_birthday() {
    assertThat(outcome(facts("1", 19))).isEqualTo("not-allowed ceaseReason");
    assertThat(outcome(facts("1", 24))).isEqualTo("not-allowed ceaseReason");
    assertThat(outcome(facts("1", 25, "pastPlanAgeLimit", true)))
        .isEqualTo("may-consider ceaseReason");
  }

  @Test
  void higher_education_and_paid_employment_need_the_young_person_to_be_in_them() {
    assertThat(outcome(facts("3", 18, "inHigherEducation", true)))
        .isEqualTo("may-consider ceaseReason");
    assertThat(outcome(facts("3", 18))).isEqualTo("not-allowed inHigherEducation");
    assertThat(outcome(facts("4", 20, "inPaidEmployment", true)))
        .isEqualTo("may-consider ceaseReason");
    assertThat(outcome(facts("4", 20))).isEqualTo("not-allowed inPaidEmployment");
    assertThat(outcome(facts("2", 20))).isEqualTo("may-consider ceaseReason");
    assertThat(rule(facts("2", 20)).getEntry("ceaseEligibilityReason").toString())
        .contains("s.45(1)(b)");
  }
}
