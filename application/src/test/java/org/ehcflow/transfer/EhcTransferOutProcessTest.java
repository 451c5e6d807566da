package org.ehcflow.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ehcflow.support.TestCase.dueDate;
import static org.ehcflow.transfer.TransferOutProcess.Elements.*;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.ehcflow.reporting.ComplianceFigures.CaseRef;
import org.ehcflow.reporting.ComplianceFigures.DeadlineFigure;
import org.ehcflow.reporting.ComplianceReport;
import org.ehcflow.statutory.WorkingDayCalendar;
import org.ehcflow.support.Cases;
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
 * A plan's transfer to another council (reg 15): on the move date when the council knew 15 working
 * days ahead, otherwise 15 working days from becoming aware (counted across Christmas and Easter);
 * the notices; the child's review and assessment here ending; the late route; bad starts.
 */
@EhcIntegrationTest
class EhcTransferOutProcessTest {

  static final String PARENT = "parent.nowak@example.org";
  static final String NEW_COUNCIL = "send@northshire.example";
  static final String NEW_ICB = "send@northshire-icb.example";
  static final String MANAGERS = "send-managers@council.example";

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate http;
  @Autowired WorkingDayCalendar workingDays;
  @Autowired ComplianceReport compliance;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Map<String, Object> move(String childId, String awareDate, String moveDate) {
    Map<String, Object> start = new HashMap<>();
    start.put("childId", childId);
    start.put("childName", "Zofia Nowak");
    start.put("parentEmail", PARENT);
    start.put("newCouncil", "Northshire County Council");
    start.put("newCouncilEmail", NEW_COUNCIL);
    start.put("awareDate", awareDate);
    if (moveDate != null) {
      start.put("moveDate", moveDate);
    }
    return start;
  }

  private TestCase annualReview(String childId, String on) {
    TestCase review = new TestCase(engine, mail).on(on);
    Map<String, Object> plan = new HashMap<>();
    plan.put("childId", childId);
    plan.put("childName", "Zofia Nowak");
    plan.put("dateOfBirth", "2015-09-03");
    plan.put("parentEmail", PARENT);
    plan.put("planIssuedDate", "2026-09-01");
    review.start(Pathways.ANNUAL_REVIEW, "AR-" + childId + "-2026-09-01", plan);
    return review;
  }

  @Test
  void a_transfer_known_fifteen_working_days_ahead_happens_on_the_move_date() {
    TestCase review = annualReview("TO-AHEAD", "2027-03-01T09:00");
    TestCase transfer = new TestCase(engine, mail).on("2027-03-01T10:00");
    transfer.start(Pathways.TRANSFER_OUT, null, move("TO-AHEAD", "2027-03-01", "2027-04-30"));

    assertThat(transfer.variable("transferDue")).isEqualTo("2027-04-30");
    assertThat(dueDate(transfer.task(TRANSFER_THE_PLAN))).isEqualTo("2027-04-30");
    assertThat(groups(transfer.task(TRANSFER_THE_PLAN).getId())).containsExactly("la-caseworker");
    assertThat(transfer.variable("icbChanges")).isEqualTo(false);

    transfer.on("2027-04-30T10:00");
    transfer.complete(TRANSFER_THE_PLAN, Map.of("transferredDate", "2027-04-30"));

    assertThat(transfer.ended()).isTrue();
    assertThat(transfer.passed(END_TRANSFERRED)).isTrue();
    assertThat(transfer.passed(TELL_NEW_ICB)).as("the ICB does not change").isFalse();
    assertThat(transfer.passed(ESCALATE_LATE)).isFalse();
    assertThat(transfer.variable("transferLate")).isEqualTo(false);
    assertThat(transfer.variable("transferredDate")).isEqualTo("2027-04-30");
    assertThat(transfer.variable("ceaseReason")).isEqualTo("5");
    assertThat(transfer.variable("planCeasedDate")).isEqualTo("2027-04-30");
    assertThat(transfer.subjectsTo(NEW_COUNCIL))
        .containsExactly("EHC plan transferred to you (reg 15): Zofia Nowak (TO-AHEAD)");
    assertThat(transfer.subjectsTo(PARENT))
        .containsExactly("Zofia Nowak's EHC plan has transferred to Northshire County Council");
    assertThat(transfer.subjectsTo(NEW_ICB)).isEmpty();

    assertThat(review.ended()).as("the review here ends with the plan").isTrue();
    assertThat(transfer.variable("endedReviews")).isEqualTo(1);
    assertThat(transfer.variable("endedAssessments")).isEqualTo(0);
    assertThat(review.variable("supersededBy")).isEqualTo("MOVE-OUT-TO-AHEAD-2027-03-01");
    assertThat(review.variable("ceaseReason")).as("SEN2: transferred to another LA").isEqualTo("5");
    assertThat(review.variable("planCeasedDate")).isEqualTo("2027-04-30");
  }

  @Test
  void
      a_move_told_less_than_fifteen_working_days_ahead_across_christmas_is_due_fifteen_working_days_after_awareness() {
    // 15 working days after Monday 14 December 2026, not counting Christmas Day (Friday 25), the
    // Boxing Day substitute (Monday 28) or New Year's Day (Friday 1 January): 7 January 2027,
    // after the move on 5 January, which was only 13 working days ahead.
    assertThat(workingDays.after(LocalDate.of(2026, 12, 14), 15)).isEqualTo("2027-01-07");
    assertThat(workingDays.between(LocalDate.of(2026, 12, 14), LocalDate.of(2027, 1, 5)))
        .isEqualTo(13);

    TestCase transfer = new TestCase(engine, mail).on("2026-12-14T10:00");
    Map<String, Object> start = move("TO-XMAS", "2026-12-14", "2027-01-05");
    start.put("icbChanges", true);
    start.put("icbEmail", NEW_ICB);
    transfer.start(Pathways.TRANSFER_OUT, null, start);

    assertThat(transfer.variable("transferDue")).isEqualTo("2027-01-07");
    assertThat(dueDate(transfer.task(TRANSFER_THE_PLAN))).isEqualTo("2027-01-07");

    transfer.on("2027-01-07T23:00");
    assertThat(transfer.tasks(ESCALATE_LATE)).as("not late on its last day").isEmpty();
    transfer.on("2027-01-08T00:00");
    assertThat(transfer.variable("transferLate")).isEqualTo(true);
    assertThat(groups(transfer.task(ESCALATE_LATE).getId())).containsExactly("la-manager");
    assertThat(transfer.subjectsTo(MANAGERS))
        .containsExactly("Plan transfer late (reg 15): Zofia Nowak (TO-XMAS), due by 2027-01-07");
    assertThat(transfer.task(TRANSFER_THE_PLAN)).as("the duty continues").isNotNull();
    assertThat(transferFigure(LocalDate.of(2027, 1, 8)).overdueCases())
        .extracting(CaseRef::businessKey)
        .as("managers see it late in Cockpit's compliance figures")
        .containsExactly("MOVE-OUT-TO-XMAS-2026-12-14");

    transfer.on("2027-01-11T10:00");
    transfer.complete(TRANSFER_THE_PLAN, Map.of("transferredDate", "2027-01-11"));

    assertThat(transfer.tasks(ESCALATE_LATE)).as("closed once the plan has gone").isEmpty();
    assertThat(transfer.ended()).isTrue();
    assertThat(transfer.variable("transferLate")).isEqualTo(true);
    assertThat(transferFigure(LocalDate.of(2027, 1, 11)).overdueCases()).isEmpty();
    assertThat(transfer.passed(TELL_NEW_ICB)).isTrue();
    assertThat(transfer.subjectsTo(NEW_ICB))
        .containsExactly(
            "EHC plan transferred: Zofia Nowak (TO-XMAS) moves to Northshire County Council");
    assertThat(transfer.bodyTo(NEW_ICB, "EHC plan transferred")).contains("2027-01-11");
    assertThat(transfer.variable("endedReviews")).as("no review running here").isEqualTo(0);
  }

  @Test
  void
      a_move_told_less_than_fifteen_working_days_ahead_across_easter_ends_the_assessment_in_progress_as_moved() {
    // 15 working days after Monday 15 March 2027, not counting Good Friday (26 March) and Easter
    // Monday (29 March): 7 April, after the move on 6 April.
    assertThat(workingDays.after(LocalDate.of(2027, 3, 15), 15)).isEqualTo("2027-04-07");

    TestCase assessment = new TestCase(engine, mail).on("2027-03-01T10:00");
    assessment.start(
        Pathways.NEEDS_ASSESSMENT,
        "EHCNA-TO-EASTER-2027-03-01",
        Map.of(
            "childId",
            "TO-EASTER",
            "childName",
            "Zofia Nowak",
            "dateOfBirth",
            "2015-09-03",
            "requestReceivedDate",
            "2027-03-01",
            "requester",
            "parent",
            "parentEmail",
            PARENT));
    assertThat(assessment.ended()).isFalse();

    TestCase transfer = new TestCase(engine, mail).on("2027-03-15T10:00");
    transfer.start(Pathways.TRANSFER_OUT, null, move("TO-EASTER", "2027-03-15", "2027-04-06"));
    assertThat(transfer.variable("transferDue")).isEqualTo("2027-04-07");
    assertThat(dueDate(transfer.task(TRANSFER_THE_PLAN))).isEqualTo("2027-04-07");

    transfer.on("2027-04-06T10:00");
    transfer.complete(TRANSFER_THE_PLAN, Map.of("transferredDate", "2027-04-06"));

    assertThat(transfer.ended()).isTrue();
    assertThat(transfer.variable("endedAssessments")).isEqualTo(1);
    assertThat(assessment.ended()).as("an assessment in progress does not transfer").isTrue();
    assertThat(assessment.passed("endEvent_childMovedAway")).isTrue();
    assertThat(assessment.variable("assessmentEndedAs")).isEqualTo("moved");
    assertThat(assessment.variable("movedAwayDate")).isEqualTo("2027-04-06");
    assertThat(assessment.variable("movedTo")).isEqualTo("Northshire County Council");
  }

  @Test
  void the_plan_in_force_goes_to_the_new_council_and_the_review_it_started_here_ends() {
    Cases.assessment(engine, mail).child("TO-PLAN").issued();
    ProcessInstance review =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(Pathways.ANNUAL_REVIEW)
            .variableValueEquals("childId", "TO-PLAN")
            .singleResult();
    assertThat(review.getBusinessKey()).isEqualTo("AR-TO-PLAN-2026-05-20");

    TestCase transfer = new TestCase(engine, mail).on("2026-07-01T10:00");
    transfer.start(Pathways.TRANSFER_OUT, null, move("TO-PLAN", "2026-07-01", "2026-09-01"));
    assertThat(transfer.variable("transferDue")).isEqualTo("2026-09-01");
    transfer.on("2026-07-10T10:00");
    transfer.complete(TRANSFER_THE_PLAN, Map.of("transferredDate", "2026-07-10"));

    MimeMessage notice =
        Arrays.stream(mail.getReceivedMessages())
            .filter(message -> sentTo(message, NEW_COUNCIL))
            .findFirst()
            .orElseThrow();
    assertThat(TestMail.attachments(notice))
        .extracting(EhcTransferOutProcessTest::fileName)
        .containsExactly("EHC-plan-final-v1-TO-PLAN.pdf");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(review.getId())
                .count())
        .as("the review here ends with the plan")
        .isZero();
    assertThat(transfer.variable("endedReviews")).isEqualTo(1);
  }

  @Test
  void a_transfer_to_this_council_or_a_move_before_awareness_or_an_unknown_variable_is_refused() {
    new TestCase(engine, mail).on("2027-03-01T10:00");
    Map<String, Object> start = move("TO-BAD", "2027-03-01", "2027-02-20");
    start.put("newCouncil", " example  council ");
    start.put("schoolName", "Brook Primary");
    assertThatThrownBy(
            () ->
                engine.getRuntimeService().startProcessInstanceByKey(Pathways.TRANSFER_OUT, start))
        .hasMessageContaining("newCouncil: is this council (Example Council)")
        .hasMessageContaining("moveDate: cannot be before awareDate (2027-03-01)")
        .hasMessageContaining("schoolName: is not a variable of this process");

    Map<String, Object> icb = move("TO-BAD", "2027-03-02", null);
    icb.put("icbChanges", true);
    assertThatThrownBy(
            () -> engine.getRuntimeService().startProcessInstanceByKey(Pathways.TRANSFER_OUT, icb))
        .hasMessageContaining("awareDate: ")
        .hasMessageContaining("icbEmail: is required when icbChanges is true");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(Pathways.TRANSFER_OUT)
                .variableValueEquals("childId", "TO-BAD")
                .count())
        .as("nothing half-written")
        .isZero();
  }

  @Test
  void a_transferred_date_before_the_council_knew_of_the_move_is_refused_and_the_task_stays_open() {
    TestCase transfer = new TestCase(engine, mail).on("2027-03-01T10:00");
    transfer.start(Pathways.TRANSFER_OUT, null, move("TO-EARLY", "2027-03-01", null));
    assertThat(transfer.variable("transferDue")).as("15 working days").isEqualTo("2027-03-22");

    assertThatThrownBy(
            () -> transfer.complete(TRANSFER_THE_PLAN, Map.of("transferredDate", "2027-02-26")))
        .hasMessageContaining(
            "transferredDate: cannot be before the council became aware of the move (2027-03-01)");
    assertThat(transfer.task(TRANSFER_THE_PLAN)).isNotNull();
    assertThat(transfer.variable("transferredDate")).isNull();
    assertThat(transfer.subjectsTo(NEW_COUNCIL)).isEmpty();
  }

  private static boolean sentTo(MimeMessage message, String address) {
    try {
      return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String fileName(BodyPart part) {
    try {
      return part.getFileName();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void a_caseworker_starting_a_transfer_to_this_council_over_rest_gets_400_naming_new_council() {
    new TestCase(engine, mail).on("2027-03-01T10:00");
    Map<String, Object> start = move("TO-REST", "2027-03-01", null);
    start.put("newCouncil", "Example Council");

    ResponseEntity<String> response =
        EngineRest.start(http, "caseworker", Pathways.TRANSFER_OUT, start);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(EngineRest.errorMessage(response))
        .contains("newCouncil: is this council (Example Council)");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("ehc-transfer-out")
                .variableValueEquals("childId", "TO-REST")
                .count())
        .as("nothing half-written")
        .isZero();
  }

  private List<String> groups(String taskId) {
    return engine.getTaskService().getIdentityLinksForTask(taskId).stream()
        .filter(link -> "candidate".equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }

  private DeadlineFigure transferFigure(LocalDate today) {
    return compliance.figures(today.minusMonths(1), today, today).deadlines().stream()
        .filter(figure -> figure.kind().equals("transfer-out"))
        .findFirst()
        .orElseThrow();
  }
}
