package org.ehcflow.simulation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntPredicate;
import org.ehcflow.statutory.SchoolYears;

/**
 * The cases of a simulated year, drawn once from the settings and the seed before the engine
 * starts: the same seed gives the same children, dates and outcomes.
 */
record Demand(List<Request> requests, List<Plan> plans) {

  enum Outcome {
    REFUSED,
    NO_PLAN,
    PLAN
  }

  /** A request; one received before the simulated start is already in hand on its first day. */
  record Request(
      String childId,
      LocalDate received,
      LocalDate dateOfBirth,
      Outcome outcome,
      boolean exception,
      boolean namesSetting,
      boolean settingCannotMeetNeeds) {
    String businessKey() {
      return "EHCNA-" + childId;
    }
  }

  /** A maintained plan whose current review cycle counts from {@code cycleFrom}. */
  record Plan(
      String childId,
      LocalDate cycleFrom,
      LocalDate dateOfBirth,
      String settingPhase,
      String namedSetting) {}

  /** The requests and the plans whose place in the drawn year's lists the test accepts. */
  Demand partition(IntPredicate holds) {
    return new Demand(kept(requests, holds), kept(plans, holds));
  }

  private static <T> List<T> kept(List<T> all, IntPredicate holds) {
    List<T> kept = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (holds.test(i)) {
        kept.add(all.get(i));
      }
    }
    return kept;
  }

  static Demand draw(SimulationConfig config, WorkingCalendar calendar) {
    Random random = new Random(config.seed());
    SimulationConfig.Demand settings = config.demand();
    return new Demand(
        requests(config, settings, calendar, random), plans(config, settings, random));
  }

  private static List<Request> requests(
      SimulationConfig config,
      SimulationConfig.Demand settings,
      WorkingCalendar calendar,
      Random random) {
    List<LocalDate> arrivals = new ArrayList<>();
    List<Outcome> outcomes = new ArrayList<>();
    List<Boolean> exceptions = new ArrayList<>();
    List<LocalDate> births = new ArrayList<>();
    List<Boolean> namesSetting = new ArrayList<>();
    if (!settings.requests().isEmpty()) {
      for (SimulationConfig.ScriptedRequest scripted : settings.requests()) {
        arrivals.add(scripted.received());
        outcomes.add(Outcome.valueOf(scripted.outcome().toUpperCase().replace('-', '_')));
        exceptions.add(scripted.exception());
        births.add(
            scripted.dateOfBirth() != null
                ? scripted.dateOfBirth()
                : scripted.received().minusYears(8));
        namesSetting.add(scripted.namesSetting() != null ? scripted.namesSetting() : Boolean.FALSE);
      }
    } else {
      YearMonth first = YearMonth.from(config.start());
      for (int month = 0; month < config.months(); month++) {
        // Whole requests per month that add up to the yearly rate, with no rounding drift.
        int count =
            (int) Math.floor((month + 1) * settings.requestsPerMonth())
                - (int) Math.floor(month * settings.requestsPerMonth());
        List<LocalDate> workingDays =
            first
                .plusMonths(month)
                .atDay(1)
                .datesUntil(first.plusMonths(month + 1).atDay(1))
                .filter(calendar::isWorkingDay)
                .filter(day -> !day.isBefore(config.start()))
                .toList();
        for (int i = 0; i < count && !workingDays.isEmpty(); i++) {
          arrivals.add(workingDays.get(random.nextInt(workingDays.size())));
        }
      }
      arrivals.sort(Comparator.naturalOrder());
      outcomes.addAll(exactShares(arrivals.size(), settings.outcomes(), random));
      List<Integer> assessed = new ArrayList<>();
      for (int i = 0; i < outcomes.size(); i++) {
        exceptions.add(false);
        if (outcomes.get(i) != Outcome.REFUSED) {
          assessed.add(i);
        }
      }
      Collections.shuffle(assessed, random);
      int withException = (int) Math.round(settings.exceptionRate() * assessed.size());
      assessed.subList(0, withException).forEach(i -> exceptions.set(i, true));
      for (LocalDate arrival : arrivals) {
        // Children referred for assessment: mostly of primary school age.
        births.add(arrival.minusYears(2 + random.nextInt(13)).minusDays(random.nextInt(365)));
        namesSetting.add(random.nextDouble() < settings.parentNamesSetting());
      }
    }
    List<Request> requests = new ArrayList<>();
    for (int i = 0; i < arrivals.size(); i++) {
      boolean cannotMeet = random.nextDouble() < settings.settingCannotMeetNeeds();
      requests.add(
          new Request(
              String.format("SIM-R%05d", i + 1),
              arrivals.get(i),
              births.get(i),
              outcomes.get(i),
              exceptions.get(i),
              namesSetting.get(i),
              cannotMeet));
    }
    return requests;
  }

  /** Outcomes in exactly the configured shares (largest remainder), in a seeded random order. */
  private static List<Outcome> exactShares(
      int total, SimulationConfig.Shares shares, Random random) {
    double[] wanted = {shares.refused() * total, shares.noPlan() * total, shares.plan() * total};
    int[] counts = new int[3];
    int given = 0;
    for (int i = 0; i < 3; i++) {
      counts[i] = (int) Math.floor(wanted[i]);
      given += counts[i];
    }
    while (given < total) {
      int largest = 0;
      for (int i = 1; i < 3; i++) {
        if (wanted[i] - counts[i] > wanted[largest] - counts[largest]) {
          largest = i;
        }
      }
      counts[largest]++;
      wanted[largest] = counts[largest];
      given++;
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      outcomes.addAll(Collections.nCopies(counts[i], Outcome.values()[i]));
    }
    Collections.shuffle(outcomes, random);
    return outcomes;
  }

  private static List<Plan> plans(
      SimulationConfig config, SimulationConfig.Demand settings, Random random) {
    List<Plan> plans = new ArrayList<>();
    if (!settings.plans().isEmpty()) {
      int n = 0;
      for (SimulationConfig.ScriptedPlan scripted : settings.plans()) {
        String phase =
            scripted.settingPhase() != null
                ? scripted.settingPhase()
                : phaseOf(scripted.dateOfBirth(), config.start());
        String setting =
            scripted.namedSetting() != null ? scripted.namedSetting() : "Current School";
        plans.add(
            new Plan(
                String.format("SIM-P%05d", ++n),
                scripted.planIssued(),
                scripted.dateOfBirth(),
                phase,
                setting));
      }
      return plans;
    }
    List<Map.Entry<String, Double>> bands = new ArrayList<>(settings.ageMix().entrySet());
    double totalWeight = bands.stream().mapToDouble(Map.Entry::getValue).sum();
    for (int n = 1; n <= settings.existingPlans(); n++) {
      double pick = random.nextDouble() * totalWeight;
      String band = bands.get(bands.size() - 1).getKey();
      for (Map.Entry<String, Double> entry : bands) {
        pick -= entry.getValue();
        if (pick < 0) {
          band = entry.getKey();
          break;
        }
      }
      String[] range = band.split("-");
      int youngest = Integer.parseInt(range[0].trim());
      int oldest = Integer.parseInt(range[range.length - 1].trim());
      LocalDate dateOfBirth =
          config
              .start()
              .minusYears(youngest + random.nextInt(oldest - youngest + 1))
              .minusDays(random.nextInt(365));
      // A plan is for a child already born: one drawn as born on the first day was born the day
      // before.
      if (!dateOfBirth.isBefore(config.start())) {
        dateOfBirth = config.start().minusDays(1);
      }
      // Reviews fall due evenly over the year: each cycle began in the twelve months before it,
      // and after the child's birth.
      LocalDate cycleFrom = config.start().minusDays(1 + random.nextInt(365));
      if (cycleFrom.isBefore(dateOfBirth)) {
        cycleFrom = dateOfBirth.plusDays(1);
      }
      plans.add(
          new Plan(
              String.format("SIM-P%05d", n),
              cycleFrom,
              dateOfBirth,
              phaseOf(dateOfBirth, config.start()),
              "Current School"));
    }
    return plans;
  }

  /** The phase of the setting a child of this age attends in the school year under way. */
  static String phaseOf(LocalDate dateOfBirth, LocalDate on) {
    int yearGroup = SchoolYears.yearGroupIn(SchoolYears.academicYearOf(on), dateOfBirth);
    if (yearGroup < 0) {
      return "early-years";
    }
    if (yearGroup <= 6) {
      return "primary";
    }
    if (yearGroup <= 11) {
      return "secondary";
    }
    return "post16";
  }
}
