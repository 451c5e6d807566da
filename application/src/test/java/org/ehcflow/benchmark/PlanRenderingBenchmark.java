package org.ehcflow.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ehcflow.documents.PlanDocuments;
import org.ehcflow.documents.SamplePlans;
import org.ehcflow.vocabulary.DocumentKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: how long a draft plan takes to render, warm (the template parsed, the fonts read, the
 * JIT done): the median of 20 renders of the sample plan (three pages, the logo, the advice of
 * three advisers) after 10 to warm up. A figure, never an assertion: {@code ./mvnw -pl application
 * -Pbenchmark test -Dtest=PlanRenderingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class PlanRenderingBenchmark {

  private static final int WARM_UP = Integer.getInteger("ehc.benchmark.warm-up", 10);
  private static final int ROUNDS = Integer.getInteger("ehc.benchmark.rounds", 20);

  @Test
  void renders_a_draft_plan() throws IOException {
    PlanDocuments plans = SamplePlans.renderer("classpath:council/logo.png");
    var plan = SamplePlans.plan(SamplePlans.sections());
    int bytes = 0;
    for (int i = 0; i < WARM_UP; i++) {
      bytes = plans.render(DocumentKind.DRAFT_PLAN, 1, plan).length;
    }
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < ROUNDS; i++) {
      long start = System.nanoTime();
      plans.render(DocumentKind.DRAFT_PLAN, 1, plan);
      millis.add((System.nanoTime() - start) / 1e6);
    }
    Collections.sort(millis);
    double median = (millis.get((ROUNDS - 1) / 2) + millis.get(ROUNDS / 2)) / 2;
    String table =
        String.format(
            "| what | median ms | min ms | max ms | rounds | PDF bytes |%n"
                + "|---|---|---|---|---|---|%n"
                + "| render a draft plan (warm) | %.0f | %.0f | %.0f | %d | %d |%n",
            median, millis.get(0), millis.get(ROUNDS - 1), ROUNDS, bytes);
    System.out.println(table);
    Path out = Path.of("application/target/benchmark");
    if (!Files.isDirectory(Path.of("application"))) {
      out = Path.of("target/benchmark");
    }
    Files.createDirectories(out);
    Files.writeString(
        out.resolve("plan-rendering-" + LocalDate.now() + ".md"),
        "# Rendering a draft plan\n\n" + table);
  }
}
