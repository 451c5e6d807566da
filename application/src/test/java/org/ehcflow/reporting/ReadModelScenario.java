package org.ehcflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.ehcflow.reporting.ComplianceFigures.CaseRef;
import org.ehcflow.reporting.ComplianceFigures.ClockTimeliness;
import org.ehcflow.reporting.ComplianceFigures.DeadlineFigure;
import org.ehcflow.review.AnnualReviewProcess;
import org.ehcflow.support.CaseDriver;
import org.ehcflow.vocabulary.Pathways;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Cases driven through the real processes, and the comparison of the deadlines, clocks and 20-week
 * timeliness figures as the case read model gives them with the same figures computed from the
 * engine's history as they were before it ({@link HistoryClockFigures}), on several days and
 * periods.
 */
final class ReadModelScenario {

  static final List<LocalDate> TODAYS =
      List.of(
          LocalDate.of(2026, 2, 16),
          LocalDate.of(2026, 4, 27),
          LocalDate.of(2026, 5, 25),
          LocalDate.of(2026, 6, 15),
          LocalDate.of(2026, 9, 1));

  static final List<LocalDate[]> PERIODS =
      List.of(
          new LocalDate[] {LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)},
          new LocalDate[] {LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31)},
          new LocalDate[] {LocalDate.of(2025, 6, 16), LocalDate.of(2026, 6, 15)});

  private ReadModelScenario() {}

  /**
   * Needs assessments met on time, late, missed, with an exception, still open, not yet decided,
   * and one withdrawn; an annual review decided late. Returns the process instance id of a closed
   * case whose plan was issued (A1), for a test to remove.
   */
  static String seed(ProcessEngine engine) {
    CaseDriver cases = new CaseDriver(engine);
    String r2 = cases.plan("R2", "2025-03-10", "primary");
    cases.on("2025-12-29");
    cases.on("2026-01-05");
    cases.complete(
        r2,
        AnnualReviewProcess.Elements.ARRANGE_MEETING,
        Map.of("reviewMeetingDate", "2026-02-16"));
    cases.complete(
        r2,
        AnnualReviewProcess.Elements.CIRCULATE_ADVICE,
        Map.of("adviceCirculatedDate", "2026-01-05"));
    String a1 = cases.request("A1", "2026-01-05");
    String a2 = cases.request("A2", "2026-01-05");
    String a3 = cases.request("A3", "2026-01-12");
    String a7 = cases.request("A7", "2026-01-19");
    String w1 = cases.request("W1", "2026-01-19");
    cases.on("2026-02-02");
    engine
        .getRuntimeService()
        .createMessageCorrelation(Pathways.Messages.EXCEPTION_RECORDED)
        .processInstanceBusinessKey("EHCNA-A3")
        .setVariable("exceptionGround", "absence-from-area")
        .correlate();
    for (String id : List.of(a1, a2, a3)) {
      cases.decideToAssess(id, "2026-02-10");
      cases.requestAdvice(id);
    }
    cases.decideToAssess(a7, "2026-02-20");
    // Withdrawn before any decision: its clocks are neither met nor open.
    engine.getRuntimeService().deleteProcessInstance(w1, "withdrawn");
    cases.on("2026-02-16");
    cases.complete(
        r2,
        AnnualReviewProcess.Elements.SUBMIT_REPORT,
        Map.of(
            "reviewReport",
            "Fine",
            "needsChanged",
            false,
            "outcomesStillAppropriate",
            true,
            "stillNeedsPlan",
            true));
    String a4 = cases.request("A4", "2026-03-16");
    cases.adviceGiven(a1, "2026-03-20");
    cases.adviceGiven(a2, "2026-03-20", "medical");
    cases.adviceGiven(a3, "2026-03-20");
    cases.adviceGiven(a2, "2026-03-30");
    cases.on("2026-03-20");
    cases.complete(
        r2,
        AnnualReviewProcess.Elements.DECIDE_OUTCOME,
        Map.of(
            "reviewDecision",
            "maintain",
            "reviewDecisionReason",
            "Still right",
            "reviewDecisionDate",
            "2026-03-20"));
    cases.issuePlan(a1, "2026-04-20", "2026-05-20");
    cases.issuePlan(a2, "2026-04-20", "2026-05-28");
    cases.issuePlan(a3, "2026-04-20", "2026-06-05");
    cases.request("A6", "2026-04-27");
    cases.decideToAssess(a4, "2026-05-01");
    cases.requestAdvice(a4);
    cases.request("A5", "2026-05-04");
    cases.adviceGiven(a4, "2026-06-01", "psychological");
    cases.plan("R1", "2025-08-20", "primary");
    cases.on("2026-06-15");
    return a1;
  }

  /** The read model's figures equal the history's on every day and period tried. */
  static void assertSameAsHistory(ComplianceReport report, NamedParameterJdbcTemplate jdbc) {
    HistoryClockFigures history = new HistoryClockFigures(jdbc);
    for (LocalDate today : TODAYS) {
      for (LocalDate[] period : PERIODS) {
        ComplianceFigures figures = report.figures(period[0], period[1], today);
        assertThat(comparable(figures.clocks()))
            .as("clocks %s to %s on %s", period[0], period[1], today)
            .isEqualTo(comparable(history.clocks(period[0], period[1], today)));
        assertThat(
                comparableDeadlines(
                    figures.deadlines().stream()
                        .filter(figure -> !figure.kind().equals("advice"))
                        .toList()))
            .as("deadlines on %s", today)
            .isEqualTo(comparableDeadlines(history.deadlines(today)));
        assertThat(figures.timeliness())
            .as("timeliness %s to %s", period[0], period[1])
            .isEqualTo(history.timeliness(period[0], period[1]));
      }
    }
  }

  /** The figures a dashboard shows for the scenario's last day, for comparing two states. */
  static ComplianceFigures lastDay(ComplianceReport report) {
    return report.figures(
        LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), LocalDate.of(2026, 6, 15));
  }

  /** What the migration does on a database whose history was recorded before it. */
  static void upgrade(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      CaseClocks.rebuild(connection);
      connection.commit();
    }
  }

  static ClockTimeliness clock(ComplianceFigures figures, String kind) {
    return figures.clocks().stream()
        .filter(figure -> figure.kind().equals(kind))
        .findFirst()
        .orElseThrow();
  }

  // The history's lists came in the database's order within a day; the read model's are by day,
  // then case. Both are compared by day, then case (the scenario lists far fewer than the cap).
  private static List<ClockTimeliness> comparable(List<ClockTimeliness> clocks) {
    return clocks.stream()
        .map(
            clock ->
                new ClockTimeliness(
                    clock.kind(),
                    clock.label(),
                    clock.due(),
                    clock.onTime(),
                    clock.late(),
                    clock.missed(),
                    clock.withExceptions(),
                    sorted(clock.lateOrMissed())))
        .toList();
  }

  private static List<DeadlineFigure> comparableDeadlines(List<DeadlineFigure> deadlines) {
    return deadlines.stream()
        .map(
            figure ->
                new DeadlineFigure(
                    figure.kind(),
                    figure.label(),
                    figure.dueThisWeek(),
                    figure.overdue(),
                    sorted(figure.dueThisWeekCases()),
                    sorted(figure.overdueCases())))
        .toList();
  }

  private static List<CaseRef> sorted(List<CaseRef> refs) {
    assertThat(refs).hasSizeLessThan(ComplianceReport.MAX_CASES_LISTED);
    return refs.stream()
        .sorted(Comparator.comparing(CaseRef::date).thenComparing(CaseRef::processInstanceId))
        .toList();
  }
}
