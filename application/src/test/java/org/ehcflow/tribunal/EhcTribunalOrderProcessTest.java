package org.ehcflow.tribunal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ehcflow.support.TestCase.dueDate;
import static org.ehcflow.tribunal.TribunalOrderProcess.Elements.*;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.reporting.ComplianceFigures.CaseRef;
import org.ehcflow.reporting.ComplianceFigures.ClockTimeliness;
import org.ehcflow.reporting.ComplianceFigures.DeadlineFigure;
import org.ehcflow.reporting.ComplianceReport;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.EngineRest;
import org.ehcflow.support.TestCase;
import org.ehcflow.support.TestMail;
import org.ehcflow.vocabulary.Pathways;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A Tribunal order's compliance clocks (reg 44), an unopposed appeal (reg 45) and a mediation
 * agreement (reg 42): one test per route, every limit asserted as a date. The orders are made on
 * Wednesday 10 March 2027 unless a test says otherwise; a week is 7 calendar days from the order.
 */
@EhcIntegrationTest
class EhcTribunalOrderProcessTest {

  static final String MANAGERS = "send-managers@council.example";
  static final String ORDER_DATE = "2027-03-10";

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate http;
  @Autowired ComplianceReport compliance;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Map<String, Object> order(String childId, String orderType, String orderSource) {
    Map<String, Object> start = new HashMap<>();
    start.put("childId", childId);
    start.put("childName", "Noor Begum");
    start.put("parentEmail", parent(childId));
    start.put("orderType", orderType);
    start.put("orderDate", ORDER_DATE);
    start.put("orderSource", orderSource);
    start.put("appealReference", "EH123/27/00045");
    start.put("orderDetail", "The local authority shall " + orderType + ".");
    return start;
  }

  static String parent(String childId) {
    return "parent." + childId.toLowerCase() + "@example.org";
  }

  private TestCase start(Map<String, Object> variables) {
    return start(variables, ORDER_DATE + "T10:00");
  }

  private TestCase start(Map<String, Object> variables, String on) {
    return new TestCase(engine, mail).on(on).start(TribunalOrderProcess.KEY, null, variables);
  }

  static Map<String, Object> done(String date, String note) {
    Map<String, Object> done = new HashMap<>();
    done.put("stepDoneDate", date);
    done.put("stepDoneNote", note);
    return done;
  }

  private static String candidateGroup(ProcessEngine engine, Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> link.getGroupId() != null)
        .map(link -> link.getGroupId())
        .findFirst()
        .orElse(null);
  }

  private DeadlineFigure stepFigure(LocalDate today) {
    return compliance.figures(today.minusMonths(1), today, today).deadlines().stream()
        .filter(figure -> figure.kind().equals("tribunal-order-step"))
        .findFirst()
        .orElseThrow();
  }

  // The routes ------------------------------------------------------------------------------------

  @Test
  void an_order_to_assess_is_noticed_in_2_weeks_and_the_final_plan_sent_within_14_weeks_of_it() {
    TestCase order = start(order("TO-A1", "assess", "tribunal"));

    assertThat(order.variable("assessmentNoticeDue")).isEqualTo("2027-03-24");
    assertThat(order.variable("noPlanDecisionDue")).isEqualTo("2027-05-19");
    assertThat(order.variable("finalPlanDue")).isEqualTo("2027-06-16");
    assertThat(order.variable("complianceDue")).isEqualTo("2027-06-16");
    assertThat(order.variable("complianceSteps"))
        .isEqualTo("notify-assessment,no-plan-decision,final-plan");
    Task notice = order.task(COMPLY);
    assertThat(dueDate(notice)).isEqualTo("2027-03-24");
    assertThat(candidateGroup(engine, notice)).isEqualTo("la-caseworker");
    assertThat(notice.getName())
        .isEqualTo(
            "Comply with the order (tell the parent the council will assess): Noor Begum (TO-A1)");
    assertThat(order.variable("complianceStepEscalateOn")).isEqualTo("2027-03-17");
    assertThat(engine.getRuntimeService().getActiveActivityIds(order.id()))
        .contains(COMPLY)
        .doesNotContain(REVIEW_LIMIT_NEAR);

    order.on("2027-03-16T10:00").complete(COMPLY, done("2027-03-16", "Letter sent to the parent"));
    assertThat(order.variable("assessmentNoticeDate")).isEqualTo("2027-03-16");
    assertThat(order.subjectsTo(parent("TO-A1"))).hasSize(1);
    Task decision = order.task(COMPLY);
    assertThat(dueDate(decision)).isEqualTo("2027-05-19");
    assertThat(order.variable("complianceStep")).isEqualTo("no-plan-decision");
    assertThat(order.variable("complianceStepEscalateOn")).isEqualTo("2027-05-12");
    assertThat(engine.getRuntimeService().getVariable(order.id(), "stepDoneDate"))
        .as("the form starts empty")
        .isNull();

    Map<String, Object> issue = done("2027-05-10", "Panel agreed to issue a plan");
    issue.put("planDecision", "issue");
    order.on("2027-05-10T10:00").complete(COMPLY, issue);
    assertThat(order.variable("planDecisionDate")).isEqualTo("2027-05-10");
    Task finalPlan = order.task(COMPLY);
    assertThat(dueDate(finalPlan)).isEqualTo("2027-06-16");
    assertThat(order.variable("complianceStepEscalateOn")).isEqualTo("2027-06-09");

    order
        .on("2027-06-08T10:00")
        .complete(COMPLY, done("2027-06-08", "Final plan sent naming Oak Lane School"));
    assertThat(order.ended()).isTrue();
    assertThat(order.passed(END_COMPLIED)).isTrue();
    assertThat(order.passed(REVIEW_LIMIT_NEAR)).as("each step done before its warning").isFalse();
    assertThat(order.variable("finalPlanIssuedDate")).isEqualTo("2027-06-08");
    assertThat(order.variable("complianceDate")).isEqualTo("2027-06-08");
    assertThat(order.variable("compliedOnTime")).isEqualTo(true);
    assertThat(order.variable("orderLate")).isEqualTo(false);
    assertThat(order.subjectsTo(parent("TO-A1"))).hasSize(3);
  }

  @Test
  void an_assessment_that_ends_in_no_plan_is_decided_within_10_weeks_and_has_no_final_plan_step() {
    TestCase order = start(order("TO-A2", "assess", "unopposed"));
    order.on("2027-03-24T10:00").complete(COMPLY, done("2027-03-24", "Letter sent"));

    Map<String, Object> noPlan = done("2027-05-19", "Decision not to issue, with reasons, sent");
    assertThatThrownBy(() -> engine.getTaskService().complete(order.task(COMPLY).getId(), noPlan))
        .hasMessageContaining("planDecision: is required");
    noPlan.put("planDecision", "do-not-issue");
    order.on("2027-05-19T16:00").complete(COMPLY, noPlan);

    assertThat(order.ended()).isTrue();
    assertThat(order.passed(OPEN_NEXT_STEP)).as("opened only the decision").isTrue();
    assertThat(order.variable("complianceStep")).isEqualTo("no-plan-decision");
    assertThat(order.variable("planDecision")).isEqualTo("do-not-issue");
    assertThat(order.variable("planDecisionDate")).isEqualTo("2027-05-19");
    assertThat(order.variable("finalPlanIssuedDate")).isNull();
    assertThat(order.variable("complianceDate")).isEqualTo("2027-05-19");
    assertThat(order.variable("compliedOnTime")).as("on the last day is on time").isEqualTo(true);
  }

  @Test
  void an_order_to_make_a_plan_needs_the_draft_in_5_weeks_and_the_final_in_11_with_escalations() {
    TestCase order = start(order("TO-M1", "make-plan", "tribunal"));
    assertThat(order.variable("draftPlanDue")).isEqualTo("2027-04-14");
    assertThat(order.variable("finalPlanDue")).isEqualTo("2027-05-26");
    assertThat(order.variable("complianceDue")).isEqualTo("2027-05-26");
    assertThat(dueDate(order.task(COMPLY))).isEqualTo("2027-04-14");
    assertThat(order.variable("complianceStepEscalateOn")).isEqualTo("2027-04-07");

    order.on("2027-04-06T23:59");
    assertThat(order.tasks(REVIEW_LIMIT_NEAR)).isEmpty();
    order.on("2027-04-07T00:00");
    Task warned = order.task(REVIEW_LIMIT_NEAR);
    assertThat(candidateGroup(engine, warned)).isEqualTo("la-manager");
    assertThat(dueDate(warned)).isEqualTo("2027-04-14");
    assertThat(order.subjectsTo(MANAGERS))
        .containsExactly("Tribunal order limit near: Noor Begum (TO-M1), due 2027-04-14");
    assertThat(order.task(COMPLY)).as("the duty stays with the caseworker").isNotNull();
    assertThatThrownBy(() -> engine.getTaskService().complete(warned.getId(), Map.of()))
        .hasMessageContaining("escalationNote: is required");
    order.complete(REVIEW_LIMIT_NEAR, Map.of("escalationNote", "Draft promised for 13 April"));

    order.on("2027-04-14T23:59");
    assertThat(order.tasks(ACT_ON_LATE_ORDER)).isEmpty();
    assertThat(order.variable("orderLate")).isEqualTo(false);
    order.on("2027-04-15T00:00");
    assertThat(order.task(ACT_ON_LATE_ORDER)).isNotNull();
    assertThat(order.variable("orderLate")).isEqualTo(true);
    assertThat(order.subjectsTo(MANAGERS))
        .contains("Tribunal order limit passed: Noor Begum (TO-M1), was due 2027-04-14");
    assertThat(
            stepFigure(LocalDate.of(2027, 4, 15)).overdueCases().stream().map(CaseRef::businessKey))
        .as("the Cockpit compliance view")
        .contains("TO-TO-M1-2027-03-10-make-plan");

    order.on("2027-04-16T10:00").complete(COMPLY, done("2027-04-16", "Draft plan issued"));
    assertThat(
            stepFigure(LocalDate.of(2027, 4, 16)).overdueCases().stream().map(CaseRef::businessKey))
        .doesNotContain("TO-TO-M1-2027-03-10-make-plan");
    assertThat(order.tasks(ACT_ON_LATE_ORDER)).as("ended with the step").isEmpty();
    assertThat(order.variable("draftPlanIssuedDate")).isEqualTo("2027-04-16");
    assertThat(order.variable("compliedOnTime")).isEqualTo(false);
    assertThat(dueDate(order.task(COMPLY))).isEqualTo("2027-05-26");
    assertThat(order.variable("complianceStepEscalateOn")).isEqualTo("2027-05-19");

    order.on("2027-05-19T00:00");
    assertThat(order.task(REVIEW_LIMIT_NEAR)).isNotNull();
    assertThat(order.subjectsTo(MANAGERS))
        .contains("Tribunal order limit near: Noor Begum (TO-M1), due 2027-05-26");
    order.on("2027-05-20T10:00").complete(COMPLY, done("2027-05-20", "Final plan issued"));

    assertThat(order.ended()).isTrue();
    assertThat(order.variable("finalPlanIssuedDate")).isEqualTo("2027-05-20");
    assertThat(order.variable("complianceDate")).isEqualTo("2027-05-20");
    assertThat(order.variable("compliedOnTime")).as("the draft was late").isEqualTo(false);
    assertThat(order.subjectsTo(parent("TO-M1"))).hasSize(2);

    // Looking back, each step is a clock of its own: the late draft does not hide the final plan
    // sent on time, nor does the final plan hide the late draft.
    String key = "TO-TO-M1-2027-03-10-make-plan";
    LocalDate draftDue = LocalDate.of(2027, 4, 14);
    assertThat(clock(draftDue, "tribunal-draft-plan").lateOrMissed())
        .filteredOn(ref -> ref.businessKey().equals(key))
        .singleElement()
        .satisfies(ref -> assertThat(ref.date()).isEqualTo("2027-04-16"));
    LocalDate finalDue = LocalDate.of(2027, 5, 26);
    for (String kind : List.of("tribunal-final-plan", "tribunal-order-complied")) {
      ClockTimeliness finalPlan = clock(finalDue, kind);
      assertThat(finalPlan.onTime()).as(kind).isPositive();
      assertThat(finalPlan.lateOrMissed()).as(kind).noneMatch(ref -> ref.businessKey().equals(key));
    }
    assertThat(
            compliance.figures(draftDue, finalDue, finalDue).clocks().stream()
                .map(ClockTimeliness::kind))
        .as("the step in hand is a deadline while open, not a clock of its own")
        .doesNotContain("tribunal-order-step");
  }

  /** The clocks of a kind whose limit fell on the given day. */
  private ClockTimeliness clock(LocalDate due, String kind) {
    return compliance.figures(due, due, due.plusDays(1)).clocks().stream()
        .filter(figure -> figure.kind().equals(kind))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void changing_only_the_school_named_is_due_in_2_weeks() {
    TestCase order = start(order("TO-I1", "amend-placement", "tribunal"));
    assertThat(order.variable("complianceDue")).isEqualTo("2027-03-24");
    assertThat(dueDate(order.task(COMPLY))).isEqualTo("2027-03-24");
    assertThat(order.variable("complianceStepEscalateOn")).isEqualTo("2027-03-17");
    assertThat(order.variable("draftPlanDue")).isNull();
    assertThat(order.passed(ASK_FOR_RESPONSE)).as("no recommendation to answer").isFalse();

    order.on("2027-03-24T09:00").complete(COMPLY, done("2027-03-24", "Plan issued naming Elm"));
    assertThat(order.ended()).isTrue();
    assertThat(order.variable("compliedDate")).isEqualTo("2027-03-24");
    assertThat(order.variable("compliedOnTime")).isEqualTo(true);
    assertThat(order.subjectsTo(parent("TO-I1"))).hasSize(1);
  }

  @Test
  void amending_the_contents_with_or_without_section_i_or_after_a_won_cease_appeal_takes_5_weeks() {
    for (String type : new String[] {"amend-contents", "amend-contents-and-placement"}) {
      TestCase order = start(order("TO-B-" + type, type, "tribunal"));
      assertThat(order.variable("complianceDue")).as(type).isEqualTo("2027-04-14");
      assertThat(dueDate(order.task(COMPLY))).as(type).isEqualTo("2027-04-14");
      assertThat(order.variable("complianceStepEscalateOn")).as(type).isEqualTo("2027-04-07");
    }
    TestCase maintainAndAmend = start(order("TO-H2", "maintain-and-amend", "unopposed"));
    assertThat(maintainAndAmend.variable("complianceDue")).isEqualTo("2027-04-14");
    maintainAndAmend
        .on("2027-04-20T10:00")
        .complete(COMPLY, done("2027-04-20", "Amended plan issued; plan maintained throughout"));
    assertThat(maintainAndAmend.variable("compliedOnTime")).isEqualTo(false);
  }

  @Test
  void maintaining_or_ceasing_is_due_on_the_order_date_itself() {
    TestCase maintain = start(order("TO-H1", "maintain", "tribunal"), ORDER_DATE + "T09:00");
    assertThat(maintain.variable("complianceDue")).isEqualTo(ORDER_DATE);
    assertThat(dueDate(maintain.task(COMPLY))).isEqualTo(ORDER_DATE);
    assertThat(maintain.variable("complianceStepEscalateOn"))
        .as("never before the order")
        .isEqualTo(ORDER_DATE);
    assertThat(maintain.task(REVIEW_LIMIT_NEAR))
        .as("an immediate duty, warned at once")
        .isNotNull();

    TestCase cease = start(order("TO-C1", "cease", "tribunal"), ORDER_DATE + "T09:00");
    assertThat(dueDate(cease.task(COMPLY))).isEqualTo(ORDER_DATE);
    assertThat(cease.task(COMPLY).getName())
        .startsWith("Comply with the order (cease to maintain the plan)");
    cease.on("2027-03-11T00:00");
    assertThat(cease.task(ACT_ON_LATE_ORDER)).isNotNull();
    cease.on("2027-03-11T09:00").complete(COMPLY, done("2027-03-10", "Plan ceased; SEN2 updated"));
    assertThat(cease.variable("compliedDate")).isEqualTo(ORDER_DATE);
    assertThat(cease.variable("compliedOnTime")).isEqualTo(true);
    assertThat(cease.variable("orderLate")).as("late in the record, done on time").isEqualTo(true);
  }

  @Test
  void a_health_or_social_care_recommendation_is_answered_in_writing_within_5_weeks() {
    Map<String, Object> health = order("TO-R1", "health-recommendation", "tribunal");
    health.put("icbEmail", "send.icb@nhs.example");
    TestCase icb = start(health);
    Task answer = icb.task(COMPLY);
    assertThat(dueDate(answer)).isEqualTo("2027-04-14");
    assertThat(candidateGroup(engine, answer)).isEqualTo("health");
    assertThat(icb.variable("complianceStep")).isEqualTo("health-response");
    assertThat(icb.passed(ASK_FOR_RESPONSE)).isTrue();
    assertThat(icb.subjectsTo("send.icb@nhs.example"))
        .containsExactly("Tribunal recommendation to answer by 2027-04-14: Noor Begum (TO-R1)");

    TestCase social = start(order("TO-R2", "social-care-recommendation", "tribunal"));
    assertThat(dueDate(social.task(COMPLY))).isEqualTo("2027-04-14");
    assertThat(candidateGroup(engine, social.task(COMPLY))).isEqualTo("social-care");
    assertThat(social.passed(ASK_FOR_RESPONSE)).isTrue();
    assertThat(social.subjectsTo("dsco@council.example"))
        .as("no address given: the group's mailbox")
        .hasSize(1);
    social
        .on("2027-04-12T10:00")
        .complete(COMPLY, done("2027-04-12", "Written response sent to parent and council"));
    assertThat(social.ended()).isTrue();
  }

  @Test
  void an_agreed_action_is_due_in_2_weeks_unless_the_agreement_gives_its_own_date() {
    TestCase twoWeeks = start(order("TO-G1", "agreed-action", "mediation-agreement"));
    assertThat(twoWeeks.variable("complianceDue")).isEqualTo("2027-03-24");
    assertThat(dueDate(twoWeeks.task(COMPLY))).isEqualTo("2027-03-24");

    Map<String, Object> ownDate = order("TO-G2", "agreed-action", "mediation-agreement");
    ownDate.put("agreedActionDue", "2027-04-30");
    TestCase agreed = start(ownDate);
    assertThat(agreed.variable("complianceDue")).isEqualTo("2027-04-30");
    assertThat(dueDate(agreed.task(COMPLY))).isEqualTo("2027-04-30");
    assertThat(agreed.variable("complianceStepEscalateOn")).isEqualTo("2027-04-23");
  }

  @Test
  void the_warning_counts_working_days_back_over_easter_and_christmas() {
    // Limit Thursday 1 April 2027; Easter Monday 29 March and Good Friday 26 March do not count.
    Map<String, Object> easter = order("TO-E1", "amend-placement", "tribunal");
    easter.put("orderDate", "2027-03-18");
    TestCase beforeEaster = start(easter, "2027-03-18T10:00");
    assertThat(beforeEaster.variable("complianceDue")).isEqualTo("2027-04-01");
    assertThat(beforeEaster.variable("complianceStepEscalateOn")).isEqualTo("2027-03-23");
    beforeEaster.on("2027-03-22T23:59");
    assertThat(beforeEaster.tasks(REVIEW_LIMIT_NEAR)).isEmpty();
    beforeEaster.on("2027-03-23T00:00");
    assertThat(beforeEaster.task(REVIEW_LIMIT_NEAR)).isNotNull();

    // Limit Wednesday 29 December 2027; the substitute bank holidays of Monday 27 and Tuesday 28
    // December (Christmas and Boxing Day fall at the weekend) do not count.
    Map<String, Object> christmas = order("TO-X1", "amend-contents", "tribunal");
    christmas.put("orderDate", "2027-11-24");
    TestCase beforeChristmas = start(christmas, "2027-11-24T10:00");
    assertThat(beforeChristmas.variable("complianceDue")).isEqualTo("2027-12-29");
    assertThat(beforeChristmas.variable("complianceStepEscalateOn")).isEqualTo("2027-12-20");
  }

  @Test
  void an_exception_is_recorded_beside_the_limits_and_never_moves_them() {
    TestCase order = start(order("TO-X2", "make-plan", "tribunal"));
    order.on("2027-03-30T10:00");
    engine
        .getRuntimeService()
        .createMessageCorrelation(Pathways.Messages.EXCEPTION_RECORDED)
        .processInstanceId(order.id())
        .setVariable("exceptionGround", "absence-from-area")
        .setVariable("exceptionNote", "Family abroad 20 March to 10 April")
        .correlate();
    order.runJobs();

    assertThat(order.variable("exceptionsApply")).isEqualTo(true);
    assertThat(order.variable("exceptionGround")).isEqualTo("absence-from-area");
    assertThat(order.variable("exceptionRecordedDate")).isEqualTo("2027-03-30");
    assertThat(order.variable("draftPlanDue")).isEqualTo("2027-04-14");
    assertThat(dueDate(order.task(COMPLY))).isEqualTo("2027-04-14");

    Map<String, Object> late = done("2027-04-21", "Draft issued on the family's return");
    late.put("exceptionsApply", true);
    Map<String, Object> noGround = new HashMap<>(late);
    noGround.put("exceptionGround", null);
    assertThatThrownBy(() -> engine.getTaskService().complete(order.task(COMPLY).getId(), noGround))
        .hasMessageContaining("exceptionGround: is required when an exception applies");
    late.put("exceptionGround", "absence-from-area");
    order.on("2027-04-21T10:00").complete(COMPLY, late);
    assertThat(order.variable("compliedOnTime")).as("late, with an exception").isEqualTo(false);
    assertThat(order.variable("exceptionsApply")).isEqualTo(true);
    assertThat(order.variable("finalPlanDue")).isEqualTo("2027-05-26");
  }

  // Bad input -------------------------------------------------------------------------------------

  private void assertRefused(Map<String, Object> variables, String message) {
    ClockUtil.setCurrentTime(Timestamp.valueOf("2027-03-10 11:00:00"));
    long before =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(TribunalOrderProcess.KEY)
            .count();
    assertThatThrownBy(
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey(TribunalOrderProcess.KEY, variables))
        .hasMessageContaining(message);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(TribunalOrderProcess.KEY)
                .count())
        .as("nothing left behind")
        .isEqualTo(before);
  }

  @Test
  void a_bad_start_is_refused_naming_the_field_and_leaves_nothing_behind() {
    Map<String, Object> future = order("TO-BAD", "assess", "tribunal");
    future.put("orderDate", "2027-03-11");
    assertRefused(future, "orderDate: must not be in the future");

    Map<String, Object> before = order("TO-BAD", "agreed-action", "mediation-agreement");
    before.put("agreedActionDue", "2027-03-09");
    assertRefused(before, "agreedActionDue: cannot be before the agreement (orderDate 2027-03-10)");

    Map<String, Object> notAgreed = order("TO-BAD", "amend-contents", "tribunal");
    notAgreed.put("agreedActionDue", "2027-04-30");
    assertRefused(notAgreed, "agreedActionDue: is only for an agreed-action");

    assertRefused(order("TO-BAD", "amend-section-j", "tribunal"), "orderType: ");
    assertRefused(order("TO-BAD", "assess", "ombudsman"), "orderSource: ");
    assertRefused(
        order("TO-BAD", "agreed-action", "tribunal"),
        "orderSource: a agreed-action cannot come from 'tribunal'");
    assertRefused(
        order("TO-BAD", "health-recommendation", "mediation-agreement"),
        "orderSource: a health-recommendation cannot come from 'mediation-agreement'");

    Map<String, Object> misspelt = order("TO-BAD", "assess", "tribunal");
    misspelt.put("orderDat", "2027-03-10");
    assertRefused(misspelt, "orderDat: is not a variable of this process");
  }

  @Test
  void a_step_done_before_the_order_or_in_the_future_is_refused() {
    TestCase order = start(order("TO-D1", "amend-placement", "tribunal"));
    String task = order.task(COMPLY).getId();
    order.on("2027-03-15T10:00");
    assertThatThrownBy(
            () -> engine.getTaskService().complete(task, done("2027-03-09", "Backdated")))
        .hasMessageContaining("stepDoneDate: cannot be before the order (orderDate 2027-03-10)");
    assertThatThrownBy(() -> engine.getTaskService().complete(task, done("2027-03-16", "Tomorrow")))
        .hasMessageContaining("stepDoneDate: must not be in the future");
    Map<String, Object> decision = done("2027-03-15", "Plan issued");
    decision.put("planDecision", "issue");
    assertThatThrownBy(() -> engine.getTaskService().complete(task, decision))
        .hasMessageContaining("planDecision: is only for the decision after an ordered assessment");
    assertThat(order.variable("compliedDate")).isNull();
    assertThat(order.task(COMPLY).getId()).isEqualTo(task);
  }

  @Test
  void a_caseworker_starts_an_order_over_rest_and_a_future_order_date_is_a_400_naming_it() {
    ClockUtil.setCurrentTime(Timestamp.valueOf("2027-03-10 11:00:00"));
    Map<String, Object> good = order("TO-REST1", "amend-placement", "unopposed");
    Map<String, Object> bad = order("TO-REST2", "amend-placement", "unopposed");
    bad.put("orderDate", "2027-04-01");

    ResponseEntity<String> accepted =
        EngineRest.start(http, "caseworker", TribunalOrderProcess.KEY, good);
    ResponseEntity<String> refused =
        EngineRest.start(http, "caseworker", TribunalOrderProcess.KEY, bad);

    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(EngineRest.json(accepted).path("businessKey").asText())
        .isEqualTo("TO-TO-REST1-2027-03-10-amend-placement");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(EngineRest.errorMessage(refused)).contains("orderDate: must not be in the future");
  }
}
