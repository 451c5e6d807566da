package org.ehcflow.reassessment;

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

/** The published advice on a request to re-assess, {@code reassessment-request.dmn}. */
class ReassessmentRequestTableTest {

  private static final DmnEngine DMN =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static DmnDecision table;

  @BeforeAll
  static void parse() throws IOException {
    try (InputStream in = new FileInputStream("processes/reassessment-request.dmn")) {
      table = DMN.parseDecision(ReassessmentProcess.REQUEST_DECISION, in);
    }
  }

  private static String advice(String requestedBy, Integer months, boolean changed) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("reassessmentRequestedBy", requestedBy);
    facts.put("monthsSinceAssessed", months);
    facts.put("needsChangedSinceAssessment", changed);
    DmnDecisionRuleResult result = DMN.evaluateDecisionTable(table, facts).getSingleResult();
    assertThat((String) result.getEntry("reassessmentRecommendationReason")).isNotBlank();
    return result.getEntry("reassessmentRecommendation");
  }

  @Test
  void under_six_months_with_nothing_changed_the_council_may_refuse() {
    assertThat(advice("parent", 5, false)).isEqualTo("may-refuse");
    assertThat(advice("setting", 0, false)).isEqualTo("may-refuse");
  }

  @Test
  void under_six_months_with_a_change_described_the_caseworker_weighs_it() {
    assertThat(advice("parent", 5, true)).isEqualTo("consider");
  }

  @Test
  void six_months_or_more_with_a_change_described_the_plan_is_reassessed() {
    assertThat(advice("young-person", 6, true)).isEqualTo("reassess");
    assertThat(advice("health", 30, true)).isEqualTo("reassess");
  }

  @Test
  void with_no_earlier_assessment_known_a_change_decides_it() {
    assertThat(advice("parent", null, true)).isEqualTo("reassess");
    assertThat(advice("parent", null, false)).isEqualTo("consider");
  }

  @Test
  void six_months_or_more_with_nothing_changed_the_caseworker_weighs_whether_it_is_necessary() {
    assertThat(advice("setting", 6, false)).isEqualTo("consider");
  }

  @Test
  void the_council_may_reassess_of_its_own_motion_at_any_time() {
    assertThat(advice("council", 1, false)).isEqualTo("reassess");
    assertThat(advice("council", null, true)).isEqualTo("reassess");
  }
}
