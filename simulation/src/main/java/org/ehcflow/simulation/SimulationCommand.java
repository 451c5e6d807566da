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
                      [--compare-config other-year.yaml] [--compare-models other-folder]
        --config          settings laid over the Bury-sized defaults (simulation/default-year.yaml)
        --models          a folder of .bpmn/.dmn/.form files run instead of the deployed ones of the same name
        --seed            overrides the settings' seed
        --out             where summary.csv, monthly.csv and report.html go (default simulation-output)
        --compare-*       a second run, on other settings or other models, reported side by side
      """;
  private static final Set<String> OPTIONS =
      Set.of("--config", "--models", "--seed", "--out", "--compare-config", "--compare-models");

  private SimulationCommand() {}

  public static void main(String[] args) {
    // Statutory dates are Europe/London calendar dates; the engine's timers and due dates must
    // agree.
    TimeZone.setDefault(TimeZone.getTimeZone(StatutoryClock.ZONE));
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

  static int run(String[] args) {
    Map<String, String> options = parse(args);
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
    SimulationResult a = Simulation.run(first, firstOptions);
    print(firstLabel, a);
    if (!comparing) {
      SimulationReport.write(a, out, firstLabel);
    } else {
      String secondLabel =
          label(options.get("--compare-config"), options.get("--compare-models"), "compared");
      SimulationResult b = Simulation.run(second, secondOptions);
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
        "%s: %d simulated days in %.1f s (%.1f simulated days a second)%n",
        label,
        result.simulatedDays(),
        result.wallSeconds(),
        result.simulatedDays() / result.engineSeconds());
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
