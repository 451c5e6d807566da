package org.ehcflow.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ehcflow.reporting.ComplianceFigures;

/**
 * A simulated year run as independent partitions of its caseload, each on its own engine in a JVM
 * of its own, and merged into one result. The engine's clock is one static for a whole JVM, so two
 * engines on different simulated days cannot share one; cases never share a process instance, so
 * the only thing partitions would share is the staff's time and the panel's agenda, and each
 * partition has its share of those (README "What-if simulation").
 */
public final class PartitionedSimulation {

  /** Replaced by the partition's number (1 to n) in a database address given for every part. */
  public static final String PARTITION_PLACEHOLDER = "{partition}";

  /** The first argument that makes the simulate command a partition's JVM. */
  static final String CHILD_MODE = "simulate-partition";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  /** What a partition's JVM is asked to run. */
  record Job(
      SimulationConfig config,
      String models,
      String jdbcUrl,
      String jdbcUser,
      String jdbcPassword,
      int index,
      int count,
      String resultFile) {}

  /** A partition's result as its JVM hands it back. */
  record Outcome(
      ComplianceFigures figures,
      List<SimulationResult.Month> months,
      Tally tally,
      int mailsSent,
      long incidents,
      double wallSeconds,
      double engineSeconds) {}

  /** {@link Simulation.Counters} as data. */
  record Tally(
      int requestsStarted,
      int plansStarted,
      int tasksCompleted,
      int tasksOvertaken,
      int completionsRefused,
      int jobsExecuted,
      int jobsFailed,
      int exceptionsRecorded,
      Map<String, Integer> completedByGroup,
      List<String> refusals,
      List<String> incidentCauses) {

    static Tally of(Simulation.Counters counters) {
      return new Tally(
          counters.requestsStarted,
          counters.plansStarted,
          counters.tasksCompleted,
          counters.tasksOvertaken,
          counters.completionsRefused,
          counters.jobsExecuted,
          counters.jobsFailed,
          counters.exceptionsRecorded,
          counters.completedByGroup,
          counters.refusals,
          counters.incidentCauses);
    }

    Simulation.Counters counters() {
      Simulation.Counters counters = new Simulation.Counters();
      counters.requestsStarted = requestsStarted;
      counters.plansStarted = plansStarted;
      counters.tasksCompleted = tasksCompleted;
      counters.tasksOvertaken = tasksOvertaken;
      counters.completionsRefused = completionsRefused;
      counters.jobsExecuted = jobsExecuted;
      counters.jobsFailed = jobsFailed;
      counters.exceptionsRecorded = exceptionsRecorded;
      counters.completedByGroup.putAll(completedByGroup);
      counters.refusals.addAll(refusals);
      counters.incidentCauses.addAll(incidentCauses);
      return counters;
    }
  }

  private PartitionedSimulation() {}

  /** One partition for each processor the JVM may use. */
  public static int defaultPartitions() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  /**
   * The year in {@code partitions} parts side by side; one part is {@link Simulation#run} in this
   * JVM, exactly as before partitions were. A database address, when given, must name {@value
   * #PARTITION_PLACEHOLDER} so that each part has a database of its own.
   */
  public static SimulationResult run(
      SimulationConfig config, Simulation.Options options, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("--partitions must be at least 1, got " + partitions);
    }
    if (partitions == 1) {
      return Simulation.run(config, options.jdbcUrl() == null ? options : forPart(options, 0));
    }
    if (options.jdbcUrl() != null && !options.jdbcUrl().contains(PARTITION_PLACEHOLDER)) {
      throw new IllegalArgumentException(
          "a database for "
              + partitions
              + " partitions must name "
              + PARTITION_PLACEHOLDER
              + " in its address, so that each has its own");
    }
    long wallStart = System.nanoTime();
    Path dir;
    try {
      dir = Files.createTempDirectory("ehc-simulation-partitions-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Process> children = new ArrayList<>();
    List<Thread> echoes = new ArrayList<>();
    // A parent stopped by Ctrl-C would otherwise leave its partitions running for minutes.
    Thread reaper = new Thread(() -> children.forEach(Process::destroyForcibly));
    Runtime.getRuntime().addShutdownHook(reaper);
    try {
      List<Path> results = new ArrayList<>();
      for (int index = 0; index < partitions; index++) {
        Path jobFile = dir.resolve("partition-" + (index + 1) + ".json");
        Path resultFile = dir.resolve("partition-" + (index + 1) + "-result.json");
        Simulation.Options own = options.jdbcUrl() == null ? options : forPart(options, index);
        JSON.writeValue(
            jobFile.toFile(),
            new Job(
                config,
                options.models() == null ? null : options.models().toAbsolutePath().toString(),
                own.jdbcUrl(),
                own.jdbcUser(),
                own.jdbcPassword(),
                index,
                partitions,
                resultFile.toString()));
        Process child = new ProcessBuilder(command(jobFile)).redirectErrorStream(true).start();
        children.add(child);
        echoes.add(echo(child, "[partition " + (index + 1) + "/" + partitions + "] "));
        results.add(resultFile);
      }
      List<SimulationResult> parts = new ArrayList<>();
      for (int index = 0; index < partitions; index++) {
        int status = children.get(index).waitFor();
        echoes.get(index).join();
        if (status != 0) {
          throw new IllegalStateException(
              "partition "
                  + (index + 1)
                  + " of "
                  + partitions
                  + " stopped with exit status "
                  + status
                  + "; its output is above");
        }
        Outcome outcome = JSON.readValue(results.get(index).toFile(), Outcome.class);
        parts.add(
            new SimulationResult(
                config,
                options.models(),
                outcome.figures(),
                outcome.months(),
                outcome.tally().counters(),
                outcome.mailsSent(),
                outcome.incidents(),
                outcome.wallSeconds(),
                outcome.engineSeconds(),
                1));
      }
      return SimulationMerge.merge(
          config, options.models(), parts, (System.nanoTime() - wallStart) / 1e9);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the partitions ran", e);
    } finally {
      children.forEach(Process::destroyForcibly);
      try {
        Runtime.getRuntime().removeShutdownHook(reaper);
      } catch (IllegalStateException shuttingDown) {
        // The hook is already running: it ends the children itself.
      }
      deleteQuietly(dir);
    }
  }

  /** What a partition's JVM does: runs its part and writes the result where the job says. */
  static int runChild(Path jobFile) {
    try {
      Job job = JSON.readValue(jobFile.toFile(), Job.class);
      SimulationResult result =
          Simulation.run(
              job.config(),
              new Simulation.Options(
                  job.models() == null ? null : Path.of(job.models()),
                  job.jdbcUrl(),
                  job.jdbcUser(),
                  job.jdbcPassword()),
              new Simulation.Partition(job.index(), job.count()));
      JSON.writeValue(
          Path.of(job.resultFile()).toFile(),
          new Outcome(
              result.figures(),
              result.months(),
              Tally.of(result.counters()),
              result.mailsSent(),
              result.incidents(),
              result.wallSeconds(),
              result.engineSeconds()));
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Simulation.Options forPart(Simulation.Options options, int index) {
    return new Simulation.Options(
        options.models(),
        options.jdbcUrl().replace(PARTITION_PLACEHOLDER, String.valueOf(index + 1)),
        options.jdbcUser(),
        options.jdbcPassword());
  }

  /**
   * The same Java and class path as this JVM, with its memory and system property settings; from
   * the simulation's own runnable jar, that jar's launcher.
   */
  static List<String> command(Path jobFile) {
    List<String> command = new ArrayList<>();
    command.add(
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      boolean debugging =
          argument.contains("jdwp")
              || argument.startsWith("-agent")
              || argument.startsWith("-javaagent");
      boolean carried =
          argument.startsWith("-X")
              || argument.startsWith("-D")
              || argument.startsWith("--add-opens")
              || argument.startsWith("--add-exports");
      if (carried && !debugging) {
        command.add(argument);
      }
    }
    // An empty entry means the working directory, whose processes/ folder would then be deployed
    // a second time; a test JVM's class path property ends with one.
    String classPath =
        Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            .filter(entry -> !entry.isBlank())
            .collect(Collectors.joining(java.io.File.pathSeparator));
    if (isBootJar(classPath)) {
      command.add("-jar");
      command.add(classPath);
    } else {
      command.add("-cp");
      command.add(classPath);
      command.add(SimulationCommand.class.getName());
    }
    command.add(CHILD_MODE);
    command.add(jobFile.toString());
    return command;
  }

  private static boolean isBootJar(String classPath) {
    if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
      return false;
    }
    try (JarFile jar = new JarFile(classPath)) {
      return jar.getEntry("BOOT-INF/classes/") != null;
    } catch (IOException e) {
      return false;
    }
  }

  /** The child's output, each line marked with its partition, on this JVM's standard output. */
  private static Thread echo(Process child, String prefix) {
    Thread echo =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  System.out.println(prefix + line);
                }
              } catch (IOException e) {
                // The child has gone; its exit status says how.
              }
            },
            "simulation-" + prefix.strip());
    echo.setDaemon(true);
    echo.start();
    return echo;
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A temporary folder left behind is harmless.
    }
  }
}
