package org.ehcflow.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drawn register of plans, for a council the size of a large county. */
class DemandTest {

  @Test
  void every_drawn_plan_is_for_a_child_born_before_the_first_day_and_its_cycle_never_starts_later(
      @TempDir Path dir) throws Exception {
    Path settings = dir.resolve("large.yaml");
    Files.writeString(settings, "demand: {requests-per-month: 333.34, existing-plans: 20000}\n");
    SimulationConfig config = SimulationConfig.load(settings);

    Demand demand = Demand.draw(config, new WorkingCalendar(config.calendar().bankHolidays()));

    assertThat(demand.plans())
        .hasSize(20_000)
        .allSatisfy(
            plan -> {
              assertThat(plan.dateOfBirth()).isBefore(config.start());
              assertThat(plan.cycleFrom())
                  .isAfter(plan.dateOfBirth())
                  .isBeforeOrEqualTo(config.start());
            });
  }
}
