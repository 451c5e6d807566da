package org.ehcflow.tribunal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.ehcflow.statutory.WorkingDayCalendar;
import org.ehcflow.vocabulary.Code;
import org.ehcflow.vocabulary.OrderSource;
import org.ehcflow.vocabulary.OrderType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reg 44 table as published in {@code processes/tribunal-compliance.dmn}, rule by rule, and the
 * dates the service makes of it for an order of Wednesday 10 March 2027.
 */
class TribunalComplianceTableTest {

  private static final DmnEngine DMN =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static final LocalDate ORDER = LocalDate.of(2027, 3, 10);
  private static DmnDecision table;

  @BeforeAll
  static void parse() throws IOException {
    try (InputStream dmn = new FileInputStream("processes/tribunal-compliance.dmn")) {
      table = DMN.parseDecision(TribunalOrderProcess.DECISION, dmn);
    }
  }

  private static Map<String, Object> row(String type, String source) {
    DmnDecisionTableResult result =
        DMN.evaluateDecisionTable(table, Map.of("orderType", type, "orderSource", source));
    return result.isEmpty() ? null : result.getSingleResult().getEntryMap();
  }

  /** The steps as "code weeks due-date", counted from the order. */
  private static List<String> steps(String type, String source) {
    return TribunalOrderService.steps(row(type, source), type, source).stream()
        .map(
            step ->
                step.step().code()
                    + " "
                    + step.weeks()
                    + " "
                    + TribunalOrderService.limit(step, ORDER, null))
        .toList();
  }

  @Test
  void each_order_has_its_reg_44_steps_and_limits_from_the_order_date() {
    assertThat(steps("assess", "tribunal"))
        .containsExactly(
            "notify-assessment 2 2027-03-24",
            "no-plan-decision 10 2027-05-19",
            "final-plan 14 2027-06-16");
    assertThat(steps("make-plan", "tribunal"))
        .containsExactly("draft-plan 5 2027-04-14", "final-plan 11 2027-05-26");
    assertThat(steps("amend-contents", "tribunal")).containsExactly("amend-contents 5 2027-04-14");
    assertThat(steps("amend-placement", "tribunal"))
        .containsExactly("amend-placement 2 2027-03-24");
    assertThat(steps("amend-contents-and-placement", "tribunal"))
        .containsExactly("amend-contents-and-placement 5 2027-04-14");
    assertThat(steps("maintain", "tribunal")).containsExactly("maintain 0 2027-03-10");
    assertThat(steps("maintain-and-amend", "tribunal"))
        .containsExactly("maintain-and-amend 5 2027-04-14");
    assertThat(steps("cease", "tribunal")).containsExactly("cease 0 2027-03-10");
    assertThat(steps("health-recommendation", "tribunal"))
        .containsExactly("health-response 5 2027-04-14");
    assertThat(steps("social-care-recommendation", "tribunal"))
        .containsExactly("social-care-response 5 2027-04-14");
    assertThat(steps("agreed-action", "mediation-agreement"))
        .containsExactly("agreed-action 2 2027-03-24");
  }

  @Test
  void a_concession_or_an_agreement_keeps_the_tribunals_limits() {
    for (String source : List.of("unopposed", "mediation-agreement")) {
      assertThat(steps("make-plan", source)).as(source).isEqualTo(steps("make-plan", "tribunal"));
      assertThat(steps("amend-placement", source))
          .as(source)
          .isEqualTo(steps("amend-placement", "tribunal"));
    }
  }

  @Test
  void who_complies_is_the_council_but_for_the_recommendations() {
    assertThat(row("health-recommendation", "tribunal")).containsEntry("complianceGroup", "health");
    assertThat(row("social-care-recommendation", "tribunal"))
        .containsEntry("complianceGroup", "social-care");
    assertThat(row("cease", "unopposed")).containsEntry("complianceGroup", "la-caseworker");
  }

  @Test
  void every_order_type_and_source_has_at_most_one_rule_and_only_the_named_pairs_have_none() {
    for (String type : Code.codes(OrderType.class)) {
      for (String source : Code.codes(OrderSource.class)) {
        boolean recommendation = type.endsWith("-recommendation");
        boolean agreed = type.equals("agreed-action");
        boolean expected =
            recommendation
                ? source.equals("tribunal")
                : !agreed || source.equals("mediation-agreement");
        // UNIQUE: a second matching rule would throw here.
        assertThat(row(type, source) != null).as(type + " from " + source).isEqualTo(expected);
      }
    }
  }

  @Test
  void an_agreements_own_date_replaces_the_two_weeks() {
    TribunalOrderService.Step agreed =
        TribunalOrderService.steps(
                row("agreed-action", "mediation-agreement"), "agreed-action", "mediation-agreement")
            .get(0);
    assertThat(TribunalOrderService.limit(agreed, ORDER, LocalDate.of(2027, 4, 30)))
        .isEqualTo("2027-04-30");
  }

  @Test
  void the_managers_warning_is_five_working_days_before_the_limit_and_never_before_the_order() {
    TribunalOrderService service =
        new TribunalOrderService(
            WorkingDayCalendar.withExtraClosedDays(List.of()),
            TribunalOrderService.ESCALATION_LEAD_WORKING_DAYS);
    assertThat(service.escalateOn(LocalDate.of(2027, 3, 24), ORDER)).isEqualTo("2027-03-17");
    assertThat(service.escalateOn(LocalDate.of(2027, 4, 1), LocalDate.of(2027, 3, 18)))
        .as("over Easter 2027")
        .isEqualTo("2027-03-23");
    assertThat(service.escalateOn(LocalDate.of(2027, 12, 29), LocalDate.of(2027, 11, 24)))
        .as("over Christmas 2027")
        .isEqualTo("2027-12-20");
    assertThat(service.escalateOn(ORDER, ORDER)).as("immediately").isEqualTo(ORDER);
  }
}
