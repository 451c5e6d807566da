package org.ehcflow.reporting.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.security.SecurityConfig;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.Jobs;
import org.ehcflow.support.TestMail;
import org.ehcflow.vocabulary.EhcGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The caseload figures through both doors, {@code GET /api/caseload} (HTTP Basic) and the Cockpit
 * plugin's API (the manager's web app session), over the tasks of {@link CaseloadDesk}: exact
 * counts, the same from both, and for managers only.
 *
 * <p>In an application context of its own, so its database holds only the tasks built here.
 */
@EhcIntegrationTest
@TestPropertySource(properties = "ehc.test.context=caseload")
class CaseloadApiTest {

  static final String PLUGIN_API = "/camunda/api/cockpit/plugin/ehc-caseload";

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private final ObjectMapper json = new ObjectMapper();
  private CaseloadDesk desk;
  private CookieManager cookies;
  private HttpClient browser;
  private final List<String> casesStarted = new ArrayList<>();

  @BeforeEach
  void theManagersDesk() {
    assertThat(engine.getTaskService().createTaskQuery().count())
        .as("no open task before the desk is built")
        .isZero();
    desk = new CaseloadDesk(engine).build();
    cookies = new CookieManager();
    browser =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  @AfterEach
  void clearTheDesk() {
    for (String id : casesStarted) {
      engine.getRuntimeService().deleteProcessInstance(id, "test over", true, true);
    }
    desk.clear();
  }

  @Test
  void a_manager_reads_the_open_overdue_and_due_this_week_tasks_by_person_and_by_group()
      throws Exception {
    HttpResponse<String> response = basic("/api/caseload", "manager");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .as("data, never a page")
        .hasValue(SecurityConfig.API_POLICY);
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    JsonNode caseload = json.readTree(response.body());
    assertThat(caseload.path("today").asText()).isEqualTo("2026-06-15");
    assertThat(caseload.path("weekEnds").asText()).isEqualTo("2026-06-21");
    assertThat(counts(caseload.path("total"))).isEqualTo(tuple(11, 4, 3));
    assertThat(counts(caseload.path("unassigned"))).isEqualTo(tuple(4, 1, 1));
    assertThat(counts(caseload.path("withoutGroup"))).isEqualTo(tuple(2, 0, 1));

    assertThat(people(caseload))
        .as("the busiest first; every caseworker, even with nothing to do")
        .containsExactly(
            tuple(CaseloadDesk.AMARA, "Amara Okoye", true, 4, 2, 1),
            tuple(CaseloadDesk.BEN, "Ben Hale", true, 2, 0, 1),
            tuple(CaseloadDesk.EP, "Ep Educational psychology", false, 1, 1, 0),
            tuple("caseworker", "Caseworker SEN caseworkers", true, 0, 0, 0),
            tuple(CaseloadDesk.CHLOE, "Chloe Dunn", true, 0, 0, 0));

    assertThat(groups(caseload))
        .as(
            "every working group in the contract's order: open, not yet claimed, overdue, this week")
        .containsExactly(
            tuple("la-caseworker", "SEN caseworkers", 6, 1, 2, 1),
            tuple("la-manager", "SEN managers", 0, 0, 0, 0),
            tuple("ehc-panel", "EHC panel", 0, 0, 0, 0),
            tuple("educational-psychology", "Educational psychology", 1, 0, 1, 0),
            tuple("health", "Health", 2, 2, 1, 1),
            tuple("social-care", "Social care", 1, 1, 0, 1),
            tuple("education-setting", "Education settings", 0, 0, 0, 0),
            tuple("early-years", "Early years", 0, 0, 0, 0),
            tuple("process-owner", "Process owners", 0, 0, 0, 0));

    String filterId = caseload.path("tasklistFilterId").asText();
    assertThat(
            engine
                .getFilterService()
                .createFilterQuery()
                .filterId(filterId)
                .singleResult()
                .getName())
        .isEqualTo(CaseloadTaskFilter.NAME);
  }

  @Test
  void a_real_cases_tasks_count_as_the_engines_own_task_queries_count_them() throws Exception {
    Map<String, Object> request = new HashMap<>();
    request.put("childId", "C-CASELOAD-1");
    request.put("childName", "Isla Caseload");
    request.put("dateOfBirth", "2016-03-14");
    request.put("requestReceivedDate", "2026-06-15");
    request.put("requester", "parent");
    request.put("parentEmail", "parent.caseload@example.org");
    request.put("yearGroup", 4);
    ProcessInstance assessment =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(AssessmentProcess.KEY, "EHCNA-C-CASELOAD-1", request);
    casesStarted.add(assessment.getId());
    Jobs.executeAll(engine.getManagementService(), assessment.getId());
    long caseTasks =
        engine.getTaskService().createTaskQuery().processInstanceId(assessment.getId()).count();
    assertThat(caseTasks).as("the new request waits with someone").isPositive();

    JsonNode caseload = json.readTree(basic("/api/caseload", "manager").body());

    var taskQuery = engine.getTaskService().createTaskQuery();
    assertThat(caseload.path("total").path("open").asLong())
        .isEqualTo(taskQuery.count())
        .isEqualTo(11 + caseTasks);
    for (JsonNode group : caseload.path("groups")) {
      String id = group.path("groupId").asText();
      assertThat(group.path("open").asLong())
          .as(id)
          .isEqualTo(
              engine
                  .getTaskService()
                  .createTaskQuery()
                  .taskCandidateGroup(id)
                  .includeAssignedTasks()
                  .count());
      assertThat(group.path("unassigned").asLong())
          .as(id + ", not yet claimed")
          .isEqualTo(engine.getTaskService().createTaskQuery().taskCandidateGroup(id).count());
    }
    assertThat(caseload.path("unassigned").path("open").asLong())
        .isEqualTo(engine.getTaskService().createTaskQuery().taskUnassigned().count());
  }

  @Test
  void caseworkers_partners_and_strangers_may_not_read_the_caseload() throws Exception {
    for (String user : List.of("caseworker", "senco", "ep", "health", "panel", "owner")) {
      HttpResponse<String> refused = basic("/api/caseload", user);
      assertThat(refused.statusCode()).as(user).isEqualTo(403);
      assertThat(json.readTree(refused.body()).path("message").asText())
          .as(user)
          .contains("managers")
          .doesNotContain(CaseloadDesk.AMARA);
    }
    HttpResponse<String> anonymous =
        browser.send(
            HttpRequest.newBuilder(uri("/api/caseload")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  @Test
  void in_cockpit_a_manager_reads_the_same_caseload_and_a_caseworker_is_refused() throws Exception {
    logIn("cockpit", "manager");
    HttpResponse<String> inCockpit = session(PLUGIN_API + "/default/caseload");

    assertThat(inCockpit.statusCode()).as(inCockpit.body()).isEqualTo(200);
    assertThat(json.readTree(inCockpit.body()))
        .as("the same figures as the REST API")
        .isEqualTo(json.readTree(basic("/api/caseload", "manager").body()));

    logIn("tasklist", "caseworker");
    HttpResponse<String> refused = session(PLUGIN_API + "/default/caseload");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(json.readTree(refused.body()).path("message").asText())
        .contains("caseworker")
        .contains(EhcGroups.LA_MANAGER.id());

    logIn("tasklist", "senco");
    assertThat(session(PLUGIN_API + "/default/caseload").statusCode()).isEqualTo(403);
  }

  @Test
  void cockpit_loads_the_caseload_script_without_a_login_and_it_writes_no_markup()
      throws Exception {
    HttpResponse<String> index = session("/camunda/app/cockpit/default/");
    HttpResponse<String> script = session(PLUGIN_API + "/static/app/plugin.js");

    assertThat(index.body()).contains("cockpit-plugin-ehc-caseload");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body())
        .contains("cockpit.route")
        .contains("cockpit.navigation")
        .contains("cockpit.dashboard")
        .doesNotContain("innerHTML");
    assertThat(session(PLUGIN_API + "/static/app/plugin.css").statusCode()).isEqualTo(200);
  }

  @Test
  void the_managers_tasklist_filter_lists_every_open_task_and_only_managers_see_it()
      throws Exception {
    String filterId =
        engine
            .getFilterService()
            .createFilterQuery()
            .filterName(CaseloadTaskFilter.NAME)
            .singleResult()
            .getId();

    HttpResponse<String> manager = basic("/engine-rest/filter/" + filterId + "/count", "manager");
    HttpResponse<String> caseworker =
        basic("/engine-rest/filter/" + filterId + "/count", "caseworker");

    assertThat(manager.statusCode()).as(manager.body()).isEqualTo(200);
    assertThat(json.readTree(manager.body()).path("count").asInt()).isEqualTo(11);
    assertThat(caseworker.statusCode()).isEqualTo(403);
  }

  private static Tuple counts(JsonNode counts) {
    return tuple(
        counts.path("open").asInt(),
        counts.path("overdue").asInt(),
        counts.path("dueThisWeek").asInt());
  }

  private static List<Tuple> people(JsonNode caseload) {
    List<Tuple> rows = new ArrayList<>();
    for (JsonNode person : caseload.path("people")) {
      rows.add(
          tuple(
              person.path("userId").asText(),
              person.path("name").asText(),
              person.path("caseworker").asBoolean(),
              person.path("open").asInt(),
              person.path("overdue").asInt(),
              person.path("dueThisWeek").asInt()));
    }
    return rows;
  }

  private static List<Tuple> groups(JsonNode caseload) {
    List<Tuple> rows = new ArrayList<>();
    for (JsonNode group : caseload.path("groups")) {
      rows.add(
          tuple(
              group.path("groupId").asText(),
              group.path("name").asText(),
              group.path("open").asInt(),
              group.path("unassigned").asInt(),
              group.path("overdue").asInt(),
              group.path("dueThisWeek").asInt()));
    }
    return rows;
  }

  private HttpResponse<String> basic(String path, String user)
      throws IOException, InterruptedException {
    String credentials =
        Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Basic " + credentials)
                .header("Accept", "application/json")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private void logIn(String app, String user) throws IOException, InterruptedException {
    cookies.getCookieStore().removeAll();
    session("/camunda/app/" + app + "/default/");
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
    assertThat(login.statusCode()).as(user + " logs in: " + login.body()).isEqualTo(200);
  }

  private HttpResponse<String> session(String path) throws IOException, InterruptedException {
    return browser.send(
        HttpRequest.newBuilder(uri(path)).header("Accept", "application/json, */*").GET().build(),
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
