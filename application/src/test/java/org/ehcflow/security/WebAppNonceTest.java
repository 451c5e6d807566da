package org.ehcflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ehcflow.support.EhcIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Many people opening the web apps at the same moment each get a page whose scripts the browser
 * will run: every script tag carries the nonce of the Content-Security-Policy sent with that same
 * page. (Without {@link WebAppNonceFilter} some pages carry another response's nonce and never get
 * past their loading spinner.)
 */
@EhcIntegrationTest
class WebAppNonceTest {

  private static final int PEOPLE = 6;
  private static final int PAGES_EACH = 40;
  private static final Pattern PAGE_NONCE = Pattern.compile("nonce=\"([^\"]*)\"");

  @LocalServerPort int port;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Test
  void every_web_app_page_opened_at_the_same_moment_carries_the_nonce_of_its_own_policy()
      throws Exception {
    List<String> pages =
        List.of(
            "/camunda/app/tasklist/default/",
            "/camunda/app/cockpit/default/",
            "/camunda/app/admin/default/",
            "/camunda/app/welcome/default/");
    ExecutorService people = Executors.newFixedThreadPool(PEOPLE);
    CyclicBarrier together = new CyclicBarrier(PEOPLE);
    List<Future<List<String>>> running = new ArrayList<>();
    for (int person = 0; person < PEOPLE; person++) {
      int first = person;
      running.add(
          people.submit(
              () -> {
                List<String> disagreements = new ArrayList<>();
                together.await(30, TimeUnit.SECONDS);
                for (int n = 0; n < PAGES_EACH; n++) {
                  String page = pages.get((first + n) % pages.size());
                  HttpResponse<String> answer = get(page);
                  assertThat(answer.statusCode()).as(page).isEqualTo(200);
                  String policyNonce =
                      WebAppNonceFilter.headerNonce(
                              answer
                                  .headers()
                                  .firstValue(WebAppNonceFilter.CSP_HEADER)
                                  .orElse(null))
                          .orElseThrow();
                  Matcher stamped = PAGE_NONCE.matcher(answer.body());
                  int scripts = 0;
                  while (stamped.find()) {
                    scripts++;
                    if (!stamped.group(1).equals(policyNonce)) {
                      disagreements.add(
                          page
                              + ": script nonce "
                              + stamped.group(1)
                              + ", policy nonce "
                              + policyNonce);
                    }
                  }
                  assertThat(scripts).as("%s has nonce-stamped scripts", page).isPositive();
                  // A file and an API call in between, as a loading page makes them, each through
                  // the same filters.
                  get("/camunda/app/tasklist/styles/user-styles.css");
                  get("/camunda/api/engine/engine/");
                }
                return disagreements;
              }));
    }
    List<String> disagreements = new ArrayList<>();
    for (Future<List<String>> person : running) {
      disagreements.addAll(person.get(5, TimeUnit.MINUTES));
    }
    people.shutdownNow();

    assertThat(disagreements)
        .as("pages of %d loads whose scripts the browser would refuse", PEOPLE * PAGES_EACH)
        .isEmpty();
  }

  @Test
  void a_web_app_file_passes_through_unchanged() throws Exception {
    HttpResponse<String> script =
        get("/camunda/app/tasklist/camunda-tasklist-bootstrap.js?bust=7.24.0");

    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
    assertThat(script.body()).hasSizeGreaterThan(1000);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(60))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
