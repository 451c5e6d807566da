package org.ehcflow.vocabulary;

import java.time.LocalDate;

/**
 * The business keys people read and search by in Cockpit and the reports: the pathway's prefix, the
 * child, and the date the case runs from. One child has one case of a pathway per such date, so
 * starting it again finds the first.
 */
public final class CaseKeys {

  private CaseKeys() {}

  /** A needs assessment, from the day the request was received. */
  public static String needsAssessment(String childId, LocalDate requestReceived) {
    return key("EHCNA", childId, requestReceived);
  }

  /**
   * An annual review cycle, from the later of the plan's issue and the last review's decision
   * letter: the 12 months run from whichever came last (s.44(1)).
   */
  public static String annualReview(
      String childId, LocalDate planIssued, LocalDate lastReviewDecision) {
    LocalDate runsFrom =
        lastReviewDecision != null && (planIssued == null || lastReviewDecision.isAfter(planIssued))
            ? lastReviewDecision
            : planIssued;
    return key("AR", childId, runsFrom);
  }

  /** A phase-transfer review, by the date of the move. */
  public static String phaseTransfer(String childId, LocalDate transferDate) {
    return key("PT", childId, transferDate);
  }

  /** A plan's transfer to another council, by the day this council became aware of the move. */
  public static String transferOut(String childId, LocalDate awareDate) {
    return key("MOVE-OUT", childId, awareDate);
  }

  /** A plan's transfer to this council, by the day of the transfer. */
  public static String transferIn(String childId, LocalDate transferDate) {
    return key("MOVE-IN", childId, transferDate);
  }

  /** A proposal to cease a plan between reviews, by the day it was proposed. */
  public static String ceasePlan(String childId, LocalDate proposed) {
    return key("CP", childId, proposed);
  }

  /** A request to re-assess a plan, by the day it was received. */
  public static String reassessment(String childId, LocalDate requestReceived) {
    return key("REASSESS", childId, requestReceived);
  }

  /** Amendments proposed between reviews (reg 22), by the day of the amendment notice. */
  public static String amendPlan(String childId, LocalDate noticeDate) {
    return key("AMEND", childId, noticeDate);
  }

  /**
   * A Section 23 notification, by the child's NHS number (as normalised) and the day health told
   * us.
   */
  public static String section23Notification(String nhsNumber, LocalDate notified) {
    return key("S23", NhsNumber.normalise(nhsNumber), notified);
  }

  /** A disagreement, by the date of the disputed decision's letter. */
  public static String disagreement(String childId, LocalDate decisionLetter) {
    return key("DR", childId, decisionLetter);
  }

  /**
   * A Tribunal order's compliance clocks, by the order's date and what it requires: one order (or
   * agreement) may require several things, each with its own clock.
   */
  public static String tribunalOrder(String childId, LocalDate orderDate, String orderType) {
    return key("TO", childId, orderDate) + "-" + orderType;
  }

  private static String key(String prefix, String child, LocalDate from) {
    return prefix + "-" + child + "-" + from;
  }
}
