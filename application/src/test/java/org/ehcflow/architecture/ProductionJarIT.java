package org.ehcflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The production jar carries no simulation (issue 23, item 4): the what-if simulation is its own
 * module and runnable jar (simulation/), built on this module's classes, never the other way. Run
 * by failsafe in verify, after package, on the jars this build has just written: the plain jar (the
 * module's artifact, which the simulation module depends on) and the runnable {@code -exec} jar
 * that a council runs (Dockerfile). No entry of the simulation's package or its settings is in
 * either, and no class of the application names a simulation class: a type a class refers to is
 * written into its class file as {@code org/ehcflow/simulation/...}.
 */
class ProductionJarIT {

  static final String SIMULATION_CLASSES = "org/ehcflow/simulation/";
  static final String SIMULATION_REFERENCE = "org/ehcflow/simulation";

  @Test
  void the_plain_jar_holds_the_application_and_no_simulation() throws IOException {
    Path jar = built("ehc.build.jar");
    try (JarFile file = new JarFile(jar.toFile())) {
      List<String> names =
          Collections.list(file.entries()).stream().map(JarEntry::getName).toList();

      assertThat(names)
          .as(jar + " holds the application")
          .contains(
              "org/ehcflow/EhcFlowApplication.class",
              "application.yaml",
              "processes/ehc-needs-assessment.bpmn");
      assertThat(names).as(jar + " holds no simulation").noneMatch(ProductionJarIT::isSimulation);
      assertThat(classesNamingTheSimulation(file, ""))
          .as("classes of " + jar + " naming the simulation")
          .isEmpty();
    }
  }

  @Test
  void the_runnable_jar_starts_the_application_and_holds_no_simulation() throws IOException {
    Path jar = built("ehc.build.exec-jar");
    try (JarFile file = new JarFile(jar.toFile())) {
      List<String> names =
          Collections.list(file.entries()).stream().map(JarEntry::getName).toList();

      assertThat(file.getManifest().getMainAttributes().getValue("Start-Class"))
          .isEqualTo("org.ehcflow.EhcFlowApplication");
      assertThat(names)
          .as(jar + " holds the application")
          .contains(
              "BOOT-INF/classes/org/ehcflow/EhcFlowApplication.class",
              "BOOT-INF/classes/application.yaml",
              "BOOT-INF/classes/processes/ehc-needs-assessment.bpmn");
      assertThat(names)
          .as(jar + " holds no simulation")
          .noneMatch(
              name ->
                  name.startsWith("BOOT-INF/classes/")
                      && isSimulation(name.substring("BOOT-INF/classes/".length())))
          .noneMatch(name -> name.startsWith("BOOT-INF/lib/") && name.contains("simulation"));
      assertThat(classesNamingTheSimulation(file, "BOOT-INF/classes/"))
          .as("classes of " + jar + " naming the simulation")
          .isEmpty();
    }
  }

  private static Path built(String property) {
    String path = System.getProperty(property);
    assertThat(path).as(property + " (set by the build: run in verify)").isNotBlank();
    Path jar = Path.of(path);
    assertThat(jar).as("the jar packaged by this build").isRegularFile();
    return jar;
  }

  private static boolean isSimulation(String name) {
    return name.startsWith(SIMULATION_CLASSES)
        || name.equals("application-simulation.yaml")
        || name.startsWith("simulation/");
  }

  private static List<String> classesNamingTheSimulation(JarFile file, String prefix)
      throws IOException {
    List<String> naming = new ArrayList<>();
    for (JarEntry entry : Collections.list(file.entries())) {
      if (entry.getName().startsWith(prefix) && entry.getName().endsWith(".class")) {
        try (InputStream in = file.getInputStream(entry)) {
          // Class files keep type names in modified UTF-8, which is ASCII for these.
          if (new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)
              .contains(SIMULATION_REFERENCE)) {
            naming.add(entry.getName());
          }
        }
      }
    }
    return naming;
  }
}
