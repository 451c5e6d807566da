package org.ehcflow.disagreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ehcflow.disagreement.DisagreementProcess.Elements.*;
import static org.ehcflow.support.TestCase.dueDate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.ehcflow.reporting.CaseChronology;
import org.ehcflow.reporting.ChronologyEntry;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.TestCase;
import org.ehcflow.support.TestMail;
import org.ehcflow.vocabulary.Pathways;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A family's disagreement, one test per route, with exact dates: the appeal window, mediation and
 * its certificate, the Tribunal, and the compliance clocks its orders start.
 */
@EhcIntegrationTest
class EhcDisagreementProcessTest {

  static final String PARENT = "parent.osei@example.org";
  static final String MANAGERS = "send-managers@council.example";

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired ProcessEngine engine;
  @Autowired CaseChronology chronology;

  private TestCase dispute;

  /**
   * The compliance process is another pathway's; a stand-in is deployed only while it is absent.
   */
  private String stubDeployment;

  @BeforeEach
  void tribunalOrderPathway() {
    if (engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(Pathways.TRIBUNAL_ORDER)
            .count()
        == 0) {
      stubDeployment =
          engine
              .getRepositoryService()
              .createDeployment()
              .name("test stand-in for " + Pathways.TRIBUNAL_ORDER)
              .addModelInstance(
                  "tribunal-order-stand-in.bpmn",
                  Bpmn.createExecutableProcess(Pathways.TRIBUNAL_ORDER)
                      .camundaHistoryTimeToLive(1)
                      .startEvent("startEvent_orderMade")
                      .endEvent("endEvent_orderRecorded")
                      .done())
              .deploy()
              .getId();
    }
  }

  @AfterEach
  void resetClockAndStandIn() {
    ClockUtil.reset();
    if (stubDeployment != null) {
      engine.getRepositoryService().deleteDeployment(stubDeployment, true);
    }
  }

  static Map<String, Object> dispute(String childId, String decisionType, String letter) {
    Map<String, Object> start = new HashMap<>();
    start.put("childId", childId);
    start.put("childName", "Kwame Osei");
    start.put("parentEmail", PARENT);
    start.put("decisionType", decisionType);
    start.put("decisionLetterDate", letter);
    start.put("sectionsDisputed", "B, f,I");
    return start;
  }

  private String disputeOn(String londonDateTime, Map<String, Object> start) {
    dispute = new TestCase(engine, mail).on(londonDateTime);
    String key = "DR-" + start.get("childId") + "-" + start.get("decisionLetterDate");
    dispute.start(DisagreementProcess.KEY, null, start);
    return key;
  }

  private void message(String businessKey, String name, Map<String, Object> variables) {
    engine
        .getRuntimeService()
        .createMessageCorrelation(name)
        .processInstanceBusinessKey(businessKey)
        .setVariables(variables)
        .correlate();
    dispute.runJobs();
  }

  private void certificate(String businessKey, String date) {
    message(
        businessKey,
        Pathways.Messages.MEDIATION_CERTIFICATE_ISSUED,
        Map.of("mediationCertificateDate", date));
  }

  private void mediationRequested(String businessKey, String date, boolean health) {
    message(
        businessKey,
        Pathways.Messages.MEDIATION_REQUESTED,
        Map.of(
            "mediationRequestedDate",
            date,
            "healthInIssue",
            health,
            "mediationIssues",
            "Speech and language therapy in section F"));
  }

  private void appealRegistered(String businessKey, String date, String reference) {
    message(
        businessKey,
        Pathways.Messages.APPEAL_REGISTERED,
        Map.of("appealRegisteredDate", date, "tribunalReference", reference));
  }

  static JsonValue ticked(String... codes) {
    return SpinValues.jsonValue(
            Arrays.stream(codes)
                .map(code -> "\"" + code + "\"")
                .reduce((a, b) -> a + "," + b)
                .map(list -> "[" + list + "]")
                .orElse("[]"))
        .create();
  }

  /** The compliance clocks started for the child, each as its start variables, by order type. */
  private List<Map<String, Object>> ordersFor(String childId) {
    List<HistoricProcessInstance> orders =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(Pathways.TRIBUNAL_ORDER)
            .variableValueEquals("childId", childId)
            .list();
    return orders.stream()
        .map(
            order -> {
              Map<String, Object> variables = new TreeMap<>();
              for (HistoricVariableInstance variable :
                  engine
                      .getHistoryService()
                      .createHistoricVariableInstanceQuery()
                      .processInstanceId(order.getId())
                      .list()) {
                variables.put(variable.getName(), variable.getValue());
              }
              variables.put("businessKey", order.getBusinessKey());
              return (Map<String, Object>) variables;
            })
        .sorted(Comparator.comparing(order -> (String) order.get("orderType")))
        .toList();
  }

  private void assertRefused(Runnable attempt, String... messageParts) {
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
    long variables = engine.getHistoryService().createHistoricVariableInstanceQuery().count();
    assertThatThrownBy(attempt::run)
        .satisfies(
            refusal -> {
              for (String part : messageParts) {
                assertThat(refusal).hasMessageContaining(part);
              }
            });
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count())
        .as("no case left behind")
        .isEqualTo(before);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().count())
        .as("nothing written")
        .isEqualTo(variables);
  }

  // ---------------------------------------------------------------------------------------------

  @Test
  void a_letter_of_15_january_may_be_appealed_until_15_march_and_the_dispute_ends_without_appeal() {
    String key = disputeOn("2027-01-20T10:00", dispute("C-WINDOW", "no-plan", "2027-01-15"));

    assertThat(dispute.variable("appealWindowEnds")).isEqualTo("2027-03-15");
    assertThat(dispute.variable("sectionsDisputed")).isEqualTo("B,F,I");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(dispute.id())
                .singleResult()
                .getBusinessKey())
        .isEqualTo(key)
        .isEqualTo("DR-C-WINDOW-2027-01-15");
    assertThat(dispute.subjectsTo(PARENT))
        .contains("We have your disagreement about Kwame Osei's EHC decision");
    assertThat(dispute.bodyTo(PARENT, "disagreement")).contains("2027-03-15");

    dispute.on("2027-03-15T23:59");
    assertThat(dispute.ended()).as("open all of the last day").isFalse();
    dispute.on("2027-03-16T00:00");
    assertThat(dispute.ended()).isTrue();
    assertThat(dispute.passed(END_NO_APPEAL)).isTrue();
    assertThat(dispute.passed(RECORD_TRIBUNAL_DIRECTIONS)).isFalse();
    assertThat(dispute.passed(RECORD_MEDIATION_OUTCOME)).isFalse();
  }

  @Test
  void
      a_certificate_of_1_march_moves_the_window_to_1_april_and_a_certificate_before_the_letter_is_refused() {
    String key =
        disputeOn("2027-01-20T10:00", dispute("C-CERT", "refusal-to-assess", "2027-01-15"));

    dispute.on("2027-03-01T10:00");
    assertRefused(
        () -> certificate(key, "2027-01-14"),
        "mediationCertificateDate: cannot be before the disputed decision's letter (2027-01-15)");
    assertRefused(
        () -> certificate(key, "2027-03-02"),
        "mediationCertificateDate: must not be in the future");
    assertThat(dispute.variable("appealWindowEnds")).isEqualTo("2027-03-15");

    certificate(key, "2027-03-01");
    assertThat(dispute.variable("appealWindowEnds")).isEqualTo("2027-04-01");

    dispute.on("2027-03-16T10:00");
    assertThat(dispute.ended()).as("the certificate's month is later").isFalse();
    dispute.on("2027-04-02T00:00");
    assertThat(dispute.passed(END_NO_APPEAL)).isTrue();
  }

  @Test
  void an_icb_not_told_within_3_working_days_is_escalated_to_the_managers_and_the_duty_stays() {
    // Monday 1 February 2027: the 3rd working day after is Thursday 4 February.
    String key = disputeOn("2027-01-20T10:00", dispute("C-ICB", "plan-content", "2027-01-19"));
    dispute.on("2027-02-01T10:00");
    mediationRequested(key, "2027-02-01", true);
    assertThat(dispute.variable("icbNotificationDue")).isEqualTo("2027-02-04");

    dispute.on("2027-02-04T23:59");
    assertThat(dispute.tasks(ESCALATE_LATE_ICB_NOTIFICATION)).isEmpty();
    dispute.on("2027-02-05T00:00");
    assertThat(dispute.passed(ICB_NOTIFICATION_OVERDUE)).isTrue();
    Task escalation = dispute.task(ESCALATE_LATE_ICB_NOTIFICATION);
    assertThat(
            engine.getTaskService().getIdentityLinksForTask(escalation.getId()).stream()
                .map(link -> link.getGroupId())
                .filter(java.util.Objects::nonNull))
        .containsExactly("la-manager");
    assertThat(dispute.subjectsTo(MANAGERS))
        .containsExactly("ICB not told of mediation on health: Kwame Osei, due by 2027-02-04");
    assertThat(dispute.bodyTo(MANAGERS, "ICB not told"))
        .contains("Mediation requested: 2027-02-01")
        .contains("within 3 working days, by 2027-02-04");
    assertThat(dispute.tasks(TELL_ICB)).as("the duty stays with the caseworker").hasSize(1);

    dispute.on("2027-02-08T10:00");
    dispute.complete(TELL_ICB, Map.of("icbToldDate", "2027-02-08"));
    assertThat(dispute.variable("icbToldDate")).isEqualTo("2027-02-08");
    assertThat(dispute.tasks(RECORD_MEDIATION_OUTCOME)).hasSize(1);
    assertThat(dispute.tasks(ESCALATE_LATE_ICB_NOTIFICATION))
        .as("the manager's record of what was done stays open until written")
        .hasSize(1);
  }

  @Test
  void a_mediation_request_on_christmas_eve_with_health_in_issue_gives_the_icb_until_31_december() {
    // Thursday 24 December 2026: Christmas Day (Friday), the weekend and Boxing Day's substitute
    // (Monday 28th) are not working days; the 3rd working day is Thursday 31 December.
    String key = disputeOn("2026-12-02T10:00", dispute("C-XMAS", "plan-content", "2026-12-01"));
    assertThat(dispute.variable("appealWindowEnds")).isEqualTo("2027-02-01");

    dispute.on("2026-12-24T10:00");
    mediationRequested(key, "2026-12-24", true);

    assertThat(dispute.variable("icbNotificationDue")).isEqualTo("2026-12-31");
    assertThat(dispute.variable("mediationDue")).isEqualTo("2027-01-23");
    assertThat(dueDate(dispute.task(TELL_ICB))).isEqualTo("2026-12-31");
    assertThat(dispute.subjectsTo(PARENT))
        .contains("Mediation for Kwame Osei: to be held by 2027-01-23");

    assertThatThrownBy(() -> dispute.complete(TELL_ICB, Map.of("icbToldDate", "2026-12-23")))
        .hasMessageContaining("icbToldDate: cannot be before the mediation request (2026-12-24)");
    dispute.on("2026-12-29T10:00");
    dispute.complete(TELL_ICB, Map.of("icbToldDate", "2026-12-29"));
    assertThat(dispute.passed(ICB_NOTIFICATION_OVERDUE)).as("told in time").isFalse();
    assertThat(dueDate(dispute.task(RECORD_MEDIATION_OUTCOME))).isEqualTo("2027-01-23");

    dispute.on("2027-01-23T23:59");
    assertThat(dispute.tasks(ESCALATE_LATE_MEDIATION)).isEmpty();
    dispute.on("2027-01-24T00:00");
    assertThat(dispute.tasks(ESCALATE_LATE_MEDIATION)).hasSize(1);
    assertThat(dispute.tasks(RECORD_MEDIATION_OUTCOME)).as("the duty stays").hasSize(1);
    assertThat(dispute.subjectsTo(MANAGERS))
        .contains("Mediation not recorded: Kwame Osei, due by 2027-01-23");

    // Not arranged: the council tells the adviser on Monday 25 January; the certificate is due by
    // Thursday 28th, and the window is held open to a month after that until the certificate comes.
    dispute.on("2027-01-25T10:00");
    dispute.complete(
        RECORD_MEDIATION_OUTCOME,
        Map.of("mediationOutcome", "not-arranged", "mediationEndedDate", "2027-01-25"));
    assertThat(dispute.variable("certificateDueBy")).isEqualTo("2027-01-28");
    assertThat(dispute.variable("appealWindowEnds")).isEqualTo("2027-02-28");
    assertThat(dispute.subjectsTo(PARENT))
        .contains("Mediation for Kwame Osei: your certificate is due by 2027-01-28");
    assertThat(dispute.passed(START_AGREED_ACTIONS)).isFalse();

    dispute.on("2027-01-27T10:00");
    certificate(key, "2027-01-27");
    assertThat(dispute.variable("appealWindowEnds")).isEqualTo("2027-02-27");
    assertThat(ordersFor("C-XMAS")).isEmpty();
  }

  @Test
  void a_mediation_agreement_starts_a_compliance_clock_per_agreed_action() {
    String key = disputeOn("2027-01-18T10:00", dispute("C-AGREE", "plan-content", "2027-01-15"));
    dispute.on("2027-01-20T10:00");
    assertRefused(
        () -> mediationRequested(key, "2027-01-14", false),
        "mediationRequestedDate: cannot be before the disputed decision's letter (2027-01-15)");
    mediationRequested(key, "2027-01-20", false);
    assertThat(dispute.passed(TELL_ICB)).as("no health issue: no ICB to tell").isFalse();
    assertThat(dispute.variable("icbNotificationDue")).isNull();
    assertThat(dispute.variable("mediationDue")).isEqualTo("2027-02-19");

    dispute.on("2027-02-10T15:00");
    assertThatThrownBy(
            () ->
                dispute.complete(
                    RECORD_MEDIATION_OUTCOME,
                    Map.of(
                        "mediationOutcome",
                        "agreement",
                        "mediationEndedDate",
                        "2027-02-10",
                        "agreementDate",
                        "2027-02-10")))
        .hasMessageContaining("agreedOrders: tick at least one agreed action");
    dispute.complete(
        RECORD_MEDIATION_OUTCOME,
        Map.of(
            "mediationOutcome",
            "agreement",
            "mediationEndedDate",
            "2027-02-10",
            "agreementDate",
            "2027-02-10",
            "agreedOrders",
            ticked("amend-contents", "agreed-action"),
            "agreedActions",
            "Weekly speech and language therapy in section F; a meeting with the school"));

    // Wednesday 10 February: the certificate by Monday 15th, so the window stays at 15 March.
    assertThat(dispute.variable("certificateDueBy")).isEqualTo("2027-02-15");
    assertThat(dispute.variable("appealWindowEnds")).isEqualTo("2027-03-15");
    assertThat(dispute.variable("ordersStarted")).isEqualTo(2);
    List<Map<String, Object>> orders = ordersFor("C-AGREE");
    assertThat(orders).hasSize(2);
    assertThat(orders.get(0))
        .containsEntry("orderType", "agreed-action")
        .containsEntry("orderDate", "2027-02-10")
        .containsEntry("orderSource", "mediation-agreement")
        .containsEntry("agreedActionDue", "2027-02-24")
        .containsEntry("childName", "Kwame Osei")
        .containsEntry("parentEmail", PARENT)
        .containsEntry(
            "orderDetail",
            "Weekly speech and language therapy in section F; a meeting with the school")
        .doesNotContainKey("appealReference");
    assertThat(orders.get(1))
        .containsEntry("orderType", "amend-contents")
        .containsEntry("orderDate", "2027-02-10")
        .containsEntry("orderSource", "mediation-agreement")
        .containsEntry("businessKey", "TO-C-AGREE-2027-02-10-amend-contents")
        .doesNotContainKey("agreedActionDue");
    assertThat(dispute.ended()).as("the family may still appeal").isFalse();

    // Asked again, on health this time: a mediation of its own, whose outcome is not taken for
    // the first one's agreement.
    dispute.on("2027-02-22T10:00");
    mediationRequested(key, "2027-02-22", true);
    assertThat(dispute.variable("mediationDue")).isEqualTo("2027-03-24");
    assertThat(dispute.variable("icbNotificationDue")).isEqualTo("2027-02-25");
    assertThat(dispute.variable("agreementDate")).as("the first mediation's, in history").isNull();
    dispute.on("2027-02-23T10:00");
    dispute.complete(TELL_ICB, Map.of("icbToldDate", "2027-02-23"));
    dispute.on("2027-03-05T10:00");
    dispute.complete(
        RECORD_MEDIATION_OUTCOME,
        Map.of("mediationOutcome", "no-agreement", "mediationEndedDate", "2027-03-05"));
    assertThat(dispute.variable("mediationOutcome")).isEqualTo("no-agreement");
    assertThat(dispute.variable("certificateDueBy")).isEqualTo("2027-03-10");
    assertThat(ordersFor("C-AGREE")).as("no agreement: nothing more to comply with").hasSize(2);
    assertThat(dispute.ended()).isFalse();
  }

  @Test
  void an_appeal_runs_from_the_directions_through_the_response_to_the_tribunals_orders() {
    String key = disputeOn("2027-01-18T10:00", dispute("C-APPEAL", "plan-content", "2027-01-15"));
    dispute.on("2027-03-10T10:00");
    appealRegistered(key, "2027-03-10", "EH123/27/00042");
    assertThat(dispute.tasks(RECORD_TRIBUNAL_DIRECTIONS)).hasSize(1);

    assertThatThrownBy(
            () ->
                dispute.complete(
                    RECORD_TRIBUNAL_DIRECTIONS,
                    Map.of(
                        "responseDue",
                        "2027-05-10",
                        "evidenceDue",
                        "2027-05-24",
                        "hearingDate",
                        "2027-03-01")))
        .hasMessageContaining("hearingDate: must be after the appeal was registered (2027-03-10)");
    dispute.complete(
        RECORD_TRIBUNAL_DIRECTIONS,
        Map.of(
            "responseDue", "2027-05-10", "evidenceDue", "2027-05-24", "hearingDate", "2027-06-21"));

    // 5 working days before Monday 10 May, skipping the early May bank holiday (Monday 3 May):
    // Friday 30 April.
    assertThat(dispute.variable("responseEscalationFrom")).isEqualTo("2027-04-30");
    assertThat(dueDate(dispute.task(SUBMIT_RESPONSE))).isEqualTo("2027-05-10");
    dispute.on("2027-04-29T23:59");
    assertThat(dispute.tasks(ESCALATE_LATE_RESPONSE)).isEmpty();
    dispute.on("2027-04-30T00:00");
    assertThat(dispute.tasks(ESCALATE_LATE_RESPONSE)).hasSize(1);
    assertThat(dispute.subjectsTo(MANAGERS))
        .contains("Tribunal response not sent: Kwame Osei (EH123/27/00042), due 2027-05-10");

    dispute.on("2027-05-07T10:00");
    dispute.complete(
        SUBMIT_RESPONSE, Map.of("appealResponse", "defend", "responseSubmittedDate", "2027-05-07"));
    assertThat(dispute.subjectsTo(PARENT))
        .contains("Your appeal for Kwame Osei (EH123/27/00042): our response is sent");

    dispute.on("2027-06-28T16:00");
    assertThatThrownBy(
            () ->
                dispute.complete(
                    RECORD_TRIBUNAL_DECISION,
                    Map.of(
                        "decisionDate",
                        "2027-03-09",
                        "tribunalOutcome",
                        "upheld",
                        "tribunalOrders",
                        ticked("amend-contents-and-placement"))))
        .hasMessageContaining(
            "decisionDate: cannot be before the appeal (registered) (2027-03-10)");
    assertThatThrownBy(
            () ->
                dispute.complete(
                    RECORD_TRIBUNAL_DECISION,
                    Map.of(
                        "decisionDate",
                        "2027-06-28",
                        "tribunalOutcome",
                        "upheld",
                        "tribunalOrders",
                        ticked("amend-everything"))))
        .hasMessageContaining("tribunalOrders: 'amend-everything' is not one of");
    dispute.complete(
        RECORD_TRIBUNAL_DECISION,
        Map.of(
            "decisionDate",
            "2027-06-28",
            "tribunalOutcome",
            "upheld",
            "tribunalOrders",
            ticked("amend-contents-and-placement", "health-recommendation"),
            "orderDetail",
            "Name Riverside Special School in section I"));

    assertThat(dispute.passed(END_DECIDED)).isTrue();
    assertThat(dispute.passed(START_CONCEDED_ORDERS)).isFalse();
    List<Map<String, Object>> orders = ordersFor("C-APPEAL");
    assertThat(orders).hasSize(2);
    assertThat(orders)
        .extracting(order -> order.get("orderType"))
        .containsExactly("amend-contents-and-placement", "health-recommendation");
    assertThat(orders)
        .allSatisfy(
            order ->
                assertThat(order)
                    .containsEntry("orderDate", "2027-06-28")
                    .containsEntry("orderSource", "tribunal")
                    .containsEntry("appealReference", "EH123/27/00042")
                    .containsEntry("orderDetail", "Name Riverside Special School in section I")
                    .containsEntry("childId", "C-APPEAL"));
    assertThat(chronology.forChild("C-APPEAL"))
        .filteredOn(entry -> entry.pathway().equals(DisagreementProcess.KEY))
        .filteredOn(entry -> entry.kind().equals("decision"))
        .extracting(ChronologyEntry::detail)
        .as("the child's chronology shows the Tribunal's decision and what it ordered")
        .containsExactly("upheld: Name Riverside Special School in section I");
  }

  @Test
  void a_conceded_appeal_starts_the_conceded_orders_as_unopposed_from_the_concession() {
    String key =
        disputeOn("2027-01-18T10:00", dispute("C-CONCEDE", "refusal-to-assess", "2027-01-15"));
    dispute.on("2027-03-10T10:00");
    appealRegistered(key, "2027-03-10", "EH123/27/00077");
    dispute.complete(
        RECORD_TRIBUNAL_DIRECTIONS,
        Map.of("responseDue", "2027-05-10", "evidenceDue", "2027-05-24"));
    assertThat(dispute.variable("hearingDate")).isNull();

    dispute.on("2027-04-01T10:00");
    assertThatThrownBy(
            () ->
                dispute.complete(
                    SUBMIT_RESPONSE,
                    Map.of(
                        "appealResponse",
                        "concede",
                        "concessionDate",
                        "2027-03-09",
                        "concededOrders",
                        ticked("assess"))))
        .hasMessageContaining(
            "concessionDate: cannot be before the appeal (registered) (2027-03-10)");
    dispute.complete(
        SUBMIT_RESPONSE,
        Map.of(
            "appealResponse",
            "concede",
            "concessionDate",
            "2027-04-01",
            "concededOrders",
            ticked("assess")));

    assertThat(dispute.passed(END_CONCEDED)).isTrue();
    assertThat(dispute.passed(SEND_RESPONSE_NOTICE)).isFalse();
    assertThat(dispute.passed(RECORD_TRIBUNAL_DECISION)).isFalse();
    assertThat(ordersFor("C-CONCEDE"))
        .singleElement()
        .satisfies(
            order ->
                assertThat(order)
                    .containsEntry("orderType", "assess")
                    .containsEntry("orderDate", "2027-04-01")
                    .containsEntry("orderSource", "unopposed")
                    .containsEntry("appealReference", "EH123/27/00077"));
  }

  @Test
  void a_cease_dispute_passes_the_certificate_and_the_appeal_to_the_childs_waiting_cease_case() {
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2026-11-26 10:00:00"));
    // The child's cease case, waiting on its decision of 25 November 2026 (window to 25 January).
    ProcessInstance ceasing =
        engine
            .getRuntimeService()
            .createProcessInstanceByKey(Pathways.CEASE_PLAN)
            .businessKey("AR-C-CEASE-2025-11-20")
            .startBeforeActivity("exclusiveGateway_awaitAppeal")
            .setVariables(
                Map.of(
                    "childId", "C-CEASE",
                    "childName", "Kwame Osei",
                    "dateOfBirth", "2010-05-01",
                    "parentEmail", PARENT,
                    "ceaseDecisionDate", "2026-11-25",
                    "appealWindowEnds", "2027-01-25"))
            .execute();
    String key = disputeOn("2026-11-26T10:00", dispute("C-CEASE", "cease", "2026-11-25"));
    assertThat(dispute.variable("appealWindowEnds")).isEqualTo("2027-01-25");

    dispute.on("2027-01-04T10:00");
    certificate(key, "2027-01-04");
    assertThat(dispute.variable("appealWindowEnds")).isEqualTo("2027-02-04");
    assertThat(engine.getRuntimeService().getVariable(ceasing.getId(), "appealWindowEnds"))
        .as("the plan is kept while the family may still appeal")
        .isEqualTo("2027-02-04");

    dispute.on("2027-01-20T10:00");
    appealRegistered(key, "2027-01-20", "EH123/27/00099");
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(ceasing.getId())
                .taskDefinitionKey("userTask_recordAppealOutcome")
                .count())
        .as("the cease case now waits for the appeal, keeping the plan")
        .isEqualTo(1);
    assertThat(dispute.tasks(RECORD_TRIBUNAL_DIRECTIONS)).hasSize(1);
  }

  @Test
  void a_cease_dispute_without_a_waiting_cease_case_goes_on_alone() {
    String key = disputeOn("2026-11-26T10:00", dispute("C-CEASE-ALONE", "cease", "2026-11-25"));

    dispute.on("2027-01-04T10:00");
    certificate(key, "2027-01-04");
    dispute.on("2027-01-20T10:00");
    appealRegistered(key, "2027-01-20", "EH123/27/00100");

    assertThat(dispute.variable("appealWindowEnds")).isEqualTo("2027-02-04");
    assertThat(dispute.tasks(RECORD_TRIBUNAL_DIRECTIONS)).hasSize(1);
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(Pathways.CEASE_PLAN)
                .variableValueEquals("childId", "C-CEASE-ALONE")
                .count())
        .isZero();
  }

  @Test
  void a_dispute_is_refused_naming_the_field_and_nothing_is_kept() {
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2027-01-20 10:00:00"));
    Map<String, Object> future = dispute("C-BAD", "no-plan", "2027-01-21");
    assertRefused(
        () -> engine.getRuntimeService().startProcessInstanceByKey(DisagreementProcess.KEY, future),
        "decisionLetterDate: must not be in the future");

    Map<String, Object> unknownDecision = dispute("C-BAD", "refusal-to-talk", "2027-01-15");
    assertRefused(
        () ->
            engine
                .getRuntimeService()
                .startProcessInstanceByKey(DisagreementProcess.KEY, unknownDecision),
        "decisionType: must be one of");

    // A hearing belongs to an appeal; a dispute cannot start with one.
    Map<String, Object> hearingWithoutAppeal = dispute("C-BAD", "no-plan", "2027-01-15");
    hearingWithoutAppeal.put("hearingDate", "2027-06-01");
    assertRefused(
        () ->
            engine
                .getRuntimeService()
                .startProcessInstanceByKey(DisagreementProcess.KEY, hearingWithoutAppeal),
        "hearingDate: is not a variable of this process");

    Map<String, Object> badSections = dispute("C-BAD", "plan-content", "2027-01-15");
    badSections.put("sectionsDisputed", "B,Z");
    assertRefused(
        () ->
            engine
                .getRuntimeService()
                .startProcessInstanceByKey(DisagreementProcess.KEY, badSections),
        "sectionsDisputed: must list plan sections A to K");

    String key = disputeOn("2027-01-20T10:00", dispute("C-BAD", "no-plan", "2027-01-15"));
    assertRefused(
        () -> appealRegistered(key, "2027-01-10", "EH123/27/00001"),
        "appealRegisteredDate: cannot be before the disputed decision's letter (2027-01-15)");
    assertThat(dispute.variable("appealRegisteredDate")).isNull();
    assertThat(dispute.passed(RECORD_TRIBUNAL_DIRECTIONS)).isFalse();
  }
}
