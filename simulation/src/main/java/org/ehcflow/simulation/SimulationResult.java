package org.ehcflow.simulation;

import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ehcflow.reporting.ComplianceFigures;

/**
 * A simulated year's outcome: the dashboard's statutory figures over the year, the backlog at each
 * month end, and what the run did. A partitioned run's is its partitions' added up ({@link
 * SimulationMerge}): engine seconds are the slowest partition's.
 */
public record SimulationResult(
    SimulationConfig config,
    Path models,
    ComplianceFigures figures,
    List<Month> months,
    Simulation.Counters counters,
    int mailsSent,
    long incidents,
    double wallSeconds,
    double engineSeconds,
    int partitions) {

  /** The open cases at a month end. */
  public record Month(
      String month,
      long openAssessments,
      long openAssessmentsPast20Weeks,
      long openPhaseTransfers,
      long openTasks,
      long overdueTasks) {}

  public long simulatedDays() {
    return ChronoUnit.DAYS.between(config.start(), config.end()) + 1;
  }

  public int tasksCompleted() {
    return counters.tasksCompleted;
  }

  public int completionsRefused() {
    return counters.completionsRefused;
  }

  public List<String> refusals() {
    return List.copyOf(counters.refusals);
  }

  /**
   * The incidents open at the end, by process, step and cause: {@code "3 x key activityId:
   * message"}.
   */
  public List<String> incidentCauses() {
    return List.copyOf(counters.incidentCauses);
  }

  public int jobsExecuted() {
    return counters.jobsExecuted;
  }

  /** The headline figures, in the order the report and the comparison print them. */
  public Map<String, Number> summary() {
    Map<String, Number> summary = new LinkedHashMap<>();
    int issued = 0;
    int within = 0;
    int issuedExcl = 0;
    int withinExcl = 0;
    for (ComplianceFigures.MonthTimeliness month : figures.timeliness()) {
      issued += month.issued();
      within += month.within20Weeks();
      issuedExcl += month.issuedExcludingExceptions();
      withinExcl += month.within20WeeksExcludingExceptions();
    }
    summary.put("requests received", counters.requestsStarted);
    summary.put("maintained plans at the start", counters.plansStarted);
    summary.put("new plans issued", issued);
    summary.put("new plans issued within 20 weeks", within);
    summary.put("20-week rate (%)", percent(within, issued));
    summary.put("new plans issued, exceptions excluded", issuedExcl);
    summary.put("20-week rate, exceptions excluded (%)", percent(withinExcl, issuedExcl));
    for (ComplianceFigures.AdviceFigure advice : figures.advice()) {
      summary.put("advice requested: " + advice.partner(), advice.requested());
      summary.put(
          "advice late or overdue: " + advice.partner(),
          advice.late() + advice.outstandingOverdue());
      summary.put(
          "advice on time (%): " + advice.partner(),
          percent(advice.onTime(), advice.onTime() + advice.late() + advice.outstandingOverdue()));
    }
    ComplianceFigures.ReviewFigure reviews = figures.reviews();
    summary.put("reviews due", reviews.due());
    summary.put("reviews held", reviews.held());
    summary.put("reviews decided within 4 weeks", reviews.decidedWithin4Weeks());
    summary.put("reviews decided late", reviews.decidedLate());
    summary.put(
        "reviews decided within 4 weeks (%)",
        percent(
            reviews.decidedWithin4Weeks(), reviews.decidedWithin4Weeks() + reviews.decidedLate()));
    summary.put("reviews overdue at the end", reviews.overdue());
    for (ComplianceFigures.TransferFigure transfer : figures.phaseTransfers()) {
      summary.put("phase transfers (deadline " + transfer.deadline() + ")", transfer.total());
      summary.put(
          "phase transfers issued on time (deadline " + transfer.deadline() + ")",
          transfer.issuedOnTime());
      summary.put(
          "phase transfers issued late or still not issued (deadline " + transfer.deadline() + ")",
          transfer.issuedLate() + transfer.late());
    }
    Month last = months.isEmpty() ? null : months.get(months.size() - 1);
    summary.put("open assessments at the end", last == null ? 0 : last.openAssessments());
    summary.put(
        "open assessments past 20 weeks at the end",
        last == null ? 0 : last.openAssessmentsPast20Weeks());
    summary.put("tasks completed", counters.tasksCompleted);
    summary.put("tasks closed by a timer first", counters.tasksOvertaken);
    summary.put("task completions refused by the models", counters.completionsRefused);
    summary.put("exceptions recorded", counters.exceptionsRecorded);
    summary.put("jobs run (timers and asynchronous steps)", counters.jobsExecuted);
    summary.put("job failures", counters.jobsFailed);
    summary.put("incidents at the end", incidents);
    summary.put("mails sent (to the sink)", mailsSent);
    summary.put("simulated days", simulatedDays());
    summary.put("partitions (engines side by side)", partitions);
    summary.put("wall-clock seconds", Math.round(wallSeconds * 10) / 10.0);
    summary.put(
        "simulated days per wall-clock second",
        Math.round(simulatedDays() / engineSeconds * 100) / 100.0);
    return summary;
  }

  public List<String> partners() {
    List<String> partners = new ArrayList<>();
    figures.advice().forEach(advice -> partners.add(advice.partner()));
    return partners;
  }

  static Double percent(int part, int whole) {
    return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
  }
}
