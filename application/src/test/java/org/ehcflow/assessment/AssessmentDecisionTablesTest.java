package org.ehcflow.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The three DMN tables of the EHC needs assessment, rule by rule, evaluated by the standalone
 * Camunda DMN engine with its default FEEL engine (feel-scala), as the process engine does.
 *
 * <p>Each rule test checks both the outputs and which rule matched (by its business id), so a
 * reordered or rewritten table cannot pass by accident.
 */
class AssessmentDecisionTablesTest {

  private static final String ASSESS_FILE = "processes/decide-whether-to-assess.dmn";
  private static final String ADVICE_FILE = "processes/advice-required.dmn";
  private static final String ISSUE_FILE = "processes/decide-whether-to-issue.dmn";
  private static final List<String> ALL_FILES = List.of(ASSESS_FILE, ADVICE_FILE, ISSUE_FILE);

  private static final String DMNDI = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
  private static final String DC = "http://www.omg.org/spec/DMN/20180521/DC/";
  private static final String MODEL = "https://www.omg.org/spec/DMN/20191111/MODEL/";

  private static DmnEngine engine;

  /** The rules that produced the result of the last evaluation (after the hit policy). */
  private static List<String> matchedRules = List.of();

  private static DmnDecision assess;
  private static DmnDecision advice;
  private static DmnDecision issue;

  @BeforeAll
  static void parseTheTables() throws IOException {
    engine =
        DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
            .customPostDecisionTableEvaluationListeners(
                List.of(
                    event ->
                        matchedRules =
                            event.getMatchingRules().stream()
                                .map(DmnEvaluatedDecisionRule::getId)
                                .toList()))
            .buildEngine();
    assess = parse(ASSESS_FILE, "decision_recommendWhetherToAssess");
    advice = parse(ADVICE_FILE, "decision_adviceRequired");
    issue = parse(ISSUE_FILE, "decision_recommendWhetherToIssue");
  }

  private static DmnDecision parse(String file, String decisionKey) throws IOException {
    try (InputStream in = new FileInputStream(file)) {
      return engine.parseDecision(decisionKey, in);
    }
  }

  /** Variables; a key given with a null value is passed as an explicit null. */
  private static Map<String, Object> vars(Object... keysAndValues) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      variables.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return variables;
  }

  private static DmnDecisionResult evaluate(DmnDecision decision, Map<String, Object> variables) {
    matchedRules = List.of();
    return engine.evaluateDecision(decision, variables);
  }

  // -------------------------------------------------------------------------------------------
  @Nested
  class RecommendWhetherToAssess {

    private DmnDecisionResultEntries recommend(Object... keysAndValues) {
      DmnDecisionResult result = evaluate(assess, vars(keysAndValues));
      assertThat(result).hasSize(1);
      return result.getSingleResult();
    }

    private void assertAssess(DmnDecisionResultEntries result, String rule) {
      assertThat(matchedRules).containsExactly(rule);
      assertThat((String) result.getEntry("assessRecommendation")).isEqualTo("assess");
      assertThat((String) result.getEntry("assessRecommendationReason")).contains("s.36(8)");
    }

    @Test
    void a_child_with_needs_across_education_health_and_care_is_recommended_for_assessment() {
      var result =
          recommend(
              "needsAcrossEducationHealthCare",
              true,
              "graduatedApproachCycles",
              0,
              "progressDespiteSupport",
              true,
              "ageInYears",
              9,
              "lookedAfter",
              false);
      assertAssess(result, "rule_needsAcrossServices");
      assertThat((String) result.getEntry("assessRecommendationReason"))
          .contains("needs across education, health and social care");
    }

    @Test
    void a_looked_after_child_is_recommended_for_assessment_even_when_progressing_with_support() {
      var result =
          recommend(
              "needsAcrossEducationHealthCare",
              false,
              "graduatedApproachCycles",
              1,
              "progressDespiteSupport",
              true,
              "ageInYears",
              11,
              "lookedAfter",
              true);
      assertAssess(result, "rule_lookedAfterChild");
      assertThat((String) result.getEntry("assessRecommendationReason")).contains("looked after");
    }

    @Test
    void
        a_child_without_expected_progress_after_two_cycles_of_sen_support_is_recommended_for_assessment() {
      var result =
          recommend(
              "needsAcrossEducationHealthCare",
              false,
              "graduatedApproachCycles",
              2,
              "progressDespiteSupport",
              false,
              "ageInYears",
              8,
              "lookedAfter",
              false);
      assertAssess(result, "rule_noProgressAfterTwoCycles");
      assertThat((String) result.getEntry("assessRecommendationReason"))
          .contains("two or more cycles");
    }

    @Test
    void a_child_under_five_not_shown_to_progress_with_support_is_recommended_for_assessment() {
      var result =
          recommend(
              "needsAcrossEducationHealthCare",
              false,
              "graduatedApproachCycles",
              0,
              "progressDespiteSupport",
              false,
              "ageInYears",
              3,
              "lookedAfter",
              false);
      assertAssess(result, "rule_underFiveWithEvidenceOfNeeds");
      assertThat((String) result.getEntry("assessRecommendationReason")).contains("under five");
    }

    @Test
    void a_child_under_five_with_no_progress_evidence_yet_is_recommended_for_assessment() {
      assertAssess(
          recommend("ageInYears", 4, "progressDespiteSupport", null),
          "rule_underFiveWithEvidenceOfNeeds");
    }

    @Test
    void
        a_child_progressing_with_sen_support_in_place_and_no_needs_across_services_is_recommended_not_to_be_assessed() {
      var result =
          recommend(
              "needsAcrossEducationHealthCare",
              false,
              "graduatedApproachCycles",
              1,
              "progressDespiteSupport",
              true,
              "ageInYears",
              7,
              "lookedAfter",
              false);
      assertThat(matchedRules).containsExactly("rule_progressWithSupportInPlace");
      assertThat((String) result.getEntry("assessRecommendation")).isEqualTo("do-not-assess");
      assertThat((String) result.getEntry("assessRecommendationReason"))
          .contains("expected progress with the SEN support already in place")
          .contains("appeal");
    }

    @Test
    void
        a_child_whose_evidence_no_earlier_rule_settles_is_recommended_for_assessment_because_the_bar_is_low() {
      // progressing, but only after two or more cycles of support: not clear enough to recommend
      // refusal
      var result =
          recommend(
              "needsAcrossEducationHealthCare",
              false,
              "graduatedApproachCycles",
              3,
              "progressDespiteSupport",
              true,
              "ageInYears",
              10,
              "lookedAfter",
              false);
      assertAssess(result, "rule_otherwiseAssess");
      assertThat((String) result.getEntry("assessRecommendationReason")).contains("low");
    }

    @Test
    void with_no_evidence_recorded_at_all_the_recommendation_is_to_assess() {
      assertAssess(recommend(), "rule_otherwiseAssess");
    }

    @Test
    void with_every_input_explicitly_null_the_recommendation_is_to_assess() {
      assertAssess(
          recommend(
              "needsAcrossEducationHealthCare",
              null,
              "graduatedApproachCycles",
              null,
              "progressDespiteSupport",
              null,
              "ageInYears",
              null,
              "lookedAfter",
              null),
          "rule_otherwiseAssess");
    }

    @Test
    void
        progress_with_support_but_an_unknown_number_of_cycles_does_not_lead_to_a_recommendation_not_to_assess() {
      assertAssess(
          recommend("progressDespiteSupport", true, "graduatedApproachCycles", null),
          "rule_otherwiseAssess");
    }

    @Test
    void
        progress_with_support_and_unknown_needs_across_services_or_care_status_can_still_lead_to_do_not_assess() {
      recommend("progressDespiteSupport", true, "graduatedApproachCycles", 0);
      assertThat(matchedRules).containsExactly("rule_progressWithSupportInPlace");
    }

    @Test
    void needs_across_services_outrank_every_other_rule() {
      assertAssess(
          recommend(
              "needsAcrossEducationHealthCare",
              true,
              "lookedAfter",
              true,
              "graduatedApproachCycles",
              4,
              "progressDespiteSupport",
              false,
              "ageInYears",
              3),
          "rule_needsAcrossServices");
    }

    @Test
    void
        only_progress_with_support_under_two_cycles_without_needs_across_services_or_care_ever_leads_to_do_not_assess() {
      Boolean[] booleans = {true, false, null};
      Integer[] cycles = {null, 0, 1, 2, 5};
      Integer[] ages = {null, 2, 4, 5, 16};
      int combinations = 0;
      for (Boolean needsAcross : booleans) {
        for (Boolean lookedAfter : booleans) {
          for (Boolean progress : booleans) {
            for (Integer cycleCount : cycles) {
              for (Integer age : ages) {
                var result =
                    recommend(
                        "needsAcrossEducationHealthCare",
                        needsAcross,
                        "lookedAfter",
                        lookedAfter,
                        "progressDespiteSupport",
                        progress,
                        "graduatedApproachCycles",
                        cycleCount,
                        "ageInYears",
                        age);
                boolean refusalExpected =
                    Boolean.TRUE.equals(progress)
                        && !Boolean.TRUE.equals(needsAcross)
                        && !Boolean.TRUE.equals(lookedAfter)
                        && cycleCount != null
                        && cycleCount < 2;
                assertThat((String) result.getEntry("assessRecommendation"))
                    .as(
                        "needsAcross=%s lookedAfter=%s progress=%s cycles=%s age=%s",
                        needsAcross, lookedAfter, progress, cycleCount, age)
                    .isEqualTo(refusalExpected ? "do-not-assess" : "assess");
                combinations++;
              }
            }
          }
        }
      }
      assertThat(combinations).isEqualTo(3 * 3 * 3 * 5 * 5);
    }
  }

  // -------------------------------------------------------------------------------------------
  @Nested
  class AdviceRequired {

    private static final List<String> CORE_RULES =
        List.of(
            "rule_educationalAdvice",
            "rule_medicalAdvice",
            "rule_psychologicalAdvice",
            "rule_socialCareAdvice");

    private DmnDecisionResult adviceFor(Object... keysAndValues) {
      return evaluate(advice, vars(keysAndValues));
    }

    private static List<String> types(DmnDecisionResult result) {
      return result.collectEntries("adviceType");
    }

    private static DmnDecisionResultEntries row(DmnDecisionResult result, String adviceType) {
      return result.stream()
          .filter(entries -> adviceType.equals(entries.getEntry("adviceType")))
          .findFirst()
          .orElseThrow(
              () ->
                  new AssertionError("no " + adviceType + " advice in " + result.getResultList()));
    }

    private void assertCoreKindsOnly(DmnDecisionResult result) {
      assertThat(types(result))
          .containsExactly("educational", "medical", "psychological", "social-care");
      assertThat(matchedRules).containsExactlyElementsOf(CORE_RULES);
    }

    @Test
    void educational_advice_is_always_sought_from_the_education_setting() {
      var result =
          adviceFor(
              "yearGroup", 3, "hearingOrVisionImpairment", false, "parentRequestedAdvice", null);
      assertThat(matchedRules).contains("rule_educationalAdvice");
      assertThat((String) row(result, "educational").getEntry("adviserGroup"))
          .isEqualTo("education-setting");
      assertThat((String) row(result, "educational").getEntry("adviceLabel"))
          .isEqualTo("Educational advice (reg 6(1)(b))");
    }

    @Test
    void medical_advice_is_always_sought_from_health() {
      var result = adviceFor("yearGroup", 3);
      assertThat(matchedRules).contains("rule_medicalAdvice");
      assertThat((String) row(result, "medical").getEntry("adviserGroup")).isEqualTo("health");
      assertThat((String) row(result, "medical").getEntry("adviceLabel")).contains("reg 6(1)(c)");
    }

    @Test
    void psychological_advice_is_always_sought_from_educational_psychology() {
      var result = adviceFor("yearGroup", 3);
      assertThat(matchedRules).contains("rule_psychologicalAdvice");
      assertThat((String) row(result, "psychological").getEntry("adviserGroup"))
          .isEqualTo("educational-psychology");
      assertThat((String) row(result, "psychological").getEntry("adviceLabel"))
          .contains("reg 6(1)(d)");
    }

    @Test
    void social_care_advice_is_always_sought_from_social_care() {
      var result = adviceFor("yearGroup", 3);
      assertThat(matchedRules).contains("rule_socialCareAdvice");
      assertThat((String) row(result, "social-care").getEntry("adviserGroup"))
          .isEqualTo("social-care");
      assertThat((String) row(result, "social-care").getEntry("adviceLabel"))
          .contains("reg 6(1)(e)");
    }

    @Test
    void
        a_child_with_a_hearing_or_vision_impairment_also_gets_advice_from_a_qualified_teacher_of_the_deaf_or_visually_impaired() {
      var result = adviceFor("yearGroup", 2, "hearingOrVisionImpairment", true);
      assertThat(matchedRules).contains("rule_hearingOrVisionAdvice");
      assertThat((String) row(result, "hearing-vision").getEntry("adviserGroup"))
          .isEqualTo("education-setting");
      assertThat((String) row(result, "hearing-vision").getEntry("adviceLabel"))
          .contains("qualified teacher of the deaf or of the visually impaired")
          .contains("reg 6(3)");
    }

    @Test
    void a_child_in_year_9_gets_preparing_for_adulthood_advice_from_social_care() {
      var result = adviceFor("yearGroup", 9);
      assertThat(matchedRules).contains("rule_preparingForAdulthoodAdvice");
      assertThat((String) row(result, "preparing-for-adulthood").getEntry("adviserGroup"))
          .isEqualTo("social-care");
      assertThat((String) row(result, "preparing-for-adulthood").getEntry("adviceLabel"))
          .contains("reg 6(1)(g)");
    }

    @Test
    void a_young_person_beyond_year_9_also_gets_preparing_for_adulthood_advice() {
      assertThat(types(adviceFor("yearGroup", 13))).contains("preparing-for-adulthood");
    }

    @Test
    void a_parents_request_for_a_named_professional_is_commissioned_by_the_caseworker() {
      var result =
          adviceFor(
              "yearGroup",
              4,
              "parentRequestedAdvice",
              "  Independent speech and language therapist ");
      assertThat(matchedRules)
          .containsExactly(
              "rule_educationalAdvice",
              "rule_medicalAdvice",
              "rule_psychologicalAdvice",
              "rule_socialCareAdvice",
              "rule_parentRequestedAdvice");
      assertThat((String) row(result, "parent-requested").getEntry("adviserGroup"))
          .isEqualTo("la-caseworker");
      assertThat((String) row(result, "parent-requested").getEntry("adviceLabel"))
          .contains("reg 6(1)(h)")
          .endsWith(": Independent speech and language therapist");
    }

    @Test
    void
        a_year_10_child_with_a_hearing_impairment_gets_the_four_core_kinds_plus_preparing_for_adulthood_and_hearing_vision() {
      var result =
          adviceFor(
              "yearGroup", 10, "hearingOrVisionImpairment", true, "parentRequestedAdvice", "");
      assertThat(result.getResultList())
          .extracting(entries -> entries.get("adviceType"), entries -> entries.get("adviserGroup"))
          .containsExactly(
              tuple("educational", "education-setting"),
              tuple("medical", "health"),
              tuple("psychological", "educational-psychology"),
              tuple("social-care", "social-care"),
              tuple("hearing-vision", "education-setting"),
              tuple("preparing-for-adulthood", "social-care"));
    }

    @Test
    void a_year_8_child_without_impairment_gets_just_the_four_core_kinds() {
      assertCoreKindsOnly(adviceFor("yearGroup", 8, "hearingOrVisionImpairment", false));
    }

    @Test
    void nursery_and_reception_children_without_impairment_get_just_the_four_core_kinds() {
      assertCoreKindsOnly(adviceFor("yearGroup", -1, "hearingOrVisionImpairment", false));
      assertCoreKindsOnly(adviceFor("yearGroup", 0, "hearingOrVisionImpairment", false));
    }

    @Test
    void a_parents_request_adds_parent_requested_advice_to_the_other_kinds() {
      var result =
          adviceFor(
              "yearGroup",
              10,
              "hearingOrVisionImpairment",
              true,
              "parentRequestedAdvice",
              "Private occupational therapist");
      assertThat(types(result))
          .containsExactly(
              "educational",
              "medical",
              "psychological",
              "social-care",
              "hearing-vision",
              "preparing-for-adulthood",
              "parent-requested");
    }

    @Test
    void with_no_optional_variables_at_all_the_four_core_kinds_are_sought() {
      assertCoreKindsOnly(adviceFor());
    }

    @Test
    void with_every_input_explicitly_null_the_four_core_kinds_are_sought() {
      assertCoreKindsOnly(
          adviceFor(
              "yearGroup", null, "hearingOrVisionImpairment", null, "parentRequestedAdvice", null));
    }

    @Test
    void an_empty_or_blank_parent_request_adds_no_advice() {
      assertCoreKindsOnly(adviceFor("yearGroup", 5, "parentRequestedAdvice", ""));
      assertCoreKindsOnly(adviceFor("yearGroup", 5, "parentRequestedAdvice", "   "));
    }
  }

  // -------------------------------------------------------------------------------------------
  @Nested
  class RecommendWhetherToIssue {

    private DmnDecisionResultEntries recommend(Object... keysAndValues) {
      DmnDecisionResult result = evaluate(issue, vars(keysAndValues));
      assertThat(result).hasSize(1);
      return result.getSingleResult();
    }

    private void assertDoNotIssue(DmnDecisionResultEntries result, String rule) {
      assertThat(matchedRules).containsExactly(rule);
      assertThat((String) result.getEntry("issueRecommendation")).isEqualTo("do-not-issue");
      assertThat((String) result.getEntry("issueRecommendationReason"))
          .contains("SEN support")
          .contains("appeal")
          .contains("s.37(1)");
    }

    @Test
    void
        provision_beyond_what_the_setting_can_ordinarily_make_leads_to_a_recommendation_to_issue() {
      var result =
          recommend(
              "provisionBeyondSetting",
              true,
              "needsAcrossEducationHealthCare",
              false,
              "progressWithSenSupport",
              true);
      assertThat(matchedRules).containsExactly("rule_provisionBeyondSetting");
      assertThat((String) result.getEntry("issueRecommendation")).isEqualTo("issue");
      assertThat((String) result.getEntry("issueRecommendationReason"))
          .contains("resources ordinarily available")
          .contains("s.37(1)");
    }

    @Test
    void needs_across_education_health_and_care_lead_to_a_recommendation_to_issue() {
      var result =
          recommend(
              "provisionBeyondSetting",
              false,
              "needsAcrossEducationHealthCare",
              true,
              "progressWithSenSupport",
              false);
      assertThat(matchedRules).containsExactly("rule_needsAcrossServicesNeedPlan");
      assertThat((String) result.getEntry("issueRecommendation")).isEqualTo("issue");
      assertThat((String) result.getEntry("issueRecommendationReason"))
          .contains("needs across education, health and social care")
          .contains("s.37(1)");
    }

    @Test
    void
        progress_with_sen_support_and_nothing_beyond_the_setting_leads_to_a_recommendation_not_to_issue() {
      assertDoNotIssue(
          recommend(
              "provisionBeyondSetting",
              false,
              "needsAcrossEducationHealthCare",
              false,
              "progressWithSenSupport",
              true),
          "rule_progressWithSenSupport");
    }

    @Test
    void
        when_the_advice_shows_neither_provision_beyond_the_setting_nor_needs_across_services_the_recommendation_is_not_to_issue() {
      assertDoNotIssue(
          recommend(
              "provisionBeyondSetting",
              false,
              "needsAcrossEducationHealthCare",
              false,
              "progressWithSenSupport",
              false),
          "rule_otherwiseDoNotIssue");
    }

    @Test
    void provision_beyond_the_setting_outranks_progress_with_sen_support() {
      recommend("provisionBeyondSetting", true, "progressWithSenSupport", true);
      assertThat(matchedRules).containsExactly("rule_provisionBeyondSetting");
    }

    @Test
    void with_no_evidence_recorded_at_all_the_recommendation_is_not_to_issue() {
      assertDoNotIssue(recommend(), "rule_otherwiseDoNotIssue");
    }

    @Test
    void with_every_input_explicitly_null_the_recommendation_is_not_to_issue() {
      assertDoNotIssue(
          recommend(
              "provisionBeyondSetting",
              null,
              "needsAcrossEducationHealthCare",
              null,
              "progressWithSenSupport",
              null),
          "rule_otherwiseDoNotIssue");
    }

    @Test
    void progress_with_sen_support_and_unknown_other_evidence_uses_the_progress_rule() {
      assertDoNotIssue(recommend("progressWithSenSupport", true), "rule_progressWithSenSupport");
    }
  }

  // -------------------------------------------------------------------------------------------
  @Nested
  class Models {

    @Test
    void every_decision_has_a_history_time_to_live_and_every_rule_a_description()
        throws IOException {
      int decisions = 0;
      int rules = 0;
      for (String file : ALL_FILES) {
        DmnModelInstance model;
        try (InputStream in = new FileInputStream(file)) {
          model = Dmn.readModelFromStream(in);
        }
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
          decisions++;
          assertThat(decision.getCamundaHistoryTimeToLiveString())
              .as("%s %s TTL", file, decision.getId())
              .isEqualTo("3650");
          assertThat(decision.getDescription())
              .as("%s %s description", file, decision.getId())
              .isNotNull();
          assertThat(decision.getDescription().getTextContent()).isNotBlank();
        }
        for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
          for (Rule rule : table.getRules()) {
            rules++;
            assertThat(rule.getId()).as("%s rule id", file).matches("rule_[a-z][A-Za-z]+");
            assertThat(rule.getDescription())
                .as("%s %s description", file, rule.getId())
                .isNotNull();
            assertThat(rule.getDescription().getTextContent())
                .as("%s %s description", file, rule.getId())
                .isNotBlank()
                .containsAnyOf("CFA", "reg ", "Regulations");
          }
        }
      }
      assertThat(decisions).isEqualTo(3);
      assertThat(rules).isEqualTo(6 + 7 + 4);
    }

    @Test
    void no_element_carries_a_generated_id() throws Exception {
      for (String file : ALL_FILES) {
        List<String> ids = new ArrayList<>();
        collectIds(read(file).getDocumentElement(), ids);
        // business ids read kind_meaning (rule_needsAcrossServices); a modeler's generated ids
        // (DecisionRule_0abc123, UnaryTests_1x2y3z4, Input_1) start with a capital or a digit after
        // "_"
        assertThat(ids)
            .as(file)
            .isNotEmpty()
            .allMatch(id -> id.matches("[a-z][A-Za-z]*(_[a-z][A-Za-z0-9]*)+"), "is a business id");
        assertThat(new HashSet<>(ids)).as("%s ids are unique", file).hasSameSizeAs(ids);
      }
    }

    @Test
    void every_diagram_element_has_a_shape_and_no_two_shapes_overlap() throws Exception {
      for (String file : ALL_FILES) {
        Document doc = read(file);
        Set<String> drgElements = new HashSet<>();
        for (String type : List.of("decision", "inputData", "knowledgeSource")) {
          NodeList nodes = doc.getElementsByTagNameNS(MODEL, type);
          for (int i = 0; i < nodes.getLength(); i++) {
            drgElements.add(((Element) nodes.item(i)).getAttribute("id"));
          }
        }
        Set<String> requirements = new HashSet<>();
        for (String type : List.of("informationRequirement", "authorityRequirement")) {
          NodeList nodes = doc.getElementsByTagNameNS(MODEL, type);
          for (int i = 0; i < nodes.getLength(); i++) {
            requirements.add(((Element) nodes.item(i)).getAttribute("id"));
          }
        }

        NodeList shapes = doc.getElementsByTagNameNS(DMNDI, "DMNShape");
        Set<String> shaped = new HashSet<>();
        List<double[]> bounds = new ArrayList<>();
        for (int i = 0; i < shapes.getLength(); i++) {
          Element shape = (Element) shapes.item(i);
          shaped.add(shape.getAttribute("dmnElementRef"));
          Element b = (Element) shape.getElementsByTagNameNS(DC, "Bounds").item(0);
          bounds.add(
              new double[] {
                Double.parseDouble(b.getAttribute("x")), Double.parseDouble(b.getAttribute("y")),
                Double.parseDouble(b.getAttribute("width")),
                    Double.parseDouble(b.getAttribute("height"))
              });
        }
        NodeList edges = doc.getElementsByTagNameNS(DMNDI, "DMNEdge");
        Set<String> drawn = new HashSet<>();
        for (int i = 0; i < edges.getLength(); i++) {
          drawn.add(((Element) edges.item(i)).getAttribute("dmnElementRef"));
        }

        assertThat(shaped).as("%s shapes", file).isEqualTo(drgElements);
        assertThat(drawn).as("%s edges", file).isEqualTo(requirements);
        for (int i = 0; i < bounds.size(); i++) {
          for (int j = i + 1; j < bounds.size(); j++) {
            double[] a = bounds.get(i);
            double[] c = bounds.get(j);
            boolean overlap =
                a[0] < c[0] + c[2]
                    && c[0] < a[0] + a[2]
                    && a[1] < c[1] + c[3]
                    && c[1] < a[1] + a[3];
            assertThat(overlap)
                .as("%s: shapes %s and %s overlap", file, Arrays.toString(a), Arrays.toString(c))
                .isFalse();
          }
        }
      }
    }

    private static Document read(String file) throws Exception {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      try (InputStream in = new FileInputStream(file)) {
        return factory.newDocumentBuilder().parse(in);
      }
    }

    private static void collectIds(Element element, List<String> ids) {
      if (element.hasAttribute("id")) {
        ids.add(element.getAttribute("id"));
      }
      NodeList children = element.getChildNodes();
      for (int i = 0; i < children.getLength(); i++) {
        if (children.item(i) instanceof Element child) {
          collectIds(child, ids);
        }
      }
    }
  }
}
