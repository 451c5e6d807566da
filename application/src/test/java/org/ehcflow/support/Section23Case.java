package org.ehcflow.support;

import static org.ehcflow.section23.Section23Process.Elements.TRIAGE;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.ehcflow.section23.Section23Process;

/**
 * A health body's Section 23 notification at a stage. The reference calendar is
 * Section23NotificationProcessTest's: notified on 10 March 2026 (or on the {@code notificationDate}
 * the test gives) at 11:00, the parent told the day before, and triaged six days later at 10:00.
 *
 * <p>The default notification: Tom Lee, born 15 June 2024, NHS number 943 476 5919, from the Royal
 * Hospital NHS Trust (dr.patel@royal-hospital.example) about global developmental delay, the parent
 * (parent.lee@example.org) offered a discussion. Early years triage it to early years support (a
 * Portage referral). The business key is the one the process gives (S23-{nhsNumber}-{date}) unless
 * the test gives one.
 */
public class Section23Case extends CaseBuilder<Section23Case> {

  static final LocalDate REFERENCE_NOTIFICATION = LocalDate.of(2026, 3, 10);

  private static final String TRIAGED = "triaged";
  private static final List<String> ROUTE = List.of(TRIAGE, TRIAGED);

  public Section23Case(ProcessEngine engine, GreenMailExtension mail) {
    super(engine, mail);
  }

  // --- Stages -----------------------------------------------------------------------------------

  /** Registered and acknowledged: waiting for early years to triage it. */
  public Section23Case atTriage() {
    return walkTo(TRIAGE);
  }

  /** Triaged (by default to early years support): the notification has ended. */
  public Section23Case triaged() {
    return walkTo(TRIAGED);
  }

  // --- The walk ---------------------------------------------------------------------------------

  @Override
  protected String processKey() {
    return Section23Process.KEY;
  }

  @Override
  protected Map<String, Object> defaults(LocalDate startDate) {
    Map<String, Object> start = new HashMap<>();
    start.put("childName", "Tom Lee");
    start.put("dateOfBirth", "2024-06-15");
    start.put("nhsNumber", "9434765919");
    start.put("notificationDate", startDate.toString());
    start.put("notifyingBody", "Royal Hospital NHS Trust");
    start.put("notifierEmail", "dr.patel@royal-hospital.example");
    start.put("concern", "Global developmental delay; little speech at 20 months");
    start.put("parentInformedDate", startDate.minusDays(1).toString());
    start.put("parentOfferedDiscussion", true);
    start.put("voluntaryOrganisationsInfoGiven", false);
    start.put("parentEmail", "parent.lee@example.org");
    return start;
  }

  @Override
  protected String defaultBusinessKey(Map<String, Object> variables) {
    return null;
  }

  @Override
  protected LocalDateTime referenceStart() {
    return anchor().atTime(11, 0);
  }

  @Override
  protected List<String> route() {
    return ROUTE;
  }

  @Override
  protected String position() {
    if (!tasks(TRIAGE).isEmpty()) {
      return TRIAGE;
    }
    return ended() && passed(TRIAGE) ? TRIAGED : "not waiting for triage";
  }

  @Override
  protected void step(String position) {
    if (!TRIAGE.equals(position)) {
      throw new IllegalStateException("the notification " + id() + " is " + position);
    }
    at(anchor().plusDays(6).atTime(10, 0));
    completeWith(
        TRIAGE, Map.of("triageOutcome", "early-years-support", "triageReason", "Portage referral"));
  }

  private LocalDate anchor() {
    LocalDate given = givenDate("notificationDate");
    return given != null ? given : REFERENCE_NOTIFICATION;
  }
}
