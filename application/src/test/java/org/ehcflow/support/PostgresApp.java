package org.ehcflow.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The production profile on a real PostgreSQL server from the embedded binaries, for tests about
 * what only a real database shows: row locks between two people's requests, a commit that fails.
 * Mail goes to the tests' GreenMail port; the job executor is off.
 */
public final class PostgresApp implements AutoCloseable {

  public static final String PASSWORD = "Correct-Horse-Battery-9";

  private final EmbeddedPostgres postgres;
  private final ConfigurableApplicationContext app;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private PostgresApp(EmbeddedPostgres postgres, ConfigurableApplicationContext app) {
    this.postgres = postgres;
    this.app = app;
  }

  public static PostgresApp start(String database) {
    EmbeddedPostgres postgres;
    try {
      postgres = EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE " + database);
    Map<String, Object> settings = new HashMap<>();
    settings.put("spring.datasource.url", postgres.getJdbcUrl("postgres", database));
    settings.put("spring.datasource.username", "postgres");
    settings.put("spring.datasource.password", "");
    settings.put("ehc.security.admin-password", PASSWORD);
    settings.put("spring.mail.host", "127.0.0.1");
    settings.put("spring.mail.port", TestMail.SMTP_PORT);
    settings.put("ehc.data-dir", "./target/test-data/" + database + "-" + System.nanoTime());
    ConfigurableApplicationContext app = AppRunner.start(settings, "postgres");
    ProcessEngines.registerProcessEngine(app.getBean(ProcessEngine.class));
    return new PostgresApp(postgres, app);
  }

  public ProcessEngine engine() {
    return app.getBean(ProcessEngine.class);
  }

  public <T> T bean(Class<T> type) {
    return app.getBean(type);
  }

  /** Runs SQL on the application's database as its owner. */
  public JdbcTemplate database() {
    return new JdbcTemplate(app.getBean(javax.sql.DataSource.class));
  }

  /**
   * The server's own database, as its superuser: for what an administrator does to the server (end
   * sessions).
   */
  public JdbcTemplate server() {
    return new JdbcTemplate(postgres.getPostgresDatabase());
  }

  /** A person in a candidate group, with the shared test password. */
  public void user(String id, String group) {
    IdentityService identity = engine().getIdentityService();
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(id);
      user.setLastName("Test");
      user.setEmail(id + "@council.example");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
  }

  public int port() {
    return ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  /** A JSON request to the application as a user; the answer's status and body. */
  public HttpResponse<String> send(String user, String method, String path, String json) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
            .timeout(Duration.ofSeconds(60))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      app.close();
    } finally {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
