package org.ehcflow.support;

import static org.ehcflow.review.AnnualReviewProcess.Elements.ARRANGE_MEETING;
import static org.ehcflow.review.AnnualReviewProcess.Elements.CIRCULATE_ADVICE;
import static org.ehcflow.review.AnnualReviewProcess.Elements.DECIDE_OUTCOME;
import static org.ehcflow.review.AnnualReviewProcess.Elements.SUBMIT_REPORT;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.ehcflow.review.AnnualReviewProcess;

/**
 * The annual review of a plan at a stage. The reference calendar is EhcAnnualReviewProcessTest's: a
 * plan issued on 20 November 2025 (or on the {@code planIssuedDate} the test gives) starts its
 * review that day at 10:00; the preparation window opens (10 September 2026); the host arranges the
 * meeting 4 days later for 17 days before the review is due (2 November), circulates the advice 18
 * days before the meeting, sends the report 8 days after it, and the caseworker decides the day
 * after the review was due (20 November 2026). Dates come from the case's own {@code
 * preparationOpens} and {@code reviewDue}.
 *
 * <p>The default plan: child "Child {id}", born 3 February 2014, at Hillside Primary (primary),
 * parent@example.org. The report finds the needs unchanged and the plan still needed; the
 * caseworker maintains it.
 */
public class ReviewCase extends CaseBuilder<ReviewCase> {

  static final LocalDate REFERENCE_PLAN_ISSUED = LocalDate.of(2025, 11, 20);

  private static final String PREPARATION = "waiting for the preparation window";
  private static final String MEETING_DAY = "waiting for the meeting day";
  private static final String DECIDED = "decided";
  private static final List<String> TASKS =
      List.of(ARRANGE_MEETING, CIRCULATE_ADVICE, SUBMIT_REPORT, DECIDE_OUTCOME);
  private static final List<String> ROUTE =
      List.of(
          PREPARATION,
          ARRANGE_MEETING,
          CIRCULATE_ADVICE,
          MEETING_DAY,
          SUBMIT_REPORT,
          DECIDE_OUTCOME,
          DECIDED);

  public ReviewCase(ProcessEngine engine, GreenMailExtension mail) {
    super(engine, mail);
  }

  /**
   * The child's id (default: a new one); the business key is AR-{id}-{planIssuedDate} unless given.
   */
  public ReviewCase child(String childId) {
    return with("childId", childId);
  }

  // --- Stages -----------------------------------------------------------------------------------

  /** Scheduled: waiting for the preparation window, with no task open. */
  public ReviewCase started() {
    return walkTo(PREPARATION);
  }

  /** The preparation window is open: waiting for the host to arrange the meeting. */
  public ReviewCase atArrangeMeeting() {
    return walkTo(ARRANGE_MEETING);
  }

  /**
   * The meeting arranged and the invitations sent: waiting for the host to circulate the advice.
   */
  public ReviewCase atAdviceCirculation() {
    return walkTo(CIRCULATE_ADVICE);
  }

  /** The meeting day has come: waiting for the host's review report. */
  public ReviewCase atMeeting() {
    return walkTo(SUBMIT_REPORT);
  }

  /**
   * The report is in (needs unchanged, plan still needed): waiting for the caseworker's decision.
   */
  public ReviewCase atDecision() {
    return walkTo(DECIDE_OUTCOME);
  }

  /**
   * The caseworker has decided (by default to maintain the plan, which ends this review and starts
   * the next); with another decision submitted the case waits at that decision's next task.
   */
  public ReviewCase decided() {
    return walkTo(DECIDED);
  }

  // --- The walk ---------------------------------------------------------------------------------

  @Override
  protected String processKey() {
    return AnnualReviewProcess.KEY;
  }

  @Override
  protected Map<String, Object> defaults(LocalDate startDate) {
    String child = childId();
    Map<String, Object> plan = new HashMap<>();
    plan.put("childId", child);
    plan.put("childName", "Child " + child);
    plan.put("dateOfBirth", "2014-02-03");
    plan.put("parentEmail", "parent@example.org");
    if (given("lastReviewDecisionDate") == null) {
      plan.put("planIssuedDate", startDate.toString());
    }
    plan.put("namedSetting", "Hillside Primary");
    plan.put("settingPhase", "primary");
    return plan;
  }

  @Override
  protected String defaultBusinessKey(Map<String, Object> variables) {
    Object runsFrom =
        variables.get("planIssuedDate") != null
            ? variables.get("planIssuedDate")
            : variables.get("lastReviewDecisionDate");
    return "AR-" + variables.get("childId") + "-" + runsFrom;
  }

  @Override
  protected LocalDateTime referenceStart() {
    LocalDate issued = givenDate("planIssuedDate");
    LocalDate lastDecision = givenDate("lastReviewDecisionDate");
    LocalDate from =
        issued != null ? issued : lastDecision != null ? lastDecision : REFERENCE_PLAN_ISSUED;
    return from.atTime(10, 0);
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
    if (passed(DECIDE_OUTCOME)) {
      return DECIDED;
    }
    if (ended()) {
      return "ended before its decision";
    }
    return passed(CIRCULATE_ADVICE) ? MEETING_DAY : PREPARATION;
  }

  @Override
  protected void step(String position) {
    switch (position) {
      case PREPARATION -> until(dateVariable("preparationOpens").atStartOfDay());
      case ARRANGE_MEETING -> {
        at(dateVariable("preparationOpens").plusDays(4).atTime(10, 0));
        LocalDate meeting = dateVariable("reviewDue").minusDays(17);
        if (meeting.isBefore(today().plusWeeks(2))) {
          meeting = today().plusWeeks(2);
        }
        completeWith(position, Map.of("reviewMeetingDate", meeting.toString()));
      }
      case CIRCULATE_ADVICE -> {
        at(dateVariable("reviewMeetingDate").minusDays(18).atTime(10, 0));
        completeWith(position, Map.of("adviceCirculatedDate", today().toString()));
      }
      case MEETING_DAY -> until(dateVariable("reviewMeetingDate").atStartOfDay());
      case SUBMIT_REPORT -> {
        at(dateVariable("reviewMeetingDate").plusDays(8).atTime(10, 0));
        completeWith(
            position,
            Map.of(
                "reviewReport",
                "Good progress in reading",
                "needsChanged",
                false,
                "outcomesStillAppropriate",
                true,
                "stillNeedsPlan",
                true));
      }
      case DECIDE_OUTCOME -> {
        at(dateVariable("reviewDue").plusDays(1).atTime(10, 0));
        completeWith(
            position,
            Map.of(
                "reviewDecision",
                "maintain",
                "reviewDecisionReason",
                "Still right",
                "reviewDecisionDate",
                today().toString()));
      }
      default -> throw new IllegalStateException("the review " + id() + " is " + position);
    }
  }
}
