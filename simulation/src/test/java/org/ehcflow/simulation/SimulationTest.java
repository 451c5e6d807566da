package org.ehcflow.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcflow.reporting.ComplianceFigures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The what-if simulation on the real models and glue. The quarter in {@code
 * simulation/quarter-by-hand.yaml} has fixed response times, so each case's dates are worked out
 * here by hand, in the comments, and the simulated dashboard must agree.
 */
class SimulationTest {

  @TempDir Path temp;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /**
   * A resource as a file of its own: the models are entries of the application's jar once it is
   * packaged.
   */
  private Path resource(String name) throws IOException {
    Path file = temp.resolve("resources").resolve(name);
    Files.createDirectories(file.getParent());
    try (InputStream in = SimulationTest.class.getClassLoader().getResourceAsStream(name)) {
      Files.copy(in, file);
    }
    return file;
  }

  @Test
  void a_quarter_of_known_cases_gives_the_figures_worked_out_by_hand() throws Exception {
    SimulationResult result =
        Simulation.run(
            SimulationConfig.load(resource("simulation/quarter-by-hand.yaml")),
            Simulation.Options.inMemory());

    assertThat(result.refusals()).isEmpty();
    assertThat(result.incidents()).isZero();
    assertThat(result.counters().requestsStarted).isEqualTo(12);
    assertThat(result.counters().plansStarted).isEqualTo(12);
    assertThat(result.counters().exceptionsRecorded).isEqualTo(2);

    // A plan case received on Monday D: evidence 5 working days (Monday D+7), panel the next
    // Tuesday, advice requests 1 day later (Wednesday W), advice from school, health and social
    // care 10 days after W (in time: due W + 6 weeks), from the educational psychologist 35
    // working days = 7 weeks after W (late), then 1 day to summarise, the next Tuesday's panel,
    // 2 days to draft, served the same day, the parent's response 2 days later and the plan 1 day
    // after that. An exception adds 5 working days to each adviser.
    //   A (14 Sep), and C (June, in hand from 14 Sep): W = 23 Sep, EP 11 Nov, panel 17 Nov, plan 24
    // Nov.
    //   C with exception: EP 18 Nov, panel 24 Nov, plan 1 Dec.  B (21 Sep): W = 30 Sep, EP 18 Nov,
    //   panel 24 Nov, plan 1 Dec; B with exception: EP 25 Nov, panel 1 Dec, plan 8 Dec.
    // 20 weeks from 14 or 21 Sep is February 2027: on time. From 1 June it is 19 Oct: late.
    ComplianceFigures figures = result.figures();
    assertThat(figures.timeliness())
        .extracting(
            ComplianceFigures.MonthTimeliness::month,
            ComplianceFigures.MonthTimeliness::issued,
            ComplianceFigures.MonthTimeliness::within20Weeks,
            ComplianceFigures.MonthTimeliness::issuedExcludingExceptions,
            ComplianceFigures.MonthTimeliness::within20WeeksExcludingExceptions)
        .containsExactly(
            // Two of A on time, the June case late.
            org.assertj.core.groups.Tuple.tuple("2026-11", 3, 2, 3, 2),
            // Two of B and B's exception on time; the June exception late, and left out without
            // exceptions.
            org.assertj.core.groups.Tuple.tuple("2026-12", 4, 3, 2, 2));
    Map<String, Number> summary = result.summary();
    assertThat(summary.get("new plans issued")).isEqualTo(7);
    assertThat(summary.get("20-week rate (%)")).isEqualTo(71.4);
    assertThat(summary.get("20-week rate, exceptions excluded (%)")).isEqualTo(80.0);

    // Eight cases were assessed (five of A, B and C with plans, two more, and A's no-plan case);
    // each asked the same four partners.
    assertThat(figures.advice())
        .extracting(
            ComplianceFigures.AdviceFigure::partner,
            ComplianceFigures.AdviceFigure::requested,
            ComplianceFigures.AdviceFigure::onTime,
            ComplianceFigures.AdviceFigure::late,
            ComplianceFigures.AdviceFigure::outstanding)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("education-setting", 8, 8, 0, 0),
            org.assertj.core.groups.Tuple.tuple("health", 8, 8, 0, 0),
            org.assertj.core.groups.Tuple.tuple("social-care", 8, 8, 0, 0),
            org.assertj.core.groups.Tuple.tuple("educational-psychology", 8, 0, 8, 0));

    // Reviews due 30 Sep: preparation is already open on 14 Sep, the meeting is arranged on 16 Sep
    // for 28 days later (14 Oct), so the decision is due 11 Nov. A school sends its report 5 days
    // after the meeting (21 Oct) and the decision follows 10 days later (4 Nov): in time. The
    // council's own report takes 15 days (4 Nov) and its decision 18 Nov: late. The three
    // reviews due in January are not due in the quarter.
    ComplianceFigures.ReviewFigure reviews = figures.reviews();
    assertThat(
            List.of(
                reviews.due(),
                reviews.held(),
                reviews.decidedWithin4Weeks(),
                reviews.decidedLate(),
                reviews.overdue(),
                reviews.maintained()))
        .containsExactly(9, 9, 6, 3, 0, 9);
    assertThat(figures.phaseTransfers()).isEmpty();

    // Open assessments at each month end: 10 started in September, less the two refused at the
    // panels of 22 and 29 Sep; in November 4 end (no plan 17 Nov, three plans 24 Nov) and D's two
    // arrive on 30 Nov; by 13 Dec all are done (D refused at the panel of 8 Dec). The June cases
    // are past 20 weeks from 19 Oct until their plans.
    assertThat(result.months())
        .extracting(
            SimulationResult.Month::month,
            SimulationResult.Month::openAssessments,
            SimulationResult.Month::openAssessmentsPast20Weeks)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("2026-09", 8L, 0L),
            org.assertj.core.groups.Tuple.tuple("2026-10", 8L, 2L),
            org.assertj.core.groups.Tuple.tuple("2026-11", 6L, 1L),
            org.assertj.core.groups.Tuple.tuple("2026-12", 0L, 0L));
    assertThat(result.mailsSent()).isPositive();
  }

  @Test
  void the_same_seed_gives_the_same_year_and_another_seed_another() throws Exception {
    Path settings = temp.resolve("small.yaml");
    Files.writeString(
        settings,
        """
        months: 2
        demand:
          requests-per-month: 6
          existing-plans: 15
        """);
    SimulationConfig config = SimulationConfig.load(settings);
    SimulationResult first = Simulation.run(config, Simulation.Options.inMemory());
    SimulationResult again = Simulation.run(config, Simulation.Options.inMemory());
    SimulationResult other =
        Simulation.run(withSeed(config, config.seed() + 1), Simulation.Options.inMemory());

    assertThat(first.refusals()).isEmpty();
    assertThat(first.tasksCompleted()).isPositive();
    assertThat(figuresOf(again)).isEqualTo(figuresOf(first));
    assertThat(monthlyOf(again)).isEqualTo(monthlyOf(first));
    assertThat(figuresOf(other)).isNotEqualTo(figuresOf(first));

    Path out = temp.resolve("comparison");
    SimulationReport.compare(
        first, "seed " + config.seed(), other, "seed " + (config.seed() + 1), out);
    List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
    assertThat(summary.get(0)).isEqualTo("figure,seed 2026,seed 2027,difference");
    assertThat(summary).anyMatch(line -> line.startsWith("requests received,12,12,0"));
    assertThat(Files.readString(out.resolve("report.html")))
        .contains("<svg", "seed 2026 compared with seed 2027")
        .doesNotContain("<script")
        // Partner names under the advice chart: level, or on two lines at the hyphen, never cut
        // off.
        .contains(
            "text-anchor=\"middle\">education-setting</text>",
            ">educational-</tspan>",
            ">psychology</tspan>");
    assertThat(Files.readAllLines(out.resolve("monthly.csv"))).hasSize(1 + 2 * 2);
  }

  @Test
  void a_simulation_never_touches_the_applications_database_and_takes_a_folder_of_models()
      throws Exception {
    Path appData = temp.resolve("app-data");
    Path folder = Files.createDirectories(temp.resolve("redesign"));
    Files.copy(
        resource("processes/ehc-needs-assessment.bpmn"),
        folder.resolve("ehc-needs-assessment.bpmn"));
    Map<String, String> server =
        Map.of(
            "spring.datasource.url",
            "jdbc:h2:file:" + appData.resolve("ehc-flow") + ";IFEXISTS=FALSE",
            "spring.profiles.active",
            "postgres",
            "ehc.data-dir",
            appData.toString());
    server.forEach(System::setProperty);
    SimulationResult result;
    try {
      Path settings = temp.resolve("month.yaml");
      Files.writeString(
          settings, "months: 1\ndemand: {requests-per-month: 4, existing-plans: 5}\n");
      result =
          Simulation.run(
              SimulationConfig.load(settings), Simulation.Options.inMemory().withModels(folder));
    } finally {
      server.keySet().forEach(System::clearProperty);
    }
    assertThat(result.counters().requestsStarted).isEqualTo(4);
    assertThat(result.tasksCompleted()).isPositive();
    assertThat(appData).doesNotExist();
    // The engine's clock is the real one again.
    assertThat(Math.abs(ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis()))
        .isLessThan(60_000);
  }

  @Test
  void a_redesign_that_breaks_a_step_reports_its_incidents_by_step_and_cause() throws Exception {
    Path folder = Files.createDirectories(temp.resolve("broken-redesign"));
    String model = Files.readString(resource("processes/ehc-needs-assessment.bpmn"));
    String broken =
        model.replace(
            "<camunda:property name=\"noticeType\" value=\"considering-assessment\" />",
            "<camunda:property name=\"noticeType\" value=\"no-such-notice\" />");
    assertThat(broken).isNotEqualTo(model);
    Files.writeString(folder.resolve("ehc-needs-assessment.bpmn"), broken);
    Path settings = temp.resolve("month.yaml");
    Files.writeString(settings, "months: 1\ndemand: {requests-per-month: 4, existing-plans: 5}\n");

    SimulationResult result =
        Simulation.run(
            SimulationConfig.load(settings), Simulation.Options.inMemory().withModels(folder));

    assertThat(result.counters().requestsStarted).isEqualTo(4);
    assertThat(result.incidents()).isEqualTo(4);
    assertThat(result.incidentCauses())
        .singleElement()
        .asString()
        .startsWith("4 x ehc-needs-assessment serviceTask_sendConsideringAssessmentNotice: ")
        .contains("no-such-notice");
  }

  @Test
  void a_settings_file_with_a_mistake_is_refused_naming_the_setting() throws IOException {
    Path settings = temp.resolve("wrong.yaml");
    Files.writeString(settings, "demand:\n  outcomes: {refused: 0.5, no-plan: 0.2, plan: 0.5}\n");
    assertThatThrownBy(() -> SimulationConfig.load(settings))
        .hasMessageContaining("demand.outcomes");
    Files.writeString(settings, "demand:\n  requests-per-mnth: 10\n");
    assertThatThrownBy(() -> SimulationConfig.load(settings))
        .hasMessageContaining("requests-per-mnth");
    assertThatThrownBy(() -> SimulationCommand.run(new String[] {"simulate", "--modles", "x"}))
        .hasMessageContaining("--modles");
  }

  private static SimulationConfig withSeed(SimulationConfig config, long seed) {
    return new SimulationConfig(
        seed,
        config.start(),
        config.months(),
        config.demand(),
        config.calendar(),
        config.panel(),
        config.groups(),
        config.tasks(),
        config.defaultResponse());
  }

  /** The figures without the run's own timing, which differs from run to run. */
  private static String figuresOf(SimulationResult result) {
    return result.summary().entrySet().stream()
        .filter(entry -> !entry.getKey().contains("second"))
        .map(entry -> entry.getKey() + "=" + entry.getValue())
        .collect(Collectors.joining("\n"));
  }

  private static String monthlyOf(SimulationResult result) {
    return SimulationReport.monthlyCsv(List.of(result), List.of("run"));
  }
}
