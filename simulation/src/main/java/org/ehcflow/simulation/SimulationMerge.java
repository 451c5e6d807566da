package org.ehcflow.simulation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ehcflow.reporting.ComplianceFigures;
import org.ehcflow.reporting.ComplianceFigures.AdviceFigure;
import org.ehcflow.reporting.ComplianceFigures.CaseRef;
import org.ehcflow.reporting.ComplianceFigures.ClockTimeliness;
import org.ehcflow.reporting.ComplianceFigures.DeadlineFigure;
import org.ehcflow.reporting.ComplianceFigures.MonthTimeliness;
import org.ehcflow.reporting.ComplianceFigures.ReviewFigure;
import org.ehcflow.reporting.ComplianceFigures.StageCount;
import org.ehcflow.reporting.ComplianceFigures.TransferFigure;
import org.ehcflow.reporting.ComplianceReport;

/**
 * One year's result from the results of its partitions. The partitions hold disjoint cases, so
 * every count is the sum of theirs; a rate is worked out again from the summed counts, never
 * averaged, as a partition's rate weighs its own cases only.
 */
final class SimulationMerge {

  private static final String TIMES = " x ";

  private SimulationMerge() {}

  static SimulationResult merge(
      SimulationConfig config, Path models, List<SimulationResult> parts, double wallSeconds) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("no partitions to merge");
    }
    if (parts.size() == 1) {
      SimulationResult only = parts.get(0);
      return new SimulationResult(
          config,
          models,
          only.figures(),
          only.months(),
          only.counters(),
          only.mailsSent(),
          only.incidents(),
          wallSeconds,
          only.engineSeconds(),
          1);
    }
    return new SimulationResult(
        config,
        models,
        figures(parts.stream().map(SimulationResult::figures).toList()),
        months(parts),
        counters(parts.stream().map(SimulationResult::counters).toList()),
        parts.stream().mapToInt(SimulationResult::mailsSent).sum(),
        parts.stream().mapToLong(SimulationResult::incidents).sum(),
        wallSeconds,
        // The partitions run side by side, so the year took as long as the slowest of them.
        parts.stream().mapToDouble(SimulationResult::engineSeconds).max().orElse(0),
        parts.size());
  }

  /** Every partition snapshots the same month ends, so month by month the backlogs add up. */
  private static List<SimulationResult.Month> months(List<SimulationResult> parts) {
    List<SimulationResult.Month> first = parts.get(0).months();
    List<SimulationResult.Month> merged = new ArrayList<>();
    for (int i = 0; i < first.size(); i++) {
      String month = first.get(i).month();
      long openAssessments = 0;
      long past20Weeks = 0;
      long openTransfers = 0;
      long openTasks = 0;
      long overdueTasks = 0;
      for (SimulationResult part : parts) {
        SimulationResult.Month own = part.months().get(i);
        if (!own.month().equals(month) || part.months().size() != first.size()) {
          throw new IllegalStateException("partitions simulated different months");
        }
        openAssessments += own.openAssessments();
        past20Weeks += own.openAssessmentsPast20Weeks();
        openTransfers += own.openPhaseTransfers();
        openTasks += own.openTasks();
        overdueTasks += own.overdueTasks();
      }
      merged.add(
          new SimulationResult.Month(
              month, openAssessments, past20Weeks, openTransfers, openTasks, overdueTasks));
    }
    return merged;
  }

  static Simulation.Counters counters(List<Simulation.Counters> parts) {
    Simulation.Counters merged = new Simulation.Counters();
    List<String> refusals = new ArrayList<>();
    Map<String, Long> causes = new TreeMap<>();
    for (Simulation.Counters part : parts) {
      merged.requestsStarted += part.requestsStarted;
      merged.plansStarted += part.plansStarted;
      merged.tasksCompleted += part.tasksCompleted;
      merged.tasksOvertaken += part.tasksOvertaken;
      merged.completionsRefused += part.completionsRefused;
      merged.jobsExecuted += part.jobsExecuted;
      merged.jobsFailed += part.jobsFailed;
      merged.exceptionsRecorded += part.exceptionsRecorded;
      part.completedByGroup.forEach(
          (group, count) -> merged.completedByGroup.merge(group, count, Integer::sum));
      refusals.addAll(part.refusals);
      for (String cause : part.incidentCauses) {
        int at = cause.indexOf(TIMES);
        causes.merge(
            cause.substring(at + TIMES.length()),
            Long.parseLong(cause.substring(0, at)),
            Long::sum);
      }
    }
    // Each partition kept its first refusals by day (each line starts with it), so the first of
    // the whole year are among them.
    refusals.stream()
        .sorted()
        .limit(Simulation.Counters.REFUSALS_KEPT)
        .forEach(merged.refusals::add);
    // As Simulation lists them: the commonest first, causes of one count in alphabetical order.
    causes.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(cause -> merged.incidentCauses.add(cause.getValue() + TIMES + cause.getKey()));
    return merged;
  }

  static ComplianceFigures figures(List<ComplianceFigures> parts) {
    ComplianceFigures first = parts.get(0);
    return new ComplianceFigures(
        first.from(),
        first.to(),
        first.today(),
        byKey(
            parts,
            ComplianceFigures::openCases,
            stage -> stage.pathway() + "/" + stage.stage(),
            (a, b) ->
                new StageCount(
                    a.pathway(),
                    a.stage(),
                    a.stageName(),
                    a.count() + b.count(),
                    cases(a.cases(), b.cases()))),
        byKey(
            parts,
            ComplianceFigures::deadlines,
            DeadlineFigure::kind,
            (a, b) ->
                new DeadlineFigure(
                    a.kind(),
                    a.label(),
                    a.dueThisWeek() + b.dueThisWeek(),
                    a.overdue() + b.overdue(),
                    cases(a.dueThisWeekCases(), b.dueThisWeekCases()),
                    cases(a.overdueCases(), b.overdueCases()))),
        sorted(
            byKey(
                parts, ComplianceFigures::timeliness, MonthTimeliness::month, SimulationMerge::sum),
            MonthTimeliness::month),
        sorted(
            byKey(
                parts,
                ComplianceFigures::advice,
                AdviceFigure::partner,
                (a, b) ->
                    new AdviceFigure(
                        a.partner(),
                        a.requested() + b.requested(),
                        a.onTime() + b.onTime(),
                        a.late() + b.late(),
                        a.outstanding() + b.outstanding(),
                        a.outstandingOverdue() + b.outstandingOverdue(),
                        cases(a.lateOrOverdue(), b.lateOrOverdue()))),
            AdviceFigure::partner),
        parts.stream().map(ComplianceFigures::reviews).reduce(SimulationMerge::sum).orElseThrow(),
        sorted(
            byKey(
                parts,
                ComplianceFigures::phaseTransfers,
                TransferFigure::deadline,
                (a, b) ->
                    new TransferFigure(
                        a.deadline(),
                        a.total() + b.total(),
                        a.issuedOnTime() + b.issuedOnTime(),
                        a.issuedLate() + b.issuedLate(),
                        a.onTrack() + b.onTrack(),
                        a.atRisk() + b.atRisk(),
                        a.late() + b.late(),
                        cases(a.atRiskCases(), b.atRiskCases()),
                        cases(a.lateCases(), b.lateCases()))),
            TransferFigure::deadline),
        byKey(
            parts,
            ComplianceFigures::clocks,
            ClockTimeliness::kind,
            (a, b) ->
                new ClockTimeliness(
                    a.kind(),
                    a.label(),
                    a.due() + b.due(),
                    a.onTime() + b.onTime(),
                    a.late() + b.late(),
                    a.missed() + b.missed(),
                    a.withExceptions() + b.withExceptions(),
                    cases(a.lateOrMissed(), b.lateOrMissed()))));
  }

  private static MonthTimeliness sum(MonthTimeliness a, MonthTimeliness b) {
    int issued = a.issued() + b.issued();
    int within = a.within20Weeks() + b.within20Weeks();
    int issuedExcl = a.issuedExcludingExceptions() + b.issuedExcludingExceptions();
    int withinExcl = a.within20WeeksExcludingExceptions() + b.within20WeeksExcludingExceptions();
    return new MonthTimeliness(
        a.month(),
        issued,
        within,
        SimulationResult.percent(within, issued),
        issuedExcl,
        withinExcl,
        SimulationResult.percent(withinExcl, issuedExcl),
        cases(a.late(), b.late()));
  }

  private static ReviewFigure sum(ReviewFigure a, ReviewFigure b) {
    return new ReviewFigure(
        a.due() + b.due(),
        a.held() + b.held(),
        a.decidedWithin4Weeks() + b.decidedWithin4Weeks(),
        a.decidedLate() + b.decidedLate(),
        a.overdue() + b.overdue(),
        a.maintained() + b.maintained(),
        a.amended() + b.amended(),
        a.ceased() + b.ceased(),
        cases(a.overdueCases(), b.overdueCases()),
        cases(a.decidedLateCases(), b.decidedLateCases()));
  }

  /**
   * The figures of one key (a month, a partner, a deadline) added up across the partitions, in the
   * order the keys first appear; a key only some partitions have is theirs alone.
   */
  private static <T> List<T> byKey(
      List<ComplianceFigures> parts,
      Function<ComplianceFigures, List<T>> list,
      Function<T, String> key,
      BinaryOperator<T> add) {
    Map<String, T> merged = new LinkedHashMap<>();
    for (ComplianceFigures part : parts) {
      for (T figure : list.apply(part)) {
        merged.merge(key.apply(figure), figure, add);
      }
    }
    return new ArrayList<>(merged.values());
  }

  private static <T> List<T> sorted(List<T> figures, Function<T, String> key) {
    figures.sort(Comparator.comparing(key));
    return figures;
  }

  /**
   * The cases behind a figure, as the report lists them: by date, at most as many as it lists. Each
   * partition listed its earliest, so the earliest of the whole year are among them.
   */
  static List<CaseRef> cases(List<CaseRef> a, List<CaseRef> b) {
    return Stream.concat(a.stream(), b.stream())
        .sorted(
            Comparator.comparing((CaseRef ref) -> orEmpty(ref.date()))
                .thenComparing(ref -> orEmpty(ref.businessKey()))
                .thenComparing(ref -> orEmpty(ref.processInstanceId())))
        .limit(ComplianceReport.MAX_CASES_LISTED)
        .collect(Collectors.toList());
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
