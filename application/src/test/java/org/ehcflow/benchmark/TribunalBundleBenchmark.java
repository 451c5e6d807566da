package org.ehcflow.benchmark;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.awt.image.BufferedImage;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.ehcflow.casefile.DocumentStore;
import org.ehcflow.reporting.BundlePdfs;
import org.ehcflow.support.AssessmentCase;
import org.ehcflow.support.Cases;
import org.ehcflow.support.PostgresApp;
import org.ehcflow.support.TestMail;
import org.ehcflow.vocabulary.DocumentKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The tribunal bundle of a child with an issued plan, its letters, and 50 documents of 10 pages
 * each (about 500 pages) on PostgreSQL: the time of {@code GET /api/cases/{childId}/bundle.pdf}
 * (built, streamed and read whole over loopback) and the heap while it runs, sampled every
 * millisecond and, after each collection, what the collection left live. Figures only, never
 * assertions. Also renders the bundle's index page to {@code docs/documents/bundle-index.png}. Run
 * with {@code ./mvnw -Pbenchmark test -pl application -Dtest=TribunalBundleBenchmark}.
 */
@Tag("benchmark")
class TribunalBundleBenchmark {

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  private static final int ROUNDS = Integer.getInteger("ehc.benchmark.rounds", 5);
  private static final int DOCUMENTS = 50;
  private static final int PAGES = 10;

  @Test
  void a_bundle_of_50_documents_and_500_pages() throws Exception {
    try (PostgresApp app = PostgresApp.start("bundle_benchmark")) {
      app.user("case1", "la-caseworker");
      AssessmentCase assessment =
          Cases.assessment(app.engine(), mail).child("BENCH-BUNDLE").issued();
      DocumentStore store = app.bean(DocumentStore.class);
      Instant at = Instant.parse("2026-05-21T09:00:00Z");
      String[] plans = {"draft-plan", "draft-plan", "final-plan"};
      for (int i = 1; i <= DOCUMENTS; i++) {
        boolean plan = i <= plans.length;
        DocumentKind kind =
            !plan
                ? DocumentKind.UPLOAD
                : plans[i - 1].equals("final-plan")
                    ? DocumentKind.FINAL_PLAN
                    : DocumentKind.DRAFT_PLAN;
        BundlePdfs.store(
            store,
            "BENCH-BUNDLE",
            assessment.id(),
            (plan ? plans[i - 1] + "-" + i : "report-" + i) + ".pdf",
            plan ? null : "Advice report " + i,
            "application/pdf",
            BundlePdfs.report("BENCH-" + i, PAGES),
            at.plusSeconds(i),
            kind,
            // after the draft and final plan the case itself stored as version 1
            plan ? i + 1 : null);
      }

      HttpClient http = HttpClient.newHttpClient();
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(
                      "http://127.0.0.1:" + app.port() + "/api/cases/BENCH-BUNDLE/bundle.pdf"))
              .header(
                  "Authorization",
                  "Basic "
                      + Base64.getEncoder()
                          .encodeToString(
                              ("case1:" + PostgresApp.PASSWORD).getBytes(StandardCharsets.UTF_8)))
              .GET()
              .build();

      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      AtomicLong liveAfterGc = new AtomicLong();
      NotificationListener afterGc =
          (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                notification.getType())) {
              GarbageCollectionNotificationInfo info =
                  GarbageCollectionNotificationInfo.from(
                      (CompositeData) notification.getUserData());
              long used =
                  info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                      .mapToLong(MemoryUsage::getUsed)
                      .sum();
              liveAfterGc.accumulateAndGet(used, Math::max);
            }
          };
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((NotificationEmitter) gc).addNotificationListener(afterGc, null, null);
      }

      byte[] last = null;
      double[] millis = new double[ROUNDS];
      long[] peak = new long[ROUNDS];
      long[] baseline = new long[ROUNDS];
      long[] live = new long[ROUNDS];
      int pages = 0;
      for (int round = -2; round < ROUNDS; round++) {
        System.gc();
        Thread.sleep(200);
        long before = memory.getHeapMemoryUsage().getUsed();
        liveAfterGc.set(0);
        AtomicLong highest = new AtomicLong(before);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler =
            new Thread(
                () -> {
                  while (running.get()) {
                    highest.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                      Thread.sleep(1);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
        sampler.start();
        long start = System.nanoTime();
        HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        double took = (System.nanoTime() - start) / 1e6;
        running.set(false);
        sampler.join();
        if (answer.statusCode() != 200) {
          throw new IllegalStateException("the bundle answered " + answer.statusCode());
        }
        last = answer.body();
        if (round >= 0) {
          millis[round] = took;
          peak[round] = highest.get();
          baseline[round] = before;
          live[round] = liveAfterGc.get();
        }
      }
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((NotificationEmitter) gc).removeNotificationListener(afterGc);
      }

      // The live heap: one more build while a second thread forces a full collection every
      // 25 ms and keeps the highest heap used after one (slower; not timed).
      System.gc();
      Thread.sleep(200);
      long liveBefore = memory.getHeapMemoryUsage().getUsed();
      AtomicLong liveHighest = new AtomicLong(liveBefore);
      AtomicBoolean collecting = new AtomicBoolean(true);
      Thread collector =
          new Thread(
              () -> {
                while (collecting.get()) {
                  System.gc();
                  liveHighest.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                  try {
                    Thread.sleep(25);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      collector.start();
      HttpResponse<byte[]> measured = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      collecting.set(false);
      collector.join();
      if (measured.statusCode() != 200) {
        throw new IllegalStateException("the bundle answered " + measured.statusCode());
      }

      Path screenshot = Path.of("docs/documents/bundle-index.png");
      Files.createDirectories(screenshot.getParent());
      try (PDDocument bundle = Loader.loadPDF(last)) {
        pages = bundle.getNumberOfPages();
        BufferedImage index = new PDFRenderer(bundle).renderImageWithDPI(1, 110);
        ImageIO.write(index, "png", screenshot.toFile());
      }

      double[] sorted = millis.clone();
      Arrays.sort(sorted);
      List<String> lines = new ArrayList<>();
      lines.add(
          String.format(
              Locale.ROOT,
              "Tribunal bundle benchmark: %d documents of %d pages, %d pages in the bundle, %.1f MB;"
                  + " %d rounds after 2 warm-up rounds",
              DOCUMENTS,
              PAGES,
              pages,
              last.length / 1e6,
              ROUNDS));
      for (int i = 0; i < ROUNDS; i++) {
        lines.add(
            String.format(
                Locale.ROOT,
                "round %d: %.0f ms; heap used before %.0f MB, highest sampled %.0f MB (+%.0f MB);"
                    + " highest live after a collection during the build %s",
                i + 1,
                millis[i],
                baseline[i] / 1e6,
                peak[i] / 1e6,
                (peak[i] - baseline[i]) / 1e6,
                live[i] == 0
                    ? "(no collection)"
                    : String.format(Locale.ROOT, "%.0f MB", live[i] / 1e6)));
      }
      lines.add(
          String.format(
              Locale.ROOT,
              "median %.0f ms, min %.0f ms, max %.0f ms; max heap %d MB",
              sorted[ROUNDS / 2],
              sorted[0],
              sorted[ROUNDS - 1],
              Runtime.getRuntime().maxMemory() / (1024 * 1024)));
      lines.add(
          String.format(
              Locale.ROOT,
              "live heap (full collection every 25 ms during one build): before %.0f MB, highest"
                  + " %.0f MB (+%.0f MB)",
              liveBefore / 1e6,
              liveHighest.get() / 1e6,
              (liveHighest.get() - liveBefore) / 1e6));
      lines.forEach(System.out::println);
      Path figures = Path.of("target/benchmark/bundle.txt");
      Files.createDirectories(figures.getParent());
      Files.write(figures, lines);
    }
  }
}
