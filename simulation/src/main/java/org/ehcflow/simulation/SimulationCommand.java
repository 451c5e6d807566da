package org.ehcflow.simulation;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.ehcflow.statutory.StatutoryClock;

/**
 * {@code simulate}: runs a what-if year, or two side by side, and writes the report. Exits with 2
 * and a sentence naming the option when the command line or a settings file is wrong.
 */
public final class SimulationCommand {

  static final String USAGE =
      """
      usage: simulate [--config my-year.yaml] [--models folder] [--seed n] [--out folder]
                      [--partitions n] [--compare-config other-year.yaml] [--compare-models other-folder]
        --config          settings laid over the Bury-sized defaults (simulation/default-year.yaml)
        --models          a folder of .bpmn/.dmn/.form files run instead of the deployed ones of the same name
        --seed            overrides the settings' seed
        --out             where summary.csv, monthly.csv and report.html go (default simulation-output)
        --partitions      the caseload in so many parts run side by side, one JVM each (default: one per processor)
        --compare-*       a second run, on other settings or other models, reported side by side
      """;
  private static final Set<String> OPTIONS =
      Set.of(
          "--config",
          "--models",
          "--seed",
          "--out",
          "--partitions",
          "--compare-config",
          "--compare-models");

  private SimulationCommand() {}

  public static void main(String[] args) {
    // Statutory dates are Europe/London calendar dates; the engine's timers and due dates must
    // agree.
    TimeZone.setDefault(TimeZone.getTimeZone(StatutoryClock.ZONE));
    if (args.length == 2 && args[0].equals(PartitionedSimulation.CHILD_MODE)) {
      runPartition(Path.of(args[1]));
    }
    int status;
    try {
      status = run(args);
    } catch (IllegalArgumentException e) {
      System.err.println("simulate: " + e.getMessage());
      System.err.print(USAGE);
      status = 2;
    }
    System.exit(status);
  }

  /** A partition's JVM: whatever stops its run, the parent must hear of it by the exit status. */
  private static void runPartition(Path job) {
    int status;
    try {
      status = PartitionedSimulation.runChild(job);
    } catch (Throwable e) {
      e.printStackTrace();
      status = 1;
    }
    System.exit(status);
  }

  static int run(String[] args) {
    Map<String, String> options = parse(args);
    int partitions = partitionsOf(options.get("--partitions"));
    Path out = Path.of(options.getOrDefault("--out", "simulation-output"));
    SimulationConfig first = configOf(options.get("--config"), options.get("--seed"));
    Simulation.Options firstOptions =
        Simulation.Options.inMemory().withModels(pathOrNull(options.get("--models")));
    boolean comparing =
        options.containsKey("--compare-config") || options.containsKey("--compare-models");
    SimulationConfig second =
        comparing
            ? configOf(
                options.getOrDefault("--compare-config", options.get("--config")),
                options.get("--seed"))
            : null;
    Simulation.Options secondOptions =
        Simulation.Options.inMemory()
            .withModels(
                pathOrNull(options.getOrDefault("--compare-models", options.get("--models"))));
    String firstLabel = label(options.get("--config"), options.get("--models"), "as deployed");
    SimulationResult a = PartitionedSimulation.run(first, firstOptions, partitions);
    print(firstLabel, a);
    if (!comparing) {
      SimulationReport.write(a, out, firstLabel);
    } else {
      String secondLabel =
          label(options.get("--compare-config"), options.get("--compare-models"), "compared");
      SimulationResult b = PartitionedSimulation.run(second, secondOptions, partitions);
      print(secondLabel, b);
      SimulationReport.write(a, out.resolve("a"), firstLabel);
      SimulationReport.write(b, out.resolve("b"), secondLabel);
      SimulationReport.compare(a, firstLabel, b, secondLabel, out);
    }
    System.out.println("report: " + out.resolve("report.html").toAbsolutePath());
    return 0;
  }

  private static void print(String label, SimulationResult result) {
    System.out.printf(
        "%s: %d simulated days in %.1f s (%.1f simulated days a second, %d partition%s)%n",
        label,
        result.simulatedDays(),
        result.wallSeconds(),
        result.simulatedDays() / result.engineSeconds(),
        result.partitions(),
        result.partitions() == 1 ? "" : "s");
    result
        .summary()
        .forEach(
            (name, value) ->
                System.out.printf(
                    "  %-60s %s%n", name, value == null ? "-" : SimulationReport.format(value)));
    if (result.completionsRefused() > 0) {
      System.out.println(
          "  task completions the models refused (first " + result.refusals().size() + "):");
      result.refusals().forEach(refusal -> System.out.println("    " + refusal));
    }
    if (result.incidents() > 0) {
      System.out.println("  incidents at the end, by step and cause:");
      result.incidentCauses().forEach(cause -> System.out.println("    " + cause));
    }
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (i == 0 && arg.equals("simulate")) {
        continue;
      }
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (!OPTIONS.contains(name)) {
        throw new IllegalArgumentException("unknown option " + arg);
      }
      String value;
      if (arg.contains("=")) {
        value = arg.substring(arg.indexOf('=') + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException(name + " needs a value");
      }
      options.put(name, value);
    }
    return options;
  }

  private static SimulationConfig configOf(String file, String seed) {
    SimulationConfig config = SimulationConfig.load(file == null ? null : Path.of(file));
    if (seed == null) {
      return config;
    }
    long value;
    try {
      value = Long.parseLong(seed);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--seed must be a whole number, got " + seed);
    }
    return new SimulationConfig(
        value,
        config.start(),
        config.months(),
        config.demand(),
        config.calendar(),
        config.panel(),
        config.groups(),
        config.tasks(),
        config.defaultResponse());
  }

  private static int partitionsOf(String value) {
    if (value == null) {
      return PartitionedSimulation.defaultPartitions();
    }
    int partitions;
    try {
      partitions = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--partitions must be a whole number, got " + value);
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("--partitions must be at least 1, got " + value);
    }
    return partitions;
  }

  private static Path pathOrNull(String path) {
    return path == null ? null : Path.of(path);
  }

  private static String label(String config, String models, String fallback) {
    if (config == null && models == null) {
      return fallback;
    }
    StringBuilder label = new StringBuilder();
    if (config != null) {
      label.append(Path.of(config).getFileName());
    }
    if (models != null) {
      label.append(label.length() > 0 ? " on " : "models ").append(Path.of(models).getFileName());
    }
    return label.toString();
  }
}
