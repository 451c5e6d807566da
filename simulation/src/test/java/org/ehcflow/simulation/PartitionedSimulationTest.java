package org.ehcflow.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.ehcflow.reporting.ComplianceFigures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A year run as partitions side by side, each in a JVM of its own, and merged. */
class PartitionedSimulationTest {

  @TempDir Path temp;

  @Test
  void each_drawn_case_is_in_exactly_one_partition_and_each_is_the_case_the_seed_gives() {
    SimulationConfig config = SimulationConfig.defaults();
    Demand whole = Demand.draw(config, new WorkingCalendar(config.calendar().bankHolidays()));
    List<Demand.Request> requests = new ArrayList<>();
    List<Demand.Plan> plans = new ArrayList<>();
    for (int index = 0; index < 3; index++) {
      Simulation.Partition partition = new Simulation.Partition(index, 3);
      Demand part = whole.partition(partition::holds);
      requests.addAll(part.requests());
      plans.addAll(part.plans());
    }

    assertThat(requests).containsExactlyInAnyOrderElementsOf(whole.requests());
    assertThat(plans).containsExactlyInAnyOrderElementsOf(whole.plans());
    assertThat(whole.partition(Simulation.Partition.WHOLE::holds)).isEqualTo(whole);
  }

  @Test
  void in_every_week_the_partitions_shares_of_a_capacity_add_up_to_the_whole() {
    for (int count = 1; count <= 4; count++) {
      for (int capacity : List.of(1, 3, 6, 40, 240)) {
        for (long slot = 2900; slot < 2910; slot++) {
          int total = 0;
          Set<Integer> shares = new HashSet<>();
          for (int index = 0; index < count; index++) {
            int share = new Simulation.Partition(index, count).shareOf(capacity, slot);
            total += share;
            shares.add(share);
          }
          assertThat(total).as("%d in %d parts", capacity, count).isEqualTo(capacity);
          // As even as whole tasks allow.
          assertThat(
                  shares.stream().mapToInt(Integer::intValue).max().orElseThrow()
                      - shares.stream().mapToInt(Integer::intValue).min().orElseThrow())
              .isLessThanOrEqualTo(1);
        }
      }
    }
    // A capacity too small to split goes round: each partition has it in its turn.
    for (int index = 0; index < 2; index++) {
      Simulation.Partition partition = new Simulation.Partition(index, 2);
      List<Integer> turns =
          IntStream.range(0, 4).mapToObj(week -> partition.shareOf(1, week)).toList();
      assertThat(turns).containsExactly(index == 0 ? 1 : 0, index, index == 0 ? 1 : 0, index);
    }
    assertThat(new Simulation.Partition(0, 2).shareOf(Integer.MAX_VALUE, 7))
        .isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void the_same_seed_in_two_partitions_gives_the_same_merged_year_twice() throws Exception {
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

    SimulationResult first = PartitionedSimulation.run(config, Simulation.Options.inMemory(), 2);
    SimulationResult again = PartitionedSimulation.run(config, Simulation.Options.inMemory(), 2);

    assertThat(first.partitions()).isEqualTo(2);
    assertThat(first.refusals()).isEmpty();
    assertThat(first.incidents()).isZero();
    // Every drawn case ran, in one partition or the other.
    assertThat(first.counters().requestsStarted).isEqualTo(12);
    assertThat(first.counters().plansStarted).isEqualTo(15);
    assertThat(first.tasksCompleted()).isPositive();
    assertThat(first.figures().reviews().due()).isPositive();
    assertThat(figuresOf(again)).isEqualTo(figuresOf(first));
    assertThat(countsOf(again.figures())).isEqualTo(countsOf(first.figures()));
    assertThat(SimulationReport.monthlyCsv(List.of(again), List.of("run")))
        .isEqualTo(SimulationReport.monthlyCsv(List.of(first), List.of("run")));
  }

  @Test
  void a_database_shared_by_partitions_is_refused_before_anything_runs() {
    Simulation.Options shared =
        new Simulation.Options(null, "jdbc:postgresql://localhost/one", "u", "");
    assertThatThrownBy(() -> PartitionedSimulation.run(SimulationConfig.defaults(), shared, 2))
        .hasMessageContaining(PartitionedSimulation.PARTITION_PLACEHOLDER);
    assertThatThrownBy(
            () ->
                PartitionedSimulation.run(
                    SimulationConfig.defaults(), Simulation.Options.inMemory(), 0))
        .hasMessageContaining("--partitions");
  }

  /** The figures without the run's own timing, which differs from run to run. */
  private static String figuresOf(SimulationResult result) {
    return result.summary().entrySet().stream()
        .filter(entry -> !entry.getKey().contains("second"))
        .map(entry -> entry.getKey() + "=" + entry.getValue())
        .collect(Collectors.joining("\n"));
  }

  /** Every figure's counts and the cases behind it by business key and date. */
  private static String countsOf(ComplianceFigures figures) {
    return figures.toString().replaceAll("processInstanceId=[^,]*, ", "");
  }
}
