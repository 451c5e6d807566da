package org.ehcflow.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
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
import org.junit.jupiter.api.Test;

/** A partitioned year's figures are its partitions' added up, worked out here by hand. */
class SimulationMergeTest {

  private static CaseRef ref(String key, String date) {
    return new CaseRef("pi-" + key, key, null, null, date, true);
  }

  private static ComplianceFigures figures(
      List<StageCount> open,
      List<DeadlineFigure> deadlines,
      List<MonthTimeliness> timeliness,
      List<AdviceFigure> advice,
      ReviewFigure reviews,
      List<TransferFigure> transfers,
      List<ClockTimeliness> clocks) {
    return new ComplianceFigures(
        "2026-09-01",
        "2027-08-31",
        "2027-08-31",
        open,
        deadlines,
        timeliness,
        advice,
        reviews,
        transfers,
        clocks);
  }

  private final ComplianceFigures first =
      figures(
          List.of(
              new StageCount(
                  "ehc-needs-assessment",
                  "userTask_giveAdvice",
                  "Give advice",
                  2,
                  List.of(ref("EHCNA-1", null), ref("EHCNA-3", null)))),
          List.of(
              new DeadlineFigure("final-plan", "Final plan", 1, 2, List.of(), List.of()),
              new DeadlineFigure("advice", "Advice", 0, 1, List.of(), List.of())),
          List.of(
              new MonthTimeliness(
                  "2026-11", 3, 2, 66.7, 2, 2, 100.0, List.of(ref("EHCNA-1", "2026-11-20"))),
              new MonthTimeliness("2027-01", 1, 0, 0.0, 1, 0, 0.0, List.of())),
          List.of(
              new AdviceFigure("health", 5, 4, 1, 0, 0, List.of(ref("EHCNA-1", "2026-10-01"))),
              new AdviceFigure("social-care", 5, 5, 0, 0, 0, List.of())),
          new ReviewFigure(10, 9, 7, 2, 1, 5, 3, 1, List.of(), List.of()),
          List.of(new TransferFigure("2027-02-15", 4, 3, 1, 0, 0, 0, List.of(), List.of())),
          List.of(new ClockTimeliness("final-plan", "Final plan", 4, 2, 1, 1, 1, List.of())));

  private final ComplianceFigures second =
      figures(
          List.of(
              new StageCount(
                  "ehc-needs-assessment",
                  "userTask_giveAdvice",
                  "Give advice",
                  1,
                  List.of(ref("EHCNA-2", null))),
              new StageCount("ehc-annual-review", "waiting", "Waiting", 4, List.of())),
          List.of(
              new DeadlineFigure("final-plan", "Final plan", 2, 0, List.of(), List.of()),
              new DeadlineFigure("advice", "Advice", 3, 0, List.of(), List.of())),
          List.of(
              new MonthTimeliness("2026-10", 2, 2, 100.0, 2, 2, 100.0, List.of()),
              new MonthTimeliness("2026-11", 1, 1, 100.0, 0, 0, null, List.of())),
          List.of(
              new AdviceFigure("education-setting", 2, 2, 0, 0, 0, List.of()),
              new AdviceFigure(
                  "health",
                  4,
                  2,
                  1,
                  1,
                  1,
                  List.of(ref("EHCNA-2", "2026-09-20"), ref("EHCNA-4", "2026-12-01")))),
          new ReviewFigure(
              12, 12, 6, 5, 1, 8, 3, 0, List.of(ref("EHCAR-P2", "2027-07-01")), List.of()),
          List.of(
              new TransferFigure("2027-02-15", 2, 1, 0, 1, 0, 0, List.of(), List.of()),
              new TransferFigure("2026-03-31", 1, 1, 0, 0, 0, 0, List.of(), List.of())),
          List.of(new ClockTimeliness("final-plan", "Final plan", 3, 3, 0, 0, 0, List.of())));

  @Test
  void every_count_is_the_sum_of_the_partitions_and_every_rate_is_worked_out_again() {
    ComplianceFigures merged = SimulationMerge.figures(List.of(first, second));

    // November: 3 + 1 issued, 2 + 1 in time is 75% (the partitions' rates would average 83.3%);
    // without exceptions 2 + 0 and 2 + 0. The months come in order whoever had them.
    assertThat(merged.timeliness())
        .extracting(
            MonthTimeliness::month,
            MonthTimeliness::issued,
            MonthTimeliness::within20Weeks,
            MonthTimeliness::percent,
            MonthTimeliness::issuedExcludingExceptions,
            MonthTimeliness::within20WeeksExcludingExceptions,
            MonthTimeliness::percentExcludingExceptions)
        .containsExactly(
            tuple("2026-10", 2, 2, 100.0, 2, 2, 100.0),
            tuple("2026-11", 4, 3, 75.0, 2, 2, 100.0),
            tuple("2027-01", 1, 0, 0.0, 1, 0, 0.0));
    assertThat(merged.advice())
        .extracting(
            AdviceFigure::partner,
            AdviceFigure::requested,
            AdviceFigure::onTime,
            AdviceFigure::late,
            AdviceFigure::outstanding,
            AdviceFigure::outstandingOverdue)
        .containsExactly(
            tuple("education-setting", 2, 2, 0, 0, 0),
            tuple("health", 9, 6, 2, 1, 1),
            tuple("social-care", 5, 5, 0, 0, 0));
    // The cases behind a figure, from both partitions, by date.
    assertThat(merged.advice().get(1).lateOrOverdue())
        .extracting(CaseRef::businessKey)
        .containsExactly("EHCNA-2", "EHCNA-1", "EHCNA-4");
    ReviewFigure reviews = merged.reviews();
    assertThat(
            List.of(
                reviews.due(),
                reviews.held(),
                reviews.decidedWithin4Weeks(),
                reviews.decidedLate(),
                reviews.overdue(),
                reviews.maintained(),
                reviews.amended(),
                reviews.ceased()))
        .containsExactly(22, 21, 13, 7, 2, 13, 6, 1);
    assertThat(reviews.overdueCases()).extracting(CaseRef::businessKey).containsExactly("EHCAR-P2");
    assertThat(merged.phaseTransfers())
        .extracting(
            TransferFigure::deadline,
            TransferFigure::total,
            TransferFigure::issuedOnTime,
            TransferFigure::issuedLate,
            TransferFigure::onTrack)
        .containsExactly(tuple("2026-03-31", 1, 1, 0, 0), tuple("2027-02-15", 6, 4, 1, 1));
    assertThat(merged.clocks())
        .extracting(
            ClockTimeliness::kind,
            ClockTimeliness::due,
            ClockTimeliness::onTime,
            ClockTimeliness::late,
            ClockTimeliness::missed,
            ClockTimeliness::withExceptions)
        .containsExactly(tuple("final-plan", 7, 5, 1, 1, 1));
    assertThat(merged.deadlines())
        .extracting(DeadlineFigure::kind, DeadlineFigure::dueThisWeek, DeadlineFigure::overdue)
        .containsExactly(tuple("final-plan", 3, 2), tuple("advice", 3, 1));
    assertThat(merged.openCases())
        .extracting(StageCount::pathway, StageCount::stage, StageCount::count)
        .containsExactly(
            tuple("ehc-needs-assessment", "userTask_giveAdvice", 3),
            tuple("ehc-annual-review", "waiting", 4));
    assertThat(merged.openCases().get(0).cases())
        .extracting(CaseRef::businessKey)
        .containsExactly("EHCNA-1", "EHCNA-2", "EHCNA-3");
  }

  @Test
  void the_cases_behind_a_figure_are_the_earliest_of_all_partitions_as_many_as_the_report_lists() {
    List<CaseRef> odd = new ArrayList<>();
    List<CaseRef> even = new ArrayList<>();
    IntStream.range(0, 160)
        .forEach(
            day ->
                (day % 2 == 0 ? even : odd)
                    .add(ref("K" + day, java.time.LocalDate.of(2026, 9, 1).plusDays(day) + "")));

    List<CaseRef> merged = SimulationMerge.cases(odd.subList(0, 80), even.subList(0, 80));

    assertThat(merged).hasSize(ComplianceReport.MAX_CASES_LISTED);
    assertThat(merged.get(0).businessKey()).isEqualTo("K0");
    assertThat(merged.get(1).businessKey()).isEqualTo("K1");
    assertThat(merged.get(99).businessKey()).isEqualTo("K99");
  }

  @Test
  void a_merged_year_adds_up_its_counters_month_ends_and_incidents_and_recomputes_its_summary() {
    Simulation.Counters a = new Simulation.Counters();
    a.requestsStarted = 252;
    a.plansStarted = 1250;
    a.tasksCompleted = 1000;
    a.jobsExecuted = 3000;
    a.completedByGroup.put("la-caseworker", 700);
    a.completedByGroup.put("health", 300);
    a.refusals.add("2026-10-02 userTask_x EHCNA-SIM-R00003: refused");
    a.incidentCauses.add("3 x ehc-needs-assessment serviceTask_a: broken");
    a.incidentCauses.add("1 x ehc-annual-review serviceTask_b: broken too");
    Simulation.Counters b = new Simulation.Counters();
    b.requestsStarted = 252;
    b.plansStarted = 1250;
    b.tasksCompleted = 1100;
    b.jobsExecuted = 3100;
    b.completedByGroup.put("la-caseworker", 800);
    b.refusals.add("2026-09-15 userTask_x EHCNA-SIM-R00002: refused");
    b.incidentCauses.add("2 x ehc-annual-review serviceTask_b: broken too");
    SimulationConfig config = SimulationConfig.defaults();
    SimulationResult left =
        new SimulationResult(
            config,
            null,
            first,
            List.of(
                new SimulationResult.Month("2026-09", 40, 0, 1, 300, 10),
                new SimulationResult.Month("2026-10", 50, 2, 1, 320, 12)),
            a,
            900,
            4,
            200,
            190,
            1);
    SimulationResult right =
        new SimulationResult(
            config,
            null,
            second,
            List.of(
                new SimulationResult.Month("2026-09", 42, 1, 0, 310, 9),
                new SimulationResult.Month("2026-10", 48, 3, 2, 330, 11)),
            b,
            950,
            2,
            210,
            195,
            1);

    SimulationResult merged = SimulationMerge.merge(config, null, List.of(left, right), 215);

    assertThat(merged.partitions()).isEqualTo(2);
    assertThat(merged.months())
        .containsExactly(
            new SimulationResult.Month("2026-09", 82, 1, 1, 610, 19),
            new SimulationResult.Month("2026-10", 98, 5, 3, 650, 23));
    assertThat(merged.counters().completedByGroup)
        .containsEntry("la-caseworker", 1500)
        .containsEntry("health", 300);
    assertThat(merged.refusals())
        .containsExactly(
            "2026-09-15 userTask_x EHCNA-SIM-R00002: refused",
            "2026-10-02 userTask_x EHCNA-SIM-R00003: refused");
    assertThat(merged.incidentCauses())
        .containsExactly(
            "3 x ehc-annual-review serviceTask_b: broken too",
            "3 x ehc-needs-assessment serviceTask_a: broken");
    assertThat(merged.summary())
        .containsEntry("requests received", 504)
        .containsEntry("maintained plans at the start", 2500)
        .containsEntry("new plans issued", 7)
        .containsEntry("new plans issued within 20 weeks", 5)
        .containsEntry("20-week rate (%)", 71.4)
        .containsEntry("reviews decided within 4 weeks (%)", 65.0)
        .containsEntry("tasks completed", 2100)
        .containsEntry("jobs run (timers and asynchronous steps)", 6100)
        .containsEntry("incidents at the end", 6L)
        .containsEntry("mails sent (to the sink)", 1850)
        .containsEntry("open assessments at the end", 98L)
        .containsEntry("partitions (engines side by side)", 2)
        .containsEntry("wall-clock seconds", 215.0);
    // The partitions ran side by side: the year took as long as the slower.
    assertThat(merged.engineSeconds()).isEqualTo(195);
  }
}
