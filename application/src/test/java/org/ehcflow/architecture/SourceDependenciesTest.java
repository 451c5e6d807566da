package org.ehcflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package graph as the sources write it (issue 23, item 3). {@link ArchitectureTest} reads
 * class files, where javac has copied every constant into its user, so a class using another
 * package only for its {@code static final String}s (process keys, variable names, group names)
 * shows no dependency there. Here every {@code import}, {@code import static} and fully qualified
 * name {@code org.ehcflow.<package>.} in {@code application/src/main/java} is an edge; subpackages
 * fold into their first-level package ({@code reporting.sen2} is {@code reporting}); the classes
 * directly in {@code org.ehcflow} are the application, which may depend on anything. Comments and
 * string literals do not count. On that graph: no cycles, nothing of ours under {@code statutory}
 * and {@code vocabulary}, and no pathway using another.
 */
class SourceDependenciesTest {

  private static final Path SOURCES = Path.of("application/src/main/java/org/ehcflow");
  private static final String ROOT = "(application)";
  private static final Pattern PACKAGE =
      Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
  private static final Pattern REFERENCE =
      Pattern.compile("\\borg\\s*\\.\\s*ehcflow\\s*\\.\\s*(\\w+)");

  /** package -> package it uses -> the files (and the name) that make it use it. */
  private static Map<String, Map<String, Set<String>>> graph;

  @BeforeAll
  static void readTheSources() {
    graph = packageGraph(SOURCES);
  }

  @Test
  void the_packages_are_free_of_cycles() {
    List<List<String>> cycles = cycles(graph);

    StringBuilder report = new StringBuilder();
    for (List<String> cycle : cycles) {
      report.append("\n  ").append(String.join(" -> ", cycle));
      for (int i = 0; i + 1 < cycle.size(); i++) {
        report
            .append("\n      ")
            .append(cycle.get(i))
            .append(" -> ")
            .append(cycle.get(i + 1))
            .append(": ")
            .append(evidence(cycle.get(i), cycle.get(i + 1)));
      }
    }
    System.out.println("Package graph (sources): " + edges(graph));
    assertThat(cycles)
        .as("cycles between the packages of org.ehcflow, as the sources import them:%s", report)
        .isEmpty();
  }

  @Test
  void statutory_and_vocabulary_import_nothing_of_ours() {
    Map<String, String> found = new TreeMap<>();
    for (String bottom : List.of("statutory", "vocabulary")) {
      graph
          .getOrDefault(bottom, Map.of())
          .forEach((used, files) -> found.put(bottom + " -> " + used, String.join(", ", files)));
    }
    assertThat(found)
        .as(
            "the packages at the bottom use other packages of ours:%n  %s",
            found.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n  ")))
        .isEmpty();
  }

  /**
   * ArchitectureTest's rule again, with the constants javac inlined: process keys, variable names.
   */
  @Test
  void the_pathways_import_nothing_of_each_other() {
    Map<String, String> found = new TreeMap<>();
    for (String pathway : ArchitectureTest.PATHWAYS) {
      graph
          .getOrDefault(pathway, Map.of())
          .forEach(
              (used, files) -> {
                if (ArchitectureTest.PATHWAYS.contains(used)) {
                  found.put(pathway + " -> " + used, String.join(", ", files));
                }
              });
    }
    assertThat(found)
        .as(
            "a pathway uses another; they share only the vocabulary (Pathways, *Variables):%n  %s",
            found.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n  ")))
        .isEmpty();
  }

  @Test
  void the_graph_is_read_from_the_sources() {
    assertThat(graph).containsKeys("assessment", "review", "vocabulary", "statutory");
    assertThat(graph.get("assessment")).containsKey("vocabulary");
    // A fixture proves the reading: comments and strings are not dependencies, nested packages
    // fold.
    Map<String, Map<String, Set<String>>> fixture = new TreeMap<>();
    read(
        "reporting/sen2/X.java",
        """
        package org.ehcflow.reporting.sen2;
        import static org.ehcflow.statutory.Deadlines.*;
        import org.ehcflow.vocabulary.Pathways;
        /** Not {@link org.ehcflow.security.EhcGroups}. */
        class X { // org.ehcflow.casefile.Nothing
          String s = "org.ehcflow.simulation.Demand";
          char c = '"';
          Object o = org.ehcflow.platform.CaseData.class;
          String t = \"""
              org.ehcflow.tasklist.Y
              \""";
          Object p = org.ehcflow.EhcFlowApplication.class;
        }
        """,
        fixture);
    assertThat(fixture.get("reporting").keySet())
        .containsExactlyInAnyOrder("statutory", "vocabulary", "platform", ROOT);
    assertThat(
            cycles(
                Map.of(
                    "a",
                    Map.of("b", Set.of()),
                    "b",
                    Map.of("c", Set.of()),
                    "c",
                    Map.of("a", Set.of()))))
        .containsExactly(List.of("a", "b", "c", "a"));
  }

  // The graph -----------------------------------------------------------------------------------

  static Map<String, Map<String, Set<String>>> packageGraph(Path sources) {
    Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
        read(sources.relativize(file).toString(), Files.readString(file), graph);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return graph;
  }

  private static void read(
      String file, String source, Map<String, Map<String, Set<String>>> graph) {
    String code = withoutCommentsAndLiterals(source);
    Matcher declared = PACKAGE.matcher(code);
    if (!declared.find()) {
      throw new IllegalStateException(file + " declares no package");
    }
    String from = firstLevel(declared.group(1));
    Map<String, Set<String>> uses = graph.computeIfAbsent(from, name -> new TreeMap<>());
    if (ROOT.equals(from)) {
      return; // the application wires everything together
    }
    Matcher reference = REFERENCE.matcher(code.substring(declared.end()));
    while (reference.find()) {
      String segment = reference.group(1);
      String to = Character.isUpperCase(segment.charAt(0)) ? ROOT : segment;
      if (!to.equals(from)) {
        uses.computeIfAbsent(to, name -> new TreeSet<>()).add(file);
      }
    }
  }

  private static String firstLevel(String packageName) {
    if (packageName.equals("org.ehcflow")) {
      return ROOT;
    }
    if (!packageName.startsWith("org.ehcflow.")) {
      throw new IllegalStateException(packageName + " is not under org.ehcflow");
    }
    return packageName.substring("org.ehcflow.".length()).split("\\.")[0];
  }

  /** The source with comments, string, text block and character literals blanked out. */
  static String withoutCommentsAndLiterals(String source) {
    StringBuilder code = new StringBuilder(source.length());
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        int end = source.indexOf('\n', i);
        i = end < 0 ? n : end;
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        code.append(' ');
      } else if (source.startsWith("\"\"\"", i)) {
        int end = i + 3;
        while (end < n && !source.startsWith("\"\"\"", end)) {
          end += source.charAt(end) == '\\' ? 2 : 1;
        }
        i = Math.min(n, end + 3);
        code.append("\"\"");
      } else if (c == '"' || c == '\'') {
        int end = i + 1;
        while (end < n && source.charAt(end) != c && source.charAt(end) != '\n') {
          end += source.charAt(end) == '\\' ? 2 : 1;
        }
        i = Math.min(n, end + 1);
        code.append(c).append(c);
      } else {
        code.append(c);
        i++;
      }
    }
    return code.toString();
  }

  private static String edges(Map<String, Map<String, Set<String>>> graph) {
    return graph.entrySet().stream()
        .map(entry -> entry.getKey() + " -> " + entry.getValue().keySet())
        .collect(Collectors.joining("; "));
  }

  private static String evidence(String from, String to) {
    Set<String> files = graph.get(from).get(to);
    return files.size() <= 3
        ? String.join(", ", files)
        : String.join(", ", new ArrayList<>(files).subList(0, 3))
            + " and "
            + (files.size() - 3)
            + " more";
  }

  /**
   * The cycles, each once: for every edge a -> b that lies on a cycle, the shortest way back from b
   * to a, written from its smallest package so that rotations of one cycle coincide.
   */
  static List<List<String>> cycles(Map<String, ? extends Map<String, ?>> graph) {
    Set<List<String>> cycles = new LinkedHashSet<>();
    for (String from : new TreeSet<>(graph.keySet())) {
      for (String to : new TreeSet<>(graph.get(from).keySet())) {
        List<String> back = shortestPath(graph, to, from);
        if (back != null) {
          List<String> cycle = new ArrayList<>();
          cycle.add(from);
          cycle.addAll(back);
          cycles.add(rotated(cycle));
        }
      }
    }
    List<List<String>> sorted = new ArrayList<>(cycles);
    sorted.sort(
        (a, b) ->
            a.size() != b.size()
                ? Integer.compare(a.size(), b.size())
                : a.toString().compareTo(b.toString()));
    return sorted;
  }

  /** The packages from start to goal, both included, or null when goal cannot be reached. */
  private static List<String> shortestPath(
      Map<String, ? extends Map<String, ?>> graph, String start, String goal) {
    Map<String, String> cameFrom = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>(List.of(start));
    cameFrom.put(start, null);
    while (!queue.isEmpty()) {
      String current = queue.removeFirst();
      if (current.equals(goal)) {
        List<String> path = new ArrayList<>();
        for (String step = goal; step != null; step = cameFrom.get(step)) {
          path.add(step);
        }
        Collections.reverse(path);
        return path;
      }
      Map<String, ?> uses = graph.get(current);
      for (String next : uses == null ? Set.<String>of() : new TreeSet<>(uses.keySet())) {
        if (!cameFrom.containsKey(next)) {
          cameFrom.put(next, current);
          queue.addLast(next);
        }
      }
    }
    return null;
  }

  /** a -> b -> c -> a written from its smallest package, closing where it starts. */
  private static List<String> rotated(List<String> closed) {
    List<String> open = closed.subList(0, closed.size() - 1);
    int start = open.indexOf(Collections.min(open));
    List<String> cycle = new ArrayList<>(open.subList(start, open.size()));
    cycle.addAll(open.subList(0, start));
    cycle.add(cycle.get(0));
    return cycle;
  }
}
