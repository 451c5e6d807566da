package org.ehcflow.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ehcflow.EhcFlowApplication;

/**
 * The real application in its own operating-system process, so a test can kill it with SIGKILL as a
 * power cut or an OOM killer would, and talk to it only over HTTP as a client would. Its output
 * goes to target/app-logs/&lt;name&gt;.log (appended across restarts).
 */
public final class AppProcess implements AutoCloseable {

  public static final String ADMIN_USER = "admin";
  public static final String ADMIN_PASSWORD = "Correct-Horse-Battery-9";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

  private final String name;
  private final String password;
  private final int port;
  private final Path log;
  private final Process process;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private AppProcess(String name, String password, int port, Path log, Process process) {
    this.name = name;
    this.password = password;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /**
   * Starts the application with the {@code postgres} profile and the given Spring properties
   * (passed as command-line arguments, which win over application.yaml), and waits until its
   * readiness probe (/actuator/health/readiness) answers UP.
   */
  public static AppProcess start(String name, Map<String, String> properties) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("spring.profiles.active", "postgres");
    settings.put("ehc.security.admin-password", ADMIN_PASSWORD);
    settings.putAll(properties);
    return launch(name, ADMIN_PASSWORD, settings, true);
  }

  /**
   * Starts the application as {@code ./mvnw spring-boot:run} does: the default (demo) profile, its
   * H2 file database in target/test-data/&lt;name&gt; (kept across restarts under one name), the
   * demo users and the administrator's demo password.
   */
  public static AppProcess startEmbeddedDefault(String name, Map<String, String> properties) {
    return launch(name, "demo", properties, true);
  }

  /**
   * As {@link #startEmbeddedDefault}, but with no mail setting at all: the default profile as a
   * newcomer runs it, whose notices stay in its local outbox.
   */
  public static AppProcess startEmbeddedDefaultAsShipped(
      String name, Map<String, String> properties) {
    return launch(name, "demo", properties, false);
  }

  /** The file the application's output goes to under this name. */
  public static Path logOf(String name) {
    return Path.of("target", "app-logs", name + ".log");
  }

  private static AppProcess launch(
      String name, String adminPassword, Map<String, String> properties, boolean mailToTestRelay) {
    int port = FreePort.next();
    Path log = logOf(name);
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("server.port", String.valueOf(port));
    // By SMTP on every profile, so a test chooses the relay (GreenMail, or a port nobody listens
    // on);
    // a test of the default profile's local outbox sets none of them.
    if (mailToTestRelay) {
      settings.put("ehc.notification.delivery", "smtp");
      settings.put("spring.mail.host", "127.0.0.1");
      settings.put("spring.mail.port", String.valueOf(TestMail.SMTP_PORT));
    }
    settings.put("ehc.data-dir", dataDir(name).toString());
    settings.putAll(properties);

    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Duser.timezone=Europe/London",
                "-Dfile.encoding=UTF-8",
                "-cp",
                classPath(),
                EhcFlowApplication.class.getName()));
    settings.forEach((key, value) -> command.add("--" + key + "=" + value));
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(
          log,
          "==== "
              + Instant.now()
              + " starting "
              + name
              + " on port "
              + port
              + "\n"
              + String.join(" ", command)
              + "\n",
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      AppProcess app = new AppProcess(name, adminPassword, port, log, process);
      try {
        app.awaitReady();
      } catch (RuntimeException e) {
        app.close();
        throw e;
      }
      return app;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady() {
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + " before it was ready; see " + log);
      }
      try {
        HttpResponse<String> health =
            http.send(
                HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(10))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("UP")) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(Duration.ofMillis(500));
    }
    throw new IllegalStateException(
        name + " was not ready within " + READY_TIMEOUT + "; see " + log);
  }

  /**
   * Where the application's data (the H2 database on the default profile) is kept under this name.
   */
  public static Path dataDir(String name) {
    return Path.of("target", "test-data", name).toAbsolutePath();
  }

  /** Kills the process with SIGKILL: no shutdown hooks, no transaction gets to finish. */
  public void kill() {
    long pid = process.pid();
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " (pid " + pid + ") did not die");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    int signalExit = 128 + 9;
    if (process.exitValue() != signalExit) {
      throw new IllegalStateException(
          name + " ended with " + process.exitValue() + ", not by SIGKILL (137)");
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public String name() {
    return name;
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  // --- REST client as the administrator ---------------------------------------------------

  public record Reply(int status, String body) {
    public boolean ok() {
      return status == 200 || status == 204;
    }

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
      }
    }
  }

  public Reply get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  public Reply post(String path, Object body) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  public Reply put(String path, Object body) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
    String credentials =
        Base64.getEncoder()
            .encodeToString((ADMIN_USER + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        http.send(
            request
                .header("Authorization", "Basic " + credentials)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.body());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /**
   * The test's class path without entries for the working directory: from there the project's own
   * processes/ folder would be deployed a second time beside target/classes/processes.
   */
  private static String classPath() {
    return java.util.Arrays.stream(
            System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(
            entry ->
                !entry.isBlank()
                    && !Path.of(entry)
                        .toAbsolutePath()
                        .normalize()
                        .equals(Path.of("").toAbsolutePath().normalize()))
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  public static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
