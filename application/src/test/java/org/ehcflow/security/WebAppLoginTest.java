package org.ehcflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.ehcflow.support.EhcIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The web apps keep their own login, session and CSRF protection behind Spring Security. */
@EhcIntegrationTest
// Its own application: the web apps find their engine in a JVM-wide registry, which an
// application started and stopped in the same JVM by an earlier test leaves without one.
@org.springframework.test.context.TestPropertySource(properties = "ehc.test.context=web-app-login")
class WebAppLoginTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;

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

  @Test
  void a_caseworker_logs_in_to_tasklist_and_reads_their_filters() throws Exception {
    assertThat(get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
    String csrf = csrfToken();

    HttpResponse<String> login =
        postForm(
            "/camunda/api/admin/auth/user/default/login/tasklist",
            "username=caseworker&password=demo",
            csrf);
    HttpResponse<String> filters = get("/camunda/api/engine/engine/default/filter");

    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("\"userId\":\"caseworker\"").contains("tasklist");
    assertThat(filters.statusCode()).isEqualTo(200);
    assertThat(filters.body())
        .contains("SEN caseworkers: my group's tasks")
        .doesNotContain("Health: my group's tasks");
  }

  @Test
  void a_manager_may_open_cockpit_and_a_partner_may_not() throws Exception {
    get("/camunda/app/cockpit/default/");
    String csrf = csrfToken();

    assertThat(
            postForm(
                    "/camunda/api/admin/auth/user/default/login/cockpit",
                    "username=manager&password=demo",
                    csrf)
                .statusCode())
        .isEqualTo(200);
    aFreshBrowser();
    get("/camunda/app/cockpit/default/");
    assertThat(
            postForm(
                    "/camunda/api/admin/auth/user/default/login/cockpit",
                    "username=ep&password=demo",
                    csrfToken())
                .statusCode())
        .isIn(401, 403);
  }

  @Test
  void a_state_changing_request_without_the_csrf_token_is_refused() throws Exception {
    get("/camunda/app/tasklist/default/");
    postForm(
        "/camunda/api/admin/auth/user/default/login/tasklist",
        "username=caseworker&password=demo",
        csrfToken());

    HttpResponse<String> forged =
        browser.send(
            HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/filter"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"resourceType\":\"Task\",\"name\":\"forged\",\"query\":{}}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(forged.statusCode()).isEqualTo(403);
  }

  @Test
  void the_admin_web_app_refuses_a_weak_password_naming_the_rules_and_takes_a_strong_one()
      throws Exception {
    get("/camunda/app/admin/default/");
    assertThat(
            postForm(
                    "/camunda/api/admin/auth/user/default/login/admin",
                    "username=admin&password=demo",
                    csrfToken())
                .statusCode())
        .isEqualTo(200);
    // The login starts a new session, whose CSRF token comes with the next read.
    get("/camunda/api/admin/auth/user/default");
    String credentials = "/camunda/api/engine/engine/default/user/senco/credentials";

    HttpResponse<String> weak =
        putJson(credentials, "{\"password\":\"senco2027\",\"authenticatedUserPassword\":\"demo\"}");
    HttpResponse<String> strong =
        putJson(
            credentials,
            "{\"password\":\"Setting-Lead-2027\",\"authenticatedUserPassword\":\"demo\"}");

    assertThat(weak.statusCode()).as(weak.body()).isEqualTo(400);
    assertThat(weak.body())
        .contains("PasswordPolicyException")
        .contains("PASSWORD_POLICY_UPPERCASE")
        .contains("PASSWORD_POLICY_SPECIAL")
        .contains("PASSWORD_POLICY_USER_DATA");
    assertThat(strong.statusCode()).as(strong.body()).isEqualTo(204);
    assertThat(identity.checkPassword("senco", "Setting-Lead-2027")).isTrue();
    restoreDemoPassword("senco");
  }

  @Test
  void an_anonymous_visitor_cannot_use_the_web_apps_engine_api() throws Exception {
    assertThat(get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(401);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return browser.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> putJson(String path, String json)
      throws IOException, InterruptedException {
    return browser.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .header("X-XSRF-TOKEN", csrfToken())
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The contract's demo password again, past the policy as the demo profile sets it. */
  private void restoreDemoPassword(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    user.setPassword("demo");
    ((IdentityServiceImpl) identity).saveUser(user, true);
  }

  private HttpResponse<String> postForm(String path, String form, String csrf)
      throws IOException, InterruptedException {
    return browser.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-XSRF-TOKEN", csrf)
            .POST(HttpRequest.BodyPublishers.ofString(form))
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
