package org.ehcflow.reporting;

import java.util.List;

/**
 * The statutory compliance figures managers watch, for a period and as of today. Every figure
 * carries the cases behind it, so a number can always be opened.
 */
public record ComplianceFigures(
    String from,
    String to,
    String today,
    List<StageCount> openCases,
    List<DeadlineFigure> deadlines,
    List<MonthTimeliness> timeliness,
    List<AdviceFigure> advice,
    ReviewFigure reviews,
    List<TransferFigure> phaseTransfers,
    List<ClockTimeliness> clocks) {

  /** A case behind a figure; {@code running} says whether Cockpit can open it. */
  public record CaseRef(
      String processInstanceId,
      String businessKey,
      String childId,
      String childName,
      String date,
      boolean running) {}

  public record StageCount(
      String pathway, String stage, String stageName, int count, List<CaseRef> cases) {}

  public record DeadlineFigure(
      String kind,
      String label,
      int dueThisWeek,
      int overdue,
      List<CaseRef> dueThisWeekCases,
      List<CaseRef> overdueCases) {}

  /**
   * One statutory clock whose limit fell in the period, as it stands today: met by its limit, met
   * after it, or passed and still not met. A clock whose case ended before it was met (withdrawn,
   * refused, moved away) is left out. Cases with an exception to the time limit recorded are
   * counted beside, never taken out.
   */
  public record ClockTimeliness(
      String kind,
      String label,
      int due,
      int onTime,
      int late,
      int missed,
      int withExceptions,
      List<CaseRef> lateOrMissed) {}

  /** 20-week timeliness of new plans issued in a month, as the DfE publishes it. */
  public record MonthTimeliness(
      String month,
      int issued,
      int within20Weeks,
      Double percent,
      int issuedExcludingExceptions,
      int within20WeeksExcludingExceptions,
      Double percentExcludingExceptions,
      List<CaseRef> late) {}

  public record AdviceFigure(
      String partner,
      int requested,
      int onTime,
      int late,
      int outstanding,
      int outstandingOverdue,
      List<CaseRef> lateOrOverdue) {}

  public record ReviewFigure(
      int due,
      int held,
      int decidedWithin4Weeks,
      int decidedLate,
      int overdue,
      int maintained,
      int amended,
      int ceased,
      List<CaseRef> overdueCases,
      List<CaseRef> decidedLateCases) {}

  public record TransferFigure(
      String deadline,
      int total,
      int issuedOnTime,
      int issuedLate,
      int onTrack,
      int atRisk,
      int late,
      List<CaseRef> atRiskCases,
      List<CaseRef> lateCases) {}
}
