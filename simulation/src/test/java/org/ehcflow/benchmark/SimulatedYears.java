package org.ehcflow.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ehcflow.simulation.PartitionedSimulation;
import org.ehcflow.simulation.Simulation;
import org.ehcflow.simulation.SimulationConfig;
import org.ehcflow.simulation.SimulationResult;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Section 5 of the engine benchmark: how fast a what-if year runs on PostgreSQL, for a council the
 * size of Bury (the simulation's defaults) and for a large one (20,000 plans, 4,000 requests a
 * year, its services eight times Bury's so the queues are alike). The caseload runs in as many
 * partitions side by side as {@code ehc.benchmark.sim-partitions} says (default one per processor,
 * as the simulate command), each partition with a database of its own.
 */
final class SimulatedYears {

  private static final int MONTHS = Integer.getInteger("ehc.benchmark.sim-months", 12);
  private static final String COUNCILS =
      System.getProperty("ehc.benchmark.sim-councils", "bury,large");

  private static final int PARTITIONS =
      Integer.getInteger("ehc.benchmark.sim-partitions", PartitionedSimulation.defaultPartitions());

  private SimulatedYears() {}

  static void measure(EmbeddedPostgres postgres, EngineBenchmark.Report report) throws Exception {
    for (String council : COUNCILS.split(",")) {
      String settings =
          switch (council.strip()) {
            case "bury" -> "months: " + MONTHS + "\n";
            case "large" ->
                """
            months: %d
            demand: {requests-per-month: 333.34, existing-plans: 20000}
            panel: {cases-per-meeting: 320}
            groups:
              la-caseworker: {staff: 96}
              educational-psychology: {staff: 32}
            """
                    .formatted(MONTHS);
            default -> throw new IllegalArgumentException("unknown council " + council);
          };
      String label =
          council.strip().equals("bury")
              ? "Bury-sized default (2,500 plans, 504 requests a year)"
              : "large council (20,000 plans, 4,000 requests a year)";
      Path file = Files.createTempFile("simulated-" + council.strip(), ".yaml");
      Files.writeString(file, settings);
      String database = "simulated_" + council.strip() + "_" + PARTITIONS + "_part";
      for (int part = 1; part <= PARTITIONS; part++) {
        new JdbcTemplate(postgres.getPostgresDatabase())
            .execute("CREATE DATABASE " + database + part);
      }
      SimulationResult result =
          PartitionedSimulation.run(
              SimulationConfig.load(file),
              new Simulation.Options(
                  null,
                  postgres.getJdbcUrl(
                      "postgres", database + PartitionedSimulation.PARTITION_PLACEHOLDER),
                  "postgres",
                  ""),
              PARTITIONS);
      String section = "5. simulated year";
      report.row(
          section,
          label + ": partitions (engines side by side, one JVM each)",
          String.valueOf(result.partitions()),
          "",
          "");
      report.row(
          section,
          label + ": simulated days per wall-clock second (engine running)",
          String.format(
              Locale.ROOT,
              "%.2f (%d days in %.0f s)",
              result.simulatedDays() / result.engineSeconds(),
              result.simulatedDays(),
              result.engineSeconds()),
          "",
          "a year in minutes");
      report.row(
          section,
          label + ": wall time including engine start",
          minutes(result.wallSeconds()),
          "",
          "");
      report.row(
          section,
          label + ": tasks completed / jobs run / mails / refused completions / incidents",
          result.tasksCompleted()
              + " / "
              + result.jobsExecuted()
              + " / "
              + result.mailsSent()
              + " / "
              + result.completionsRefused()
              + " / "
              + result.incidents(),
          "",
          "");
      if (result.incidents() > 0) {
        report.row(
            section,
            label + ": incidents at the end, by step and cause",
            String.join("; ", result.incidentCauses()),
            "",
            "");
      }
      Number rate = result.summary().get("20-week rate (%)");
      report.row(
          section,
          label + ": simulated 20-week rate / reviews decided within 4 weeks",
          rate + "% / " + result.summary().get("reviews decided within 4 weeks (%)") + "%",
          "",
          "");
      for (String refusal : List.copyOf(result.refusals())) {
        report.row(section, label + ": refused completion", refusal, "", "");
      }
    }
  }

  private static String minutes(double seconds) {
    return String.format(Locale.ROOT, "%d min %02d s", (long) seconds / 60, (long) seconds % 60);
  }
}
