package org.ehcflow.reporting.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.TestCase;
import org.ehcflow.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Cockpit plugin's API, as the plugin's script calls it: in a web app session, behind the web
 * apps' login, and only for the groups of {@code ReportingAccess}.
 */
@EhcIntegrationTest
class ComplianceCockpitApiTest {

  static final String PLUGIN_API = "/camunda/api/cockpit/plugin/ehc-compliance";
  static final String ENGINE_API = PLUGIN_API + "/default";

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private final ObjectMapper json = new ObjectMapper();
  private CookieManager cookies;
  private HttpClient browser;

  @BeforeEach
  void aFreshBrowser() {
    cookies = new CookieManager();
    browser =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void cockpit_loads_the_plugin_script_and_styles_without_a_login() throws Exception {
    HttpResponse<String> index = get("/camunda/app/cockpit/default/");
    HttpResponse<String> script = get(PLUGIN_API + "/static/app/plugin.js");
    HttpResponse<String> styles = get(PLUGIN_API + "/static/app/plugin.css");

    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body())
        .as("Cockpit's page lists the plugin package")
        .contains("cockpit-plugin-ehc-compliance")
        .contains("api/cockpit/plugin/ehc-compliance/static/app");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
    assertThat(script.body())
        .contains("export default")
        .contains("cockpit.dashboard")
        .contains("cockpit.route")
        .contains("cockpit.navigation")
        .contains("cockpit.processInstance.runtime.tab")
        .doesNotContain("innerHTML");
    assertThat(styles.statusCode()).isEqualTo(200);
    assertThat(get(PLUGIN_API + "/static/app/other.js").statusCode())
        .as("only the plugin's own assets")
        .isEqualTo(403);
  }

  @Test
  void a_manager_reads_the_compliance_figures_as_json() throws Exception {
    ClockUtil.setCurrentTime(
        Date.from(LocalDateTime.parse("2026-03-02T10:00").atZone(StatutoryClock.ZONE).toInstant()));
    logIn("cockpit", "manager");

    HttpResponse<String> byDefault = get(ENGINE_API + "/figures");
    HttpResponse<String> forAPeriod = get(ENGINE_API + "/figures?from=2025-09-01&to=2026-02-28");

    assertThat(byDefault.statusCode()).as(byDefault.body()).isEqualTo(200);
    assertThat(byDefault.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode figures = json.readTree(byDefault.body());
    assertThat(figures.has("deadlines")).isTrue();
    assertThat(figures.has("timeliness")).isTrue();
    assertThat(figures.has("advice")).isTrue();
    assertThat(figures.has("reviews")).isTrue();
    assertThat(figures.has("phaseTransfers")).isTrue();
    assertThat(figures.get("deadlines").isArray()).isTrue();
    assertThat(figures.path("today").asText()).isEqualTo("2026-03-02");
    assertThat(figures.path("to").asText()).isEqualTo("2026-03-02");
    assertThat(figures.path("from").asText())
        .as("the last 12 months by default")
        .isEqualTo("2025-03-03");

    assertThat(forAPeriod.statusCode()).as(forAPeriod.body()).isEqualTo(200);
    assertThat(json.readTree(forAPeriod.body()).path("from").asText()).isEqualTo("2025-09-01");
    assertThat(json.readTree(forAPeriod.body()).path("to").asText()).isEqualTo("2026-02-28");
  }

  @Test
  void a_period_that_is_not_a_pair_of_dates_is_refused_with_a_message() throws Exception {
    logIn("cockpit", "manager");

    HttpResponse<String> notADate = get(ENGINE_API + "/figures?from=1%2F9%2F2025");
    HttpResponse<String> backwards = get(ENGINE_API + "/figures?from=2026-03-01&to=2026-02-01");

    assertThat(notADate.statusCode()).isEqualTo(400);
    assertThat(json.readTree(notADate.body()).path("message").asText()).contains("yyyy-MM-dd");
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(json.readTree(backwards.body()).path("message").asText()).contains("after");
  }

  @Test
  void a_partner_in_a_web_app_session_may_not_read_the_figures_or_a_chronology() throws Exception {
    logIn("tasklist", "senco");

    HttpResponse<String> figures = get(ENGINE_API + "/figures");
    HttpResponse<String> chronology = get(ENGINE_API + "/chronology?childId=C-ANY");
    HttpResponse<String> printable = get(ENGINE_API + "/chronology.html?childId=C-ANY");

    assertThat(figures.statusCode()).isEqualTo(403);
    assertThat(figures.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(json.readTree(figures.body()).path("message").asText())
        .contains("senco")
        .contains("la-manager");
    assertThat(chronology.statusCode()).isEqualTo(403);
    assertThat(printable.statusCode()).isEqualTo(403);
    assertThat(printable.body()).doesNotContain("<table");
  }

  @Test
  void nobody_reads_the_plugin_api_without_logging_in() throws Exception {
    assertThat(get(ENGINE_API + "/figures").statusCode()).isIn(401, 403);
    assertThat(get(ENGINE_API + "/chronology?childId=C-ANY").statusCode()).isIn(401, 403);
  }

  @Test
  void a_caseworker_reads_a_childs_chronology_by_case_and_prints_it_escaped() throws Exception {
    TestCase assessment = new TestCase(engine, mail).on("2026-01-05T09:30");
    Map<String, Object> request = new HashMap<>();
    request.put("childId", "C-PLUGIN-CHRON");
    request.put("childName", "Zoë O'Brien <script>alert(1)</script>");
    request.put("dateOfBirth", "2016-03-14");
    request.put("requestReceivedDate", "2026-01-05");
    request.put("requester", "parent");
    request.put("parentEmail", "parent.obrien@example.org");
    request.put("yearGroup", 4);
    assessment.start(AssessmentProcess.KEY, "EHCNA-C-PLUGIN-CHRON", request);
    logIn("tasklist", "caseworker");

    HttpResponse<String> byCase =
        get(ENGINE_API + "/chronology?processInstanceId=" + assessment.id());
    HttpResponse<String> byChild = get(ENGINE_API + "/chronology?childId=C-PLUGIN-CHRON");
    HttpResponse<String> printable =
        get(ENGINE_API + "/chronology.html?processInstanceId=" + assessment.id());

    assertThat(byCase.statusCode()).as(byCase.body()).isEqualTo(200);
    JsonNode entries = json.readTree(byCase.body());
    assertThat(entries.isArray()).isTrue();
    assertThat(entries.size()).isGreaterThan(0);
    assertThat(entries.get(0).path("processInstanceId").asText()).isEqualTo(assessment.id());
    assertThat(entries.get(0).has("at")).isTrue();
    assertThat(entries.get(0).has("event")).isTrue();
    assertThat(json.readTree(byChild.body())).isEqualTo(entries);

    assertThat(printable.statusCode()).as(printable.body()).isEqualTo(200);
    assertThat(printable.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    // Its own policy on top of Cockpit's (a browser enforces both): nothing but its one style
    // block.
    String style =
        printable
            .body()
            .substring(
                printable.body().indexOf("<style>") + "<style>".length(),
                printable.body().indexOf("</style>"));
    String styleHash =
        java.util.Base64.getEncoder()
            .encodeToString(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest(style.getBytes(StandardCharsets.UTF_8)));
    assertThat(printable.headers().allValues("Content-Security-Policy"))
        .anySatisfy(
            policy ->
                assertThat(policy)
                    .startsWith("default-src 'none'; style-src 'sha256-" + styleHash + "';"));
    assertThat(printable.body())
        .contains(
            "<title>Chronology: Zoë O&#39;Brien &lt;script&gt;alert(1)&lt;/script&gt; (C-PLUGIN-CHRON)</title>")
        .contains("C-PLUGIN-CHRON")
        .contains("EHCNA-C-PLUGIN-CHRON")
        .contains("@media print")
        .contains("by caseworker")
        .doesNotContain("<script>");
    assertThat(get(ENGINE_API + "/chronology").statusCode()).isEqualTo(400);
    assertThat(get(ENGINE_API + "/chronology?processInstanceId=no-such-case").statusCode())
        .isEqualTo(404);
  }

  @Test
  void
      a_manager_in_cockpit_opens_a_childs_notices_in_full_and_the_printable_chronology_carries_each_letter()
          throws Exception {
    TestCase assessment = new TestCase(engine, mail).on("2026-01-12T11:00");
    Map<String, Object> request = new HashMap<>();
    request.put("childId", "C-PLUGIN-LETTERS");
    request.put("childName", "Ava <b>Bold</b> & Co");
    request.put("dateOfBirth", "2016-03-14");
    request.put("requestReceivedDate", "2026-01-12");
    request.put("requester", "parent");
    request.put("parentEmail", "parent.letters@example.org");
    assessment.start(AssessmentProcess.KEY, "EHCNA-C-PLUGIN-LETTERS", request);
    logIn("cockpit", "manager");

    HttpResponse<String> notices =
        get(ENGINE_API + "/notices?processInstanceId=" + assessment.id());
    HttpResponse<String> chronology =
        get(ENGINE_API + "/chronology?processInstanceId=" + assessment.id());
    HttpResponse<String> printable = get(ENGINE_API + "/chronology.html?childId=C-PLUGIN-LETTERS");

    assertThat(notices.statusCode()).as(notices.body()).isEqualTo(200);
    JsonNode letters = json.readTree(notices.body());
    assertThat(letters.size())
        .as("one notice per message the relay received")
        .isEqualTo(mail.getReceivedMessages().length);
    JsonNode toParent = null;
    for (JsonNode letter : letters) {
      if (letter.path("recipient").asText().equals("parent.letters@example.org")) {
        toParent = letter;
      }
    }
    assertThat(toParent).as(notices.body()).isNotNull();
    assertThat(toParent.path("body").asText()).contains("Ava <b>Bold</b> & Co");
    assertThat(toParent.path("delivery").asText()).isEqualTo("sent by email");
    String parentNoticeId = toParent.path("noticeId").asText();
    assertThat(json.readTree(chronology.body()).findValuesAsText("noticeId"))
        .contains(parentNoticeId);

    assertThat(printable.statusCode()).as(printable.body()).isEqualTo(200);
    assertThat(printable.body())
        .contains("The notices in full")
        .contains("To</dt><dd>parent.letters@example.org")
        .contains(PrintableChronology.escape(toParent.path("body").asText()))
        .contains("Ava &lt;b&gt;Bold&lt;/b&gt; &amp; Co")
        .doesNotContain("<b>Bold</b>");

    logIn("tasklist", "ep");
    assertThat(get(ENGINE_API + "/notices?childId=C-PLUGIN-LETTERS").statusCode())
        .as("a partner")
        .isEqualTo(403);
  }

  private void logIn(String app, String user) throws IOException, InterruptedException {
    get("/camunda/app/" + app + "/default/");
    HttpResponse<String> login =
        browser.send(
            HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrfToken())
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username="
                            + URLEncoder.encode(user, StandardCharsets.UTF_8)
                            + "&password=demo"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode())
        .as(user + " logs in to " + app + ": " + login.body())
        .isEqualTo(200);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return browser.send(
        HttpRequest.newBuilder(uri(path))
            .header("Accept", "application/json, text/html, */*")
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String csrfToken() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("the web app issued no XSRF-TOKEN cookie"));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
