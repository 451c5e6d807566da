package org.ehcflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcflow.casefile.DocumentStore;
import org.ehcflow.casefile.SampleDocuments;
import org.ehcflow.support.AssessmentCase;
import org.ehcflow.support.Cases;
import org.ehcflow.support.PostgresApp;
import org.ehcflow.support.TestMail;
import org.ehcflow.vocabulary.DocumentKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The tribunal bundle on the production database: the documents come out of PostgreSQL's {@code
 * bytea} column one at a time, and the bundle holds them all, its index true.
 */
class TribunalBundlePostgresTest {

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void a_bundle_of_plans_reports_and_a_damaged_file_on_postgresql() throws Exception {
    try (PostgresApp app = PostgresApp.start("bundle")) {
      app.user("case1", "la-caseworker");
      app.user("ep1", "educational-psychology");
      AssessmentCase assessment =
          Cases.assessment(app.engine(), mail).child("PG-BUNDLE").atFinalPlan();
      DocumentStore store = app.bean(DocumentStore.class);
      Instant at = Instant.parse("2026-05-01T09:00:00Z");
      BundlePdfs.store(
          store,
          "PG-BUNDLE",
          assessment.id(),
          "draft-plan-1.pdf",
          null,
          "application/pdf",
          BundlePdfs.report("PG-DRAFT", 3),
          at,
          DocumentKind.DRAFT_PLAN,
          2);
      for (int i = 1; i <= 5; i++) {
        BundlePdfs.store(
            store,
            "PG-BUNDLE",
            assessment.id(),
            "advice-" + i + ".pdf",
            "Advice " + i,
            "application/pdf",
            BundlePdfs.report("PG-ADVICE-" + i, i),
            at.plusSeconds(i),
            DocumentKind.UPLOAD,
            null);
      }
      BundlePdfs.store(
          store,
          "PG-BUNDLE",
          assessment.id(),
          "scan.jpg",
          "Scanned letter",
          "image/jpeg",
          SampleDocuments.jpeg(),
          at.plusSeconds(10),
          DocumentKind.UPLOAD,
          null);
      BundlePdfs.store(
          store,
          "PG-BUNDLE",
          assessment.id(),
          "locked.pdf",
          "Locked report",
          "application/pdf",
          SampleDocuments.encryptedPdf("Secret"),
          at.plusSeconds(20),
          DocumentKind.UPLOAD,
          null);

      HttpResponse<byte[]> answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:" + app.port() + "/api/cases/PG-BUNDLE/bundle.pdf"))
                      .header(
                          "Authorization",
                          "Basic "
                              + Base64.getEncoder()
                                  .encodeToString(
                                      ("case1:" + PostgresApp.PASSWORD)
                                          .getBytes(StandardCharsets.UTF_8)))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());

      assertThat(answer.statusCode()).isEqualTo(200);
      BundlePdfs.Read bundle = BundlePdfs.read(answer.body());
      assertThat(bundle.page(1)).contains("Child PG-BUNDLE").contains("Child id: PG-BUNDLE");
      for (int n = 1; n <= bundle.size(); n++) {
        assertThat(bundle.page(n)).contains("Page " + n + " of " + bundle.size());
      }
      assertThat(bundle.page(bundle.pageOf("Draft EHC plan (version 1)")))
          .as("the draft the case served")
          .contains("Education, Health and Care Plan");
      int draft = bundle.pageOf("Draft EHC plan (version 2)");
      assertThat(bundle.page(draft)).contains("PG-DRAFT page 1");
      int previous = draft + 3;
      for (int i = 1; i <= 5; i++) {
        int page = bundle.pageOf("Advice " + i);
        assertThat(page).isEqualTo(previous);
        assertThat(bundle.page(page)).contains("PG-ADVICE-" + i + " page 1");
        previous = page + i;
      }
      assertThat(bundle.pageOf("Scanned letter")).isEqualTo(previous).isEqualTo(bundle.size());
      assertThat(bundle.page(bundle.size())).contains("Scanned letter");
      assertThat(bundle.index().replaceAll("\\s+", " "))
          .contains("Locked report 1 May 2026 - locked.pdf; not included: the PDF is encrypted");

      HttpResponse<String> adviser =
          app.send("ep1", "GET", "/api/cases/PG-BUNDLE/bundle.pdf", null);
      assertThat(adviser.statusCode()).isEqualTo(403);
    }
  }
}
