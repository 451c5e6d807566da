package org.ehcflow.support;

import static org.ehcflow.phasetransfer.PhaseTransferProcess.Elements.END_ISSUED;
import static org.ehcflow.phasetransfer.PhaseTransferProcess.Elements.HOLD_REVIEW;
import static org.ehcflow.phasetransfer.PhaseTransferProcess.Elements.ISSUE_PLAN;
import static org.ehcflow.phasetransfer.PhaseTransferProcess.Elements.SEND_NOTICE_TASK;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.ehcflow.phasetransfer.PhaseTransferProcess;

/**
 * A phase-transfer review (reg 18) at a stage. The reference calendar is
 * EhcPhaseTransferProcessTest's: the cohort run starts the review at 06:00 on 7 September of the
 * year before the move (2026 for a move on 1 September 2027); the review is held 34 days before the
 * meeting milestone (20 October 2026), the amendment notice sent 41 days before its milestone (10
 * November) and the plan issued 26 days before the deadline (20 January 2027), each at 10:00. Dates
 * come from the case's own {@code transferMeetingBy}, {@code amendmentNoticeBy} and {@code
 * phaseTransferDeadline}.
 *
 * <p>The default child: "Child {id}", born 12 April 2016, at Brook Primary, moving from primary to
 * secondary on 1 September 2027 (parent@example.org). The next setting is Castle Academy.
 */
public class PhaseTransferCase extends CaseBuilder<PhaseTransferCase> {

  static final String REFERENCE_TRANSFER_DATE = "2027-09-01";

  private static final String ISSUED = "plan-issued";
  private static final List<String> TASKS = List.of(HOLD_REVIEW, SEND_NOTICE_TASK, ISSUE_PLAN);
  private static final List<String> ROUTE =
      List.of(HOLD_REVIEW, SEND_NOTICE_TASK, ISSUE_PLAN, ISSUED);

  public PhaseTransferCase(ProcessEngine engine, GreenMailExtension mail) {
    super(engine, mail);
  }

  /** The child's id (default: a new one); the business key is PT-{id} unless given. */
  public PhaseTransferCase child(String childId) {
    return with("childId", childId);
  }

  // --- Stages -----------------------------------------------------------------------------------

  /** Started by the cohort run: waiting for the setting to hold the transfer review. */
  public PhaseTransferCase atReview() {
    return walkTo(HOLD_REVIEW);
  }

  /** The review held (Castle Academy preferred): waiting for the amendment notice. */
  public PhaseTransferCase atAmendmentNotice() {
    return walkTo(SEND_NOTICE_TASK);
  }

  /** The notice sent proposing Castle Academy: waiting for the final amended plan. */
  public PhaseTransferCase atIssuePlan() {
    return walkTo(ISSUE_PLAN);
  }

  /**
   * The plan issued naming Castle Academy: the case has ended and the next annual review started.
   */
  public PhaseTransferCase issued() {
    return walkTo(ISSUED);
  }

  // --- The walk ---------------------------------------------------------------------------------

  @Override
  protected String processKey() {
    return PhaseTransferProcess.KEY;
  }

  @Override
  protected Map<String, Object> defaults(LocalDate startDate) {
    String child = childId();
    Map<String, Object> start = new HashMap<>();
    start.put("childId", child);
    start.put("childName", "Child " + child);
    start.put("dateOfBirth", "2016-04-12");
    start.put("parentEmail", "parent@example.org");
    start.put("transferType", "primary-to-secondary");
    start.put("transferDate", REFERENCE_TRANSFER_DATE);
    start.put("namedSetting", "Brook Primary");
    return start;
  }

  @Override
  protected String defaultBusinessKey(Map<String, Object> variables) {
    return "PT-" + variables.get("childId");
  }

  @Override
  protected LocalDateTime referenceStart() {
    LocalDate given = givenDate("transferDate");
    LocalDate transfer = given != null ? given : LocalDate.parse(REFERENCE_TRANSFER_DATE);
    return LocalDate.of(transfer.getYear() - 1, 9, 7).atTime(6, 0);
  }

  @Override
  protected List<String> route() {
    return ROUTE;
  }

  @Override
  protected String position() {
    String open = firstOpen(TASKS);
    if (open != null) {
      return open;
    }
    if (ended()) {
      return passed(END_ISSUED) ? ISSUED : "ended without a plan";
    }
    return "waiting with no task open";
  }

  @Override
  protected void step(String position) {
    switch (position) {
      case HOLD_REVIEW -> {
        at(dateVariable("transferMeetingBy").minusDays(34).atTime(10, 0));
        completeWith(
            position,
            Map.of(
                "reviewMeetingDate",
                today().toString(),
                "preferredNextSetting",
                "Castle Academy",
                "reviewReport",
                "Ready for secondary with support"));
      }
      case SEND_NOTICE_TASK -> {
        at(dateVariable("amendmentNoticeBy").minusDays(41).atTime(10, 0));
        completeWith(
            position,
            Map.of(
                "amendmentNoticeDate",
                today().toString(),
                "proposedSetting",
                "Castle Academy",
                "proposedAmendments",
                "Section I: Castle Academy from September 2027"));
      }
      case ISSUE_PLAN -> {
        at(dateVariable("phaseTransferDeadline").minusDays(26).atTime(10, 0));
        completeWith(
            position,
            Map.of(
                "finalAmendedPlanIssuedDate",
                today().toString(),
                "namedSetting",
                "Castle Academy",
                "namedSettingEmail",
                "senco@castle.example"));
      }
      default -> throw new IllegalStateException("the transfer " + id() + " is " + position);
    }
  }
}
