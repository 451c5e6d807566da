package org.ehcflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcflow.support.LoopbackClient;
import org.ehcflow.support.NoMailRelayIntegrationTest;
import org.ehcflow.vocabulary.EhcGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Guessing passwords slows the guesser, not the account's owner: each client address is held to 5
 * failed log-ins in 30 minutes (REST Basic and the web apps' login form), and no one address can
 * bring an account to the engine's lock. The clients are loopback addresses (127.0.0.x); the
 * account's owner calls from 127.0.0.1. Time is the engine's clock, moved by hand.
 */
@NoMailRelayIntegrationTest
// Its own application: the web apps find their engine in a JVM-wide registry, which an
// application started and stopped in the same JVM by an earlier test leaves without one.
@org.springframework.test.context.TestPropertySource(properties = "ehc.test.context=login-throttle")
class LoginThrottleTest {

  private static final String PASSWORD = "Owner-Of-Account-42";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired LoginThrottle throttle;
  @Autowired AccountLocks accountLocks;

  private Date now;

  @BeforeEach
  void anAccountAndAClock() {
    now = new Date();
    ClockUtil.setCurrentTime(now);
    for (String id : List.of("victim", "web-victim", "lock-probe")) {
      var user = identity.newUser(id);
      user.setFirstName("Test");
      user.setLastName("Person");
      user.setEmail(id + "@council.example");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(id, EhcGroups.LA_CASEWORKER.id());
    }
  }

  @AfterEach
  void forgetEverything() {
    ClockUtil.reset();
    throttle.clients().forEach(client -> throttle.lift(client.address()));
    for (String id : List.of("victim", "web-victim", "lock-probe")) {
      identity.deleteUser(id);
    }
  }

  @Test
  void
      a_client_that_guesses_wrong_five_times_gets_429_with_retry_after_while_the_owner_still_logs_in() {
    LoopbackClient attacker = new LoopbackClient("127.0.0.2", port);
    for (int guess = 1; guess <= 5; guess++) {
      assertThat(attacker.get("/engine-rest/task", "victim", "guess-" + guess, Map.of()).status())
          .isEqualTo(401);
    }

    LoopbackClient.Answer refused = attacker.get("/engine-rest/task", "victim", PASSWORD, Map.of());
    LoopbackClient.Answer forwarded =
        attacker.get(
            "/engine-rest/task", "victim", PASSWORD, Map.of("X-Forwarded-For", "10.20.30.40"));
    LoopbackClient.Answer otherApi = attacker.get("/api/admin/locks", "admin", "demo", Map.of());

    assertThat(refused.status())
        .as("even with the right password, from that client")
        .isEqualTo(429);
    assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 30 * 60);
    assertThat(refused.body()).contains("TooManyFailedLogins");
    // The loopback address is an internal proxy to Tomcat's RemoteIpValve (forward-headers-strategy
    // native, see "Behind a proxy"): the client it forwards is another client, not the one refused.
    // A forwarded-for header from an address outside the internal ranges is not believed.
    assertThat(forwarded.status())
        .as("a client forwarded by an internal proxy is counted as itself")
        .isNotEqualTo(429);
    assertThat(otherApi.status()).isEqualTo(429);

    moveClock(61);
    assertThat(
            http.withBasicAuth("victim", PASSWORD)
                .getForEntity("/engine-rest/task", String.class)
                .getStatusCode()
                .value())
        .as("the owner, from their own address, once the engine's short delay has passed")
        .isEqualTo(200);

    moveClock(30 * 60);
    assertThat(attacker.get("/engine-rest/task", "victim", "guess-6", Map.of()).status())
        .as("the window has passed: the client's next guess is checked again")
        .isEqualTo(401);
  }

  @Test
  void one_client_guessing_all_afternoon_never_brings_the_account_to_the_engines_lock() {
    // One address guesses for two hours of the engine's clock in each of two ways: once a minute
    // (each guess after the engine's delay, so each one counts) and once every three minutes (to
    // keep the account's failures from being forgotten), waiting out each 429's Retry-After. The
    // sweep that forgets an account's quiet failures runs each minute, as in the application.
    int mostFailuresOnRecord = 0;
    int refusals = 0;
    int checked = 0;
    Map<LoopbackClient, Integer> minutesBetweenGuesses =
        Map.of(new LoopbackClient("127.0.0.3", port), 1, new LoopbackClient("127.0.0.4", port), 3);
    for (Map.Entry<LoopbackClient, Integer> guesser : minutesBetweenGuesses.entrySet()) {
      long mayTryAt = 0;
      for (int minute = 0; minute < 2 * 60; minute++) {
        if (minute >= mayTryAt && minute % guesser.getValue() == 0) {
          LoopbackClient.Answer answer =
              guesser.getKey().get("/engine-rest/task", "lock-probe", "guess-" + minute, Map.of());
          assertThat(answer.status()).isIn(401, 429);
          if (answer.status() == 429) {
            refusals++;
            mayTryAt = minute + (Long.parseLong(answer.header("Retry-After")) + 59) / 60;
          } else {
            checked++;
          }
        }
        moveClock(60);
        accountLocks.forgetQuietFailures();
        mostFailuresOnRecord = Math.max(mostFailuresOnRecord, failuresOnRecord("lock-probe"));
      }
    }

    System.out.printf(
        "LOGIN THROTTLE: one address at a time guessing for 2 x 2 hours: %d guesses checked, %d refused "
            + "with 429, at most %d failures on the account's record (the engine locks at 10)%n",
        checked, refusals, mostFailuresOnRecord);
    assertThat(refusals).as("the throttle held the guessers back").isPositive();
    assertThat(mostFailuresOnRecord).as("failures on the account's record").isBetween(1, 5);
    moveClock(61);
    assertThat(
            http.withBasicAuth("lock-probe", PASSWORD)
                .getForEntity("/engine-rest/task", String.class)
                .getStatusCode()
                .value())
        .as("the owner logs in")
        .isEqualTo(200);
  }

  @Test
  void the_web_apps_login_form_is_throttled_per_client_too() throws Exception {
    LoopbackClient attacker = new LoopbackClient("127.0.0.5", port);
    attacker.get("/camunda/app/tasklist/default/", null, null, Map.of());
    String csrf = attacker.cookie("XSRF-TOKEN");
    assertThat(csrf).as("the web app issued a CSRF token").isNotNull();
    for (int guess = 1; guess <= 5; guess++) {
      assertThat(webLogin(attacker, csrf, "web-victim", "guess-" + guess).status()).isEqualTo(401);
    }

    LoopbackClient.Answer refused = webLogin(attacker, csrf, "web-victim", PASSWORD);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 30 * 60);
    moveClock(61);
    Browser owner = new Browser();
    assertThat(owner.login("tasklist", "web-victim", PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void an_administrator_sees_and_lifts_locked_accounts_and_held_back_clients_and_no_one_else_may()
      throws Exception {
    LoopbackClient first = new LoopbackClient("127.0.0.6", port);
    LoopbackClient second = new LoopbackClient("127.0.0.7", port);
    lockAccountFromTwoAddresses("lock-probe", first, second);
    assertThat(
            http.withBasicAuth("lock-probe", PASSWORD)
                .getForEntity("/engine-rest/task", String.class)
                .getStatusCode()
                .value())
        .as("locked by the engine")
        .isEqualTo(401);

    ResponseEntity<String> forManager =
        http.withBasicAuth("manager", "demo").getForEntity("/api/admin/locks", String.class);
    ResponseEntity<String> locks =
        http.withBasicAuth("admin", "demo").getForEntity("/api/admin/locks", String.class);

    assertThat(forManager.getStatusCode().value()).isEqualTo(403);
    assertThat(locks.getStatusCode().value()).as(locks.getBody()).isEqualTo(200);
    JsonNode body = JSON.readTree(locks.getBody());
    JsonNode account = find(body.get("users"), "userId", "lock-probe");
    assertThat(account.get("failedAttempts").asInt()).isEqualTo(10);
    assertThat(account.get("locked").asBoolean()).isTrue();
    assertThat(account.get("untilUnlocked").asBoolean()).isTrue();
    JsonNode client = find(body.get("clients"), "address", "127.0.0.6");
    assertThat(client.get("failures").asInt()).isEqualTo(5);
    assertThat(client.get("refusedUntil").isNull()).as("held back").isFalse();
    assertThat(first.get("/engine-rest/task", "lock-probe", "guess", Map.of()).status())
        .isEqualTo(429);

    assertThat(delete("manager", "/api/admin/locks/clients/127.0.0.6")).isEqualTo(403);
    assertThat(delete("manager", "/api/admin/locks/users/lock-probe")).isEqualTo(403);
    assertThat(delete("admin", "/api/admin/locks/clients/127.0.0.6")).isEqualTo(204);
    assertThat(first.get("/engine-rest/task", "lock-probe", "guess", Map.of()).status())
        .as("the client is let through again, to a locked account")
        .isEqualTo(401);
    assertThat(delete("admin", "/api/admin/locks/users/lock-probe")).isEqualTo(204);
    assertThat(delete("admin", "/api/admin/locks/users/nobody-at-all")).isEqualTo(404);
    assertThat(
            http.withBasicAuth("lock-probe", PASSWORD)
                .getForEntity("/engine-rest/task", String.class)
                .getStatusCode()
                .value())
        .as("unlocked")
        .isEqualTo(200);
  }

  @Test
  void the_admin_web_apps_unlock_still_lifts_the_engines_lock() throws Exception {
    lockAccountFromTwoAddresses(
        "lock-probe", new LoopbackClient("127.0.0.8", port), new LoopbackClient("127.0.0.9", port));
    assertThat(
            http.withBasicAuth("lock-probe", PASSWORD)
                .getForEntity("/engine-rest/task", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(401);

    Browser admin = new Browser();
    assertThat(admin.login("admin", "admin", "demo").statusCode()).isEqualTo(200);
    HttpResponse<String> unlock =
        admin.post("/camunda/api/engine/engine/default/user/lock-probe/unlock");

    assertThat(unlock.statusCode()).as(unlock.body()).isEqualTo(204);
    assertThat(
            http.withBasicAuth("lock-probe", PASSWORD)
                .getForEntity("/engine-rest/task", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(200);
  }

  /** Ten failures, five from each address, each after the engine's delay so that each counts. */
  private void lockAccountFromTwoAddresses(
      String user, LoopbackClient first, LoopbackClient second) {
    for (int guess = 1; guess <= 10; guess++) {
      moveClock(70);
      LoopbackClient client = guess <= 5 ? first : second;
      assertThat(client.get("/engine-rest/task", user, "guess-" + guess, Map.of()).status())
          .isEqualTo(401);
    }
    assertThat(failuresOnRecord(user)).isEqualTo(10);
  }

  private int failuresOnRecord(String user) {
    return accountLocks.accounts().stream()
        .filter(account -> account.userId().equals(user))
        .mapToInt(AccountLocks.Account::failedAttempts)
        .findFirst()
        .orElse(0);
  }

  private int delete(String user, String path) {
    return http.withBasicAuth(user, "demo")
        .exchange(path, HttpMethod.DELETE, null, String.class)
        .getStatusCode()
        .value();
  }

  private void moveClock(int seconds) {
    now = new Date(now.getTime() + seconds * 1000L);
    ClockUtil.setCurrentTime(now);
  }

  private static JsonNode find(JsonNode list, String field, String value) {
    for (JsonNode item : list) {
      if (value.equals(item.path(field).asText())) {
        return item;
      }
    }
    throw new AssertionError("no " + field + " " + value + " in " + list);
  }

  private LoopbackClient.Answer webLogin(
      LoopbackClient client, String csrf, String user, String password) {
    return client.send(
        "POST",
        "/camunda/api/admin/auth/user/default/login/tasklist",
        null,
        null,
        Map.of("X-XSRF-TOKEN", csrf),
        "application/x-www-form-urlencoded",
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8));
  }

  /** A person in a browser on 127.0.0.1: the web apps' session and CSRF token. */
  private final class Browser {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    HttpResponse<String> login(String app, String user, String password)
        throws IOException, InterruptedException {
      client.send(
          HttpRequest.newBuilder(uri("/camunda/app/" + app + "/default/")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return client.send(
          HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("X-XSRF-TOKEN", csrf())
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "username="
                          + user
                          + "&password="
                          + URLEncoder.encode(password, StandardCharsets.UTF_8)))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path) throws IOException, InterruptedException {
      // The login starts a new session; the web app hands out the new session's CSRF token on
      // the next read, as the Admin web app's own first request after a login does.
      client.send(
          HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return client.send(
          HttpRequest.newBuilder(uri(path))
              .header("Content-Type", "application/json")
              .header("X-XSRF-TOKEN", csrf())
              .POST(HttpRequest.BodyPublishers.noBody())
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    private String csrf() {
      return cookies.getCookieStore().getCookies().stream()
          .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue)
          .reduce((first, last) -> last)
          .orElseThrow(() -> new AssertionError("the web app issued no XSRF-TOKEN cookie"));
    }

    private URI uri(String path) {
      return URI.create("http://127.0.0.1:" + port + path);
    }
  }
}
