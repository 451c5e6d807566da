package org.ehcflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.casefile.DocumentStore;
import org.ehcflow.casefile.SampleDocuments;
import org.ehcflow.support.AssessmentCase;
import org.ehcflow.support.Cases;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.TestMail;
import org.ehcflow.vocabulary.DocumentKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Issue 24, items 3 and 4: a child's tribunal bundle is one PDF, its index naming the page each
 * document starts on, every page numbered "Page n of N"; a document that cannot be placed is named
 * as not included and never stops the bundle; only the council's caseworkers and managers get it.
 */
@EhcIntegrationTest
class TribunalBundleTest {

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant LATER = Instant.parse("2026-06-01T09:00:00Z");

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired DocumentStore store;
  @LocalServerPort int port;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void a_caseworker_gets_the_whole_case_as_one_numbered_bundle_with_a_true_index()
      throws Exception {
    AssessmentCase assessment = Cases.assessment(engine, mail).child("C-BUNDLE").atAdvice();
    Task epTask = assessment.adviceTask("educational-psychology");
    Task healthTask = assessment.adviceTask("health");
    assertThat(
            upload(
                    "ep",
                    epTask.getId(),
                    "EP report.pdf",
                    BundlePdfs.pages("EP-REPORT", 3),
                    "EP report for the tribunal")
                .getStatusCode()
                .value())
        .isEqualTo(201);
    assertThat(
            upload("health", healthTask.getId(), "rash.png", SampleDocuments.png(), "Health photo")
                .getStatusCode()
                .value())
        .isEqualTo(201);
    assertThat(
            upload(
                    "ep",
                    epTask.getId(),
                    "notes.docx",
                    SampleDocuments.docx("Notes"),
                    "EP working notes")
                .getStatusCode()
                .value())
        .isEqualTo(201);
    assessment.issued();
    String instance = assessment.id();
    // The plans, as the plan documents of the case store them; and two PDFs the case file would
    // refuse today, as imported data holds them.
    BundlePdfs.store(
        store,
        "C-BUNDLE",
        instance,
        "draft-plan-2.pdf",
        null,
        "application/pdf",
        BundlePdfs.pages("DRAFT-TWO", 2),
        LATER.plusSeconds(20),
        DocumentKind.DRAFT_PLAN,
        3);
    BundlePdfs.store(
        store,
        "C-BUNDLE",
        instance,
        "draft-plan-1.pdf",
        null,
        "application/pdf",
        BundlePdfs.pages("DRAFT-ONE", 4),
        LATER.plusSeconds(10),
        DocumentKind.DRAFT_PLAN,
        2);
    BundlePdfs.store(
        store,
        "C-BUNDLE",
        instance,
        "final-plan-1.pdf",
        null,
        "application/pdf",
        BundlePdfs.pages("FINAL-ONE", 5),
        LATER.plusSeconds(30),
        DocumentKind.FINAL_PLAN,
        2);
    BundlePdfs.store(
        store,
        "C-BUNDLE",
        instance,
        "broken.pdf",
        "Damaged school report",
        "application/pdf",
        "%PDF-1.7\nthis is not a PDF at all\n%%EOF".getBytes(),
        LATER.plusSeconds(40),
        DocumentKind.UPLOAD,
        null);
    BundlePdfs.store(
        store,
        "C-BUNDLE",
        instance,
        "locked.pdf",
        "Locked clinic letter",
        "application/pdf",
        SampleDocuments.encryptedPdf("Secret"),
        LATER.plusSeconds(50),
        DocumentKind.UPLOAD,
        null);
    BundlePdfs.store(
        store,
        "C-BUNDLE",
        instance,
        "later.pdf",
        "Later advice",
        "application/pdf",
        BundlePdfs.pages("LATER-ADVICE", 2),
        LATER.plusSeconds(60),
        DocumentKind.UPLOAD,
        null);

    ResponseEntity<byte[]> answer =
        http.withBasicAuth("caseworker", "demo")
            .getForEntity("/api/cases/C-BUNDLE/bundle.pdf", byte[].class);

    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    assertThat(answer.getHeaders().getContentType()).hasToString("application/pdf");
    assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"bundle-C-BUNDLE.pdf\"");
    assertThat(answer.getHeaders().getCacheControl()).contains("no-store");
    // Kept for a person to look at: target/bundles/C-BUNDLE.pdf
    Files.createDirectories(Path.of("target/bundles"));
    Files.write(Path.of("target/bundles/C-BUNDLE.pdf"), answer.getBody());
    BundlePdfs.Read bundle = BundlePdfs.read(answer.getBody());

    assertThat(bundle.page(1))
        .contains("Example Council")
        .contains("First-tier Tribunal (Special Educational Needs and Disability)")
        .contains("Tribunal bundle")
        .contains("Child C-BUNDLE")
        .contains("Child id: C-BUNDLE")
        .contains("Prepared on");
    assertEveryPageNumbered(bundle);

    assertThat(bundle.index())
        .contains("A Chronology")
        .contains("B Decision letters and notices")
        .contains("C EHC plans")
        .contains("D Advice, reports and other documents");
    assertStarts(bundle, "Chronology of the child", "A. Chronology of Child C-BUNDLE (C-BUNDLE)");
    assertStarts(bundle, "Draft EHC plan (version 1)", "Education, Health and Care Plan");
    assertStarts(bundle, "Draft EHC plan (version 2)", "DRAFT-ONE page 1");
    assertStarts(bundle, "Draft EHC plan (version 3)", "DRAFT-TWO page 1");
    assertStarts(bundle, "Final EHC plan (version 1)", "Education, Health and Care Plan");
    assertStarts(bundle, "Final EHC plan (version 2)", "FINAL-ONE page 1");
    assertStarts(bundle, "EP report for the tribunal", "EP-REPORT page 1");
    assertStarts(bundle, "Health photo", "Health photo");
    assertStarts(bundle, "Later advice", "LATER-ADVICE page 1");
    assertThat(bundle.pageOf("Draft EHC plan (version 2)"))
        .as("the plans in version order: the case's own draft and its pages first")
        .isEqualTo(
            bundle.pageOf("Draft EHC plan (version 1)")
                + pagesOfTheCasesOwn("C-BUNDLE", DocumentKind.DRAFT_PLAN));
    assertThat(bundle.pageOf("Draft EHC plan (version 3)"))
        .as("the third draft after the second's four pages")
        .isEqualTo(bundle.pageOf("Draft EHC plan (version 2)") + 4);
    assertThat(bundle.pageOf("Final EHC plan (version 1)"))
        .isEqualTo(bundle.pageOf("Draft EHC plan (version 3)") + 2);
    assertThat(bundle.pageOf("Final EHC plan (version 2)"))
        .isEqualTo(
            bundle.pageOf("Final EHC plan (version 1)")
                + pagesOfTheCasesOwn("C-BUNDLE", DocumentKind.FINAL_PLAN));
    assertThat(bundle.pageOf("EP report for the tribunal"))
        .as("the plans before the other documents")
        .isEqualTo(bundle.pageOf("Final EHC plan (version 2)") + 5);
    assertThat(bundle.pageOf("Health photo"))
        .as("the documents in the order they came")
        .isEqualTo(bundle.pageOf("EP report for the tribunal") + 3);
    assertThat(bundle.pageOf("Later advice")).isEqualTo(bundle.pageOf("Health photo") + 1);
    assertThat(bundle.pageOf("Later advice") + 1)
        .as("the last document ends the bundle")
        .isEqualTo(bundle.size());

    assertThat(bundle.index())
        .contains("EP working notes")
        .contains("Damaged school report")
        .contains("Locked clinic letter");
    assertThat(notIncludedReason(bundle, "EP working notes")).contains("Word");
    assertThat(notIncludedReason(bundle, "Damaged school report")).contains("damaged");
    assertThat(notIncludedReason(bundle, "Locked clinic letter")).contains("encrypted");

    // Every letter of the case, each on pages of its own, from the notice outbox.
    JsonNode notices =
        JSON.readTree(
            http.withBasicAuth("caseworker", "demo")
                .getForEntity("/api/cases/C-BUNDLE/notices", String.class)
                .getBody());
    assertThat(notices.size()).isGreaterThan(3);
    // Long subjects wrap in the index: the letters are its B entries, in the outbox's order.
    List<Integer> letterPages = bundle.sectionPages("B");
    assertThat(letterPages).hasSize(notices.size());
    int previous = 0;
    for (int i = 0; i < notices.size(); i++) {
      JsonNode notice = notices.get(i);
      int page = letterPages.get(i);
      assertThat(page).as("letters in order").isGreaterThan(previous);
      String body = firstLine(notice.path("body").asText());
      assertThat(bundle.page(page).replaceAll("-\\R", "-").replaceAll("\\s+", " "))
          .contains(notice.path("subject").asText())
          .contains("To " + notice.path("recipient").asText())
          .contains(body.substring(0, Math.min(25, body.length())));
      previous = page;
    }
    String chronology = bundle.page(bundle.pageOf("Chronology of the child"));
    assertThat(chronology).contains("Date and time").contains("What happened");

    TaggedPdf tagged = TaggedPdf.read(answer.getBody());
    System.out.println("PARTS " + tagged.parts());
    System.out.println("HEADINGS " + tagged.headings());
    System.out.println(
        "FIGURES " + tagged.elements().stream().filter(e -> e.type().equals("Figure")).toList());
  }

  @Test
  void a_case_with_no_advice_has_a_bundle_of_its_chronology_and_letters() {
    Cases.assessment(engine, mail).child("C-BUNDLE-EMPTY").requested();

    ResponseEntity<byte[]> answer =
        http.withBasicAuth("manager", "demo")
            .getForEntity("/api/cases/C-BUNDLE-EMPTY/bundle.pdf", byte[].class);

    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    BundlePdfs.Read bundle = BundlePdfs.read(answer.getBody());
    assertThat(bundle.page(1)).contains("Child C-BUNDLE-EMPTY");
    assertEveryPageNumbered(bundle);
    assertStarts(bundle, "Chronology of the child", "A. Chronology of");
    assertThat(bundle.index())
        .contains("B Decision letters and notices")
        .doesNotContain("C EHC plans")
        .doesNotContain("D Advice");
  }

  @Test
  void fifty_documents_each_start_on_the_page_the_index_gives() {
    AssessmentCase assessment = Cases.assessment(engine, mail).child("C-BUNDLE-50").atAdvice();
    List<String> titles = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      String title = String.format("Report %02d", i);
      titles.add(title);
      BundlePdfs.store(
          store,
          "C-BUNDLE-50",
          assessment.id(),
          "report-" + i + ".pdf",
          title,
          "application/pdf",
          BundlePdfs.pages("MARK-" + i, 1 + i % 4),
          LATER.plusSeconds(i),
          DocumentKind.UPLOAD,
          null);
    }

    ResponseEntity<byte[]> answer =
        http.withBasicAuth("caseworker", "demo")
            .getForEntity("/api/cases/C-BUNDLE-50/bundle.pdf", byte[].class);

    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    BundlePdfs.Read bundle = BundlePdfs.read(answer.getBody());
    assertEveryPageNumbered(bundle);
    assertThat(bundle.indexPages()).as("an index of more than one page").isGreaterThan(1);
    for (int i = 1; i <= 50; i++) {
      assertStarts(bundle, titles.get(i - 1), "MARK-" + i + " page 1");
    }
    assertThat(bundle.pageOf("Report 50") + (1 + 50 % 4)).isEqualTo(bundle.size() + 1);
  }

  @Test
  void only_caseworkers_and_managers_get_a_bundle() {
    Cases.assessment(engine, mail).child("C-BUNDLE-WHO").requested();

    for (String partner : List.of("panel", "ep", "health", "senco", "owner")) {
      ResponseEntity<String> refused =
          http.withBasicAuth(partner, "demo")
              .getForEntity("/api/cases/C-BUNDLE-WHO/bundle.pdf", String.class);
      assertThat(refused.getStatusCode().value()).as(partner).isEqualTo(403);
      assertThat(refused.getBody()).contains("caseworkers and managers");
    }
    assertThat(
            http.getForEntity("/api/cases/C-BUNDLE-WHO/bundle.pdf", String.class)
                .getStatusCode()
                .value())
        .as("no one unnamed")
        .isEqualTo(401);
    assertThat(
            http.withBasicAuth("manager", "demo")
                .getForEntity("/api/cases/C-BUNDLE-WHO/bundle.pdf", byte[].class)
                .getStatusCode()
                .value())
        .isEqualTo(200);
    assertThat(
            http.withBasicAuth("caseworker", "demo")
                .getForEntity("/api/cases/NO-SUCH-CHILD/bundle.pdf", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(404);
  }

  @Test
  void the_chronology_names_each_plan_version_and_links_the_bundle() throws Exception {
    AssessmentCase assessment = Cases.assessment(engine, mail).child("C-BUNDLE-CHRON").requested();
    String draft =
        BundlePdfs.store(
                store,
                "C-BUNDLE-CHRON",
                assessment.id(),
                "draft-plan-2.pdf",
                null,
                "application/pdf",
                BundlePdfs.pages("DRAFT", 1),
                LATER,
                DocumentKind.DRAFT_PLAN,
                2)
            .id();

    JsonNode chronology =
        JSON.readTree(
            http.withBasicAuth("caseworker", "demo")
                .getForEntity("/api/cases/C-BUNDLE-CHRON/chronology", String.class)
                .getBody());
    JsonNode plan = null;
    for (JsonNode entry : chronology) {
      if (draft.equals(entry.path("documentId").asText())) {
        plan = entry;
      }
    }
    assertThat(plan).isNotNull();
    assertThat(plan.path("kind").asText()).isEqualTo("document");
    assertThat(plan.path("event").asText())
        .isEqualTo("Draft EHC plan (version 2): draft-plan-2.pdf");

    String page =
        http.withBasicAuth("caseworker", "demo")
            .getForEntity("/api/cases/C-BUNDLE-CHRON/chronology.html", String.class)
            .getBody();
    assertThat(page)
        .contains("<a href=\"bundle.pdf\">Tribunal bundle (PDF)</a>")
        .contains("<a href=\"../../documents/" + draft + "\">Open the document</a>");

    // The Cockpit tab's script links the plugin's bundle route.
    assertThat(
            http.getForEntity(
                    "/camunda/api/cockpit/plugin/ehc-compliance/static/app/plugin.js", String.class)
                .getBody())
        .contains("'/bundle.pdf' + query({ processInstanceId })")
        .contains("'Tribunal bundle (PDF)'");

    // A manager in Cockpit: the printable chronology links the bundle, and the plugin's own route
    // gives it in the web app session, without HTTP Basic.
    Cockpit cockpit = Cockpit.logIn(port, "manager", "cockpit");
    String base = "/camunda/api/cockpit/plugin/ehc-compliance/default/";
    HttpResponse<String> printable =
        cockpit.get(
            base + "chronology.html?childId=C-BUNDLE-CHRON", HttpResponse.BodyHandlers.ofString());
    assertThat(printable.body())
        .contains("<a href=\"bundle.pdf?childId=C-BUNDLE-CHRON\">Tribunal bundle (PDF)</a>")
        .contains("../../../../tasklist/plugin/ehc-case-file/default/documents/" + draft + "\">");
    HttpResponse<byte[]> bundle =
        cockpit.get(
            base + "bundle.pdf?processInstanceId=" + assessment.id(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(bundle.statusCode()).isEqualTo(200);
    assertThat(bundle.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(bundle.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"bundle-C-BUNDLE-CHRON.pdf\"");
    BundlePdfs.Read read = BundlePdfs.read(bundle.body());
    assertStarts(read, "Draft EHC plan (version 2)", "DRAFT page 1");

    // The panel has no Cockpit: logged in to Tasklist, the plugin's route still refuses them.
    Cockpit panel = Cockpit.logIn(port, "panel", "tasklist");
    assertThat(
            panel
                .get(
                    base + "bundle.pdf?childId=C-BUNDLE-CHRON",
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isIn(401, 403);
  }

  // --- reading the bundle ------------------------------------------------------------------------

  private static void assertEveryPageNumbered(BundlePdfs.Read bundle) {
    for (int n = 1; n <= bundle.size(); n++) {
      assertThat(bundle.page(n))
          .as("page %d", n)
          .contains("Page " + n + " of " + bundle.size())
          .contains("Tribunal bundle: ");
    }
  }

  /** The index names the document's first page, and that page starts it. */
  private static void assertStarts(BundlePdfs.Read bundle, String title, String firstText) {
    int page = bundle.pageOf(title);
    assertThat(page).as(title).isBetween(3, bundle.size());
    assertThat(bundle.page(page)).as("page %d starts %s", page, title).contains(firstText);
    assertThat(bundle.page(page - 1))
        .as("page %d is before %s", page - 1, title)
        .doesNotContain(firstText);
  }

  private static String notIncludedReason(BundlePdfs.Read bundle, String title) {
    String index = bundle.index().replaceAll("\\s+", " ");
    int at = index.indexOf(title);
    assertThat(at).as(title).isNotNegative();
    String after = index.substring(at);
    assertThat(after).contains("not included: ");
    String reason = after.substring(after.indexOf("not included: "));
    return reason.substring(0, Math.min(reason.length(), 120));
  }

  private static String firstLine(String body) {
    return body.strip().split("\\R")[0].strip();
  }

  private ResponseEntity<String> upload(
      String user, String taskId, String name, byte[] content, String title) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add(
        "file",
        new ByteArrayResource(content) {
          @Override
          public String getFilename() {
            return name;
          }
        });
    parts.add("title", title);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, "demo")
        .exchange(
            "/api/tasks/" + taskId + "/documents",
            HttpMethod.POST,
            new HttpEntity<>(parts, headers),
            String.class);
  }

  /** A person logged in to Cockpit: the session cookie, as the browser holds it. */
  private record Cockpit(int port, CookieManager cookies, HttpClient browser) {

    static Cockpit logIn(int port, String user, String app)
        throws IOException, InterruptedException {
      CookieManager cookies = new CookieManager();
      HttpClient browser =
          HttpClient.newBuilder()
              .cookieHandler(cookies)
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build();
      Cockpit cockpit = new Cockpit(port, cookies, browser);
      cockpit.get("/camunda/app/" + app + "/default/", HttpResponse.BodyHandlers.discarding());
      String token =
          cookies.getCookieStore().getCookies().stream()
              .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
              .map(HttpCookie::getValue)
              .findFirst()
              .orElseThrow();
      HttpResponse<String> login =
          browser.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://localhost:"
                              + port
                              + "/camunda/api/admin/auth/user/default/login/"
                              + app))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("X-XSRF-TOKEN", token)
                  .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as(user + " logs in to " + app).isEqualTo(200);
      return cockpit;
    }

    <T> HttpResponse<T> get(String path, HttpResponse.BodyHandler<T> body)
        throws IOException, InterruptedException {
      return browser.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
              .header("Accept", "*/*")
              .GET()
              .build(),
          body);
    }
  }

  /** The page count of version 1 of a plan, as the case rendered and stored it. */
  private int pagesOfTheCasesOwn(String childId, DocumentKind kind) throws IOException {
    String id =
        store.ofChild(childId).stream()
            .filter(
                document ->
                    document.kind() == kind && Integer.valueOf(1).equals(document.version()))
            .findFirst()
            .orElseThrow()
            .id();
    try (org.apache.pdfbox.pdmodel.PDDocument plan =
        org.apache.pdfbox.Loader.loadPDF(store.content(id))) {
      return plan.getNumberOfPages();
    }
  }
}
