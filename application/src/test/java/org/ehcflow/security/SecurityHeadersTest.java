package org.ehcflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ehcflow.support.EhcIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The project's own answers carry a strict Content-Security-Policy, nosniff and a Referrer-Policy;
 * behind a proxy that ends HTTPS (X-Forwarded-Proto from an internal address) every answer carries
 * HSTS and the web apps' cookies are Secure, and over plain HTTP neither.
 */
@EhcIntegrationTest
// The application WebAppLoginTest uses: the web apps find their engine in a JVM-wide registry.
@TestPropertySource(properties = "ehc.test.context=web-app-login")
class SecurityHeadersTest {

  static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

  @LocalServerPort int port;

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void the_printable_chronology_may_use_only_its_own_style_block_and_runs_nothing()
      throws Exception {
    HttpResponse<String> page = get("/api/cases/HEADERS-1/chronology.html", "manager");

    assertThat(page.statusCode()).isEqualTo(200);
    String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy)
        .startsWith("default-src 'none';")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline")
        .doesNotContain("script-src");
    Matcher style = STYLE.matcher(page.body());
    assertThat(style.find()).isTrue();
    assertThat(policy).contains("style-src " + sha256(style.group(1)) + ";");
    assertThat(style.find()).as("a second style block the policy would refuse").isFalse();
    assertThat(page.body()).doesNotContain("style=\"").doesNotContain("<script");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
  }

  @Test
  void every_api_answer_json_csv_or_refusal_says_it_loads_nothing_and_is_not_sniffed()
      throws Exception {
    for (String path :
        List.of(
            "/api/reports/compliance",
            "/api/cases/HEADERS-1/chronology",
            "/api/reports/sen2/person.csv?year=2027",
            "/api/reports/compliance?from=never",
            "/engine-rest/task")) {
      for (String user : List.of("manager", "health")) {
        HttpResponse<String> answer = get(path, user);

        assertThat(answer.headers().firstValue("Content-Security-Policy"))
            .as(path + " as " + user)
            .hasValue(
                "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        assertThat(answer.headers().firstValue("X-Content-Type-Options"))
            .as(path)
            .hasValue("nosniff");
        assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
      }
    }
  }

  @Test
  void behind_an_https_proxy_the_web_apps_login_sends_hsts_and_only_secure_cookies()
      throws Exception {
    HttpResponse<String> page =
        client.send(
            HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/"))
                .header("X-Forwarded-Proto", "https")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String csrf = cookie(page, "XSRF-TOKEN");
    HttpResponse<String> login =
        client.send(
            HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("X-Forwarded-Proto", "https")
                .header(
                    "Cookie", "JSESSIONID=" + cookie(page, "JSESSIONID") + "; XSRF-TOKEN=" + csrf)
                .header("X-XSRF-TOKEN", csrf)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=caseworker&password=demo"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    for (HttpResponse<String> answer : List.of(page, login)) {
      assertThat(answer.headers().firstValue("Strict-Transport-Security"))
          .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
      List<String> cookies = answer.headers().allValues("Set-Cookie");
      assertThat(cookies)
          .isNotEmpty()
          .allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("; Secure"));
    }
    assertThat(page.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN="))
        .anySatisfy(c -> assertThat(c).startsWith("JSESSIONID="));
    assertThat(login.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith("JSESSIONID="));
    assertThat(
            get("/api/reports/compliance", "manager", "https")
                .headers()
                .firstValue("Strict-Transport-Security"))
        .isPresent();
  }

  @Test
  void over_plain_http_there_is_no_hsts_and_cookies_are_not_marked_secure() throws Exception {
    HttpResponse<String> page =
        client.send(
            HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
    assertThat(page.headers().allValues("Set-Cookie"))
        .isNotEmpty()
        .allSatisfy(cookie -> assertThat(cookie).doesNotContainIgnoringCase("secure"));
    assertThat(
            get("/api/reports/compliance", "manager")
                .headers()
                .firstValue("Strict-Transport-Security"))
        .isEmpty();
  }

  // --- Helpers
  // ------------------------------------------------------------------------------------

  private HttpResponse<String> get(String path, String user) throws Exception {
    return get(path, user, null);
  }

  private HttpResponse<String> get(String path, String user, String forwardedProto)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    if (forwardedProto != null) {
      request.header("X-Forwarded-Proto", forwardedProto);
    }
    return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String cookie(HttpResponse<?> answer, String name) {
    return answer.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + answer.headers()));
  }

  private static String sha256(String text) throws Exception {
    return "'sha256-"
        + Base64.getEncoder()
            .encodeToString(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
        + "'";
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
