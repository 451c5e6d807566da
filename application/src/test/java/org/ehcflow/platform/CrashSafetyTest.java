package org.ehcflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.ehcflow.support.AppProcess;
import org.ehcflow.support.JobLoadModel;
import org.ehcflow.support.TestMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application on PostgreSQL is killed with SIGKILL in the middle of a load of case starts, task
 * completions and due timers, then started again on the same database. What a client was told had
 * happened (HTTP 200/204) must be there exactly once; what fell due while it was down must happen
 * once after the restart.
 */
class CrashSafetyTest {

  private static final String CASE_PREFIX = "crash-";
  private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(3);

  private static EmbeddedPostgres postgres;
  private static JdbcTemplate jdbc;
  private static String jdbcUrl;

  private GreenMail mail;
  private final List<AppProcess> apps = new ArrayList<>();

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE ehc_crash");
    jdbcUrl = postgres.getJdbcUrl("postgres", "ehc_crash");
    jdbc = new JdbcTemplate(postgres.getDatabase("postgres", "ehc_crash"));
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @BeforeEach
  void startMailServer() {
    mail =
        new GreenMail(new ServerSetup(TestMail.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    mail.start();
  }

  @AfterEach
  void stopEverything() {
    apps.forEach(AppProcess::close);
    mail.stop();
  }

  @Test
  void
      after_a_kill_in_the_middle_of_a_load_every_acknowledged_start_and_completion_is_there_once_and_timers_due_meanwhile_fire_once()
          throws Exception {
    AppProcess first = start();
    Instant loadStarted = Instant.now();
    // Half the cases have a reminder that was due long ago (it fires during the load); the other
    // half one that falls due after the kill and before the restart.
    Instant overdue = loadStarted.minus(Duration.ofDays(1));
    Instant dueWhileDown = loadStarted.plusSeconds(50);

    Load load = new Load(first, overdue, dueWhileDown);
    load.begin();
    JobLoadModel.waitFor(
        "enough load before the kill",
        Duration.ofMinutes(2),
        () ->
            !first.isAlive()
                || (load.acknowledgedStarts.size() >= 150
                    && load.acknowledgedCompletions.size() >= 50)
                || Instant.now().isAfter(dueWhileDown.minusSeconds(10)));
    assertThat(first.isAlive()).as("the application was running until the kill").isTrue();
    assertThat(load.unexpectedReplies).as("replies other than success before the kill").isEmpty();

    first.kill();
    Instant killedAt = Instant.now();
    load.stop();

    Map<String, List<String>> atKill = JobLoadModel.instancesByBusinessKey(jdbc, CASE_PREFIX);
    Map<String, Integer> timersFiredAtKill =
        JobLoadModel.completedActivities(jdbc, JobLoadModel.REMINDER_TIMER);
    List<String> waitingForDueWhileDown =
        atKill.entrySet().stream()
            .filter(entry -> load.dueWhileDownKeys.contains(entry.getKey()))
            .flatMap(entry -> entry.getValue().stream())
            .filter(id -> !timersFiredAtKill.containsKey(id))
            .toList();
    int jobsLockedAtKill =
        jdbc.queryForObject(
            "SELECT count(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL", Integer.class);
    assertThat(waitingForDueWhileDown)
        .as("cases whose reminder falls due while the application is down")
        .isNotEmpty();

    while (Instant.now().isBefore(dueWhileDown.plusSeconds(1))) {
      AppProcess.sleep(Duration.ofMillis(200));
    }
    Instant restartedAt = Instant.now();
    start();

    JobLoadModel.waitFor(
        "every case's notices and reminder after the restart",
        SETTLE_TIMEOUT,
        () -> {
          Set<String> all = allInstanceIds(JobLoadModel.instancesByBusinessKey(jdbc, CASE_PREFIX));
          return JobLoadModel.countCompleted(jdbc, JobLoadModel.REMINDER_NOTICE, all) == all.size()
              && JobLoadModel.countCompleted(jdbc, JobLoadModel.OPENING_NOTICE, all) == all.size();
        });

    Map<String, List<String>> cases = JobLoadModel.instancesByBusinessKey(jdbc, CASE_PREFIX);
    Set<String> instanceIds = allInstanceIds(cases);

    assertThat(cases)
        .as("no business key started twice")
        .allSatisfy((key, ids) -> assertThat(ids).hasSize(1));
    assertThat(cases.keySet())
        .as("every acknowledged start is there")
        .containsAll(load.acknowledgedStarts.keySet());
    load.acknowledgedStarts.forEach((key, id) -> assertThat(cases.get(key)).containsExactly(id));

    Map<String, String[]> historicTasks = new HashMap<>();
    jdbc.query(
        "SELECT id_, proc_inst_id_, delete_reason_ FROM act_hi_taskinst WHERE proc_def_key_ = ?",
        rs -> {
          historicTasks.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
        },
        JobLoadModel.KEY);
    assertThat(load.acknowledgedCompletions)
        .as("every acknowledged completion is in history, completed")
        .allSatisfy(
            (taskId, instanceId) -> {
              assertThat(historicTasks.get(taskId)).containsExactly(instanceId, "completed");
            });
    Map<String, Integer> reviewTasksPerCase = new HashMap<>();
    jdbc.query(
        """
        SELECT proc_inst_id_, count(*) FROM act_hi_actinst WHERE proc_def_key_ = ? AND act_id_ = ?
        GROUP BY proc_inst_id_""",
        rs -> {
          reviewTasksPerCase.put(rs.getString(1), rs.getInt(2));
        },
        JobLoadModel.KEY,
        JobLoadModel.REVIEW_TASK);
    assertThat(reviewTasksPerCase)
        .as("no case's task created or completed twice")
        .allSatisfy((id, count) -> assertThat(count).isEqualTo(1));

    for (String step :
        List.of(
            JobLoadModel.OPENING_NOTICE,
            JobLoadModel.REMINDER_TIMER,
            JobLoadModel.REMINDER_NOTICE)) {
      Map<String, Integer> counts = JobLoadModel.completedActivities(jdbc, step);
      assertThat(instanceIds)
          .as(step + " ran in every case")
          .allSatisfy(id -> assertThat(counts).containsKey(id));
      assertThat(counts)
          .as(step + " ran once in each case")
          .allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
    }
    Map<String, Timestamp> timerFiredAt = new HashMap<>();
    jdbc.query(
        "SELECT proc_inst_id_, end_time_ FROM act_hi_actinst WHERE proc_def_key_ = ? AND act_id_ = ?",
        rs -> {
          timerFiredAt.put(rs.getString(1), rs.getTimestamp(2));
        },
        JobLoadModel.KEY,
        JobLoadModel.REMINDER_TIMER);
    assertThat(waitingForDueWhileDown)
        .as("reminders due while down fired after the restart")
        .allSatisfy(
            id -> assertThat(timerFiredAt.get(id).toInstant()).isAfterOrEqualTo(restartedAt));

    JobLoadModel.MailCount mails = JobLoadModel.checkMail(jdbc, mail, cases);

    System.out.printf(
        "CRASH SAFETY: %d starts acknowledged (%d attempted, %d cases in the database), "
            + "%d task completions acknowledged (%d tasks completed in history), %d reminders overdue at start, "
            + "%d reminders fell due while down and fired once after the restart, %d jobs locked by the killed process; "
            + "lost starts 0, lost completions 0, duplicated cases 0, duplicated steps 0; notices %d sent, "
            + "mails %d, extra mails %d (from sends interrupted by the kill)%n",
        load.acknowledgedStarts.size(),
        load.attemptedStarts.get(),
        cases.size(),
        load.acknowledgedCompletions.size(),
        historicTasks.values().stream().filter(task -> "completed".equals(task[1])).count(),
        cases.keySet().stream().filter(key -> !load.dueWhileDownKeys.contains(key)).count(),
        waitingForDueWhileDown.size(),
        jobsLockedAtKill,
        mails.notices(),
        mails.mails(),
        mails.extra());
  }

  private AppProcess start() {
    AppProcess app =
        AppProcess.start("crash-app", JobLoadModel.jobExecutorSettings("crash-app", jdbcUrl));
    apps.add(app);
    return app;
  }

  private static Set<String> allInstanceIds(Map<String, List<String>> cases) {
    Set<String> ids = ConcurrentHashMap.newKeySet();
    cases.values().forEach(ids::addAll);
    return ids;
  }

  /**
   * Two clients starting cases and one completing tasks, recording what the server acknowledged.
   */
  private static final class Load {

    final Map<String, String> acknowledgedStarts = new ConcurrentHashMap<>();
    final Map<String, String> acknowledgedCompletions = new ConcurrentHashMap<>();
    final Set<String> dueWhileDownKeys = ConcurrentHashMap.newKeySet();
    final List<String> unexpectedReplies = new CopyOnWriteArrayList<>();
    final AtomicInteger attemptedStarts = new AtomicInteger();

    private final AppProcess app;
    private final Instant overdue;
    private final Instant dueWhileDown;
    private final AtomicInteger nextCase = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final List<Thread> clients = new ArrayList<>();

    Load(AppProcess app, Instant overdue, Instant dueWhileDown) {
      this.app = app;
      this.overdue = overdue;
      this.dueWhileDown = dueWhileDown;
    }

    void begin() {
      clients.add(started(this::startCases, "starter-1"));
      clients.add(started(this::startCases, "starter-2"));
      clients.add(started(this::completeTasks, "completer"));
    }

    private static Thread started(Runnable client, String name) {
      Thread thread = new Thread(client, name);
      thread.start();
      return thread;
    }

    void stop() throws InterruptedException {
      stopped.set(true);
      for (Thread client : clients) {
        client.join(Duration.ofSeconds(90).toMillis());
      }
    }

    private void startCases() {
      while (!stopped.get()) {
        int number = nextCase.incrementAndGet();
        String key = CASE_PREFIX + number;
        boolean meanwhile = number % 2 == 1;
        if (meanwhile) {
          dueWhileDownKeys.add(key);
        }
        attemptedStarts.incrementAndGet();
        try {
          AppProcess.Reply reply =
              app.post(
                  "/engine-rest/process-definition/key/" + JobLoadModel.KEY + "/start",
                  JobLoadModel.startRequest(key, meanwhile ? dueWhileDown : overdue));
          if (reply.ok()) {
            acknowledgedStarts.put(key, reply.json().get("id").asText());
          } else if (!stopped.get()) {
            unexpectedReplies.add("start " + key + ": " + reply.status() + " " + reply.body());
          }
        } catch (IOException e) {
          // The connection died with the process: not acknowledged.
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private void completeTasks() {
      while (!stopped.get()) {
        try {
          AppProcess.Reply tasks =
              app.get(
                  "/engine-rest/task?processDefinitionKey="
                      + JobLoadModel.KEY
                      + "&taskDefinitionKey="
                      + JobLoadModel.REVIEW_TASK
                      + "&maxResults=20");
          if (!tasks.ok()) {
            if (!stopped.get()) {
              unexpectedReplies.add("task query: " + tasks.status() + " " + tasks.body());
            }
            continue;
          }
          for (JsonNode task : tasks.json()) {
            String taskId = task.get("id").asText();
            AppProcess.Reply reply =
                app.post("/engine-rest/task/" + taskId + "/complete", Map.of());
            if (reply.ok()) {
              acknowledgedCompletions.put(taskId, task.get("processInstanceId").asText());
            } else if (!stopped.get()) {
              unexpectedReplies.add(
                  "complete " + taskId + ": " + reply.status() + " " + reply.body());
            }
          }
          if (tasks.json().isEmpty()) {
            AppProcess.sleep(Duration.ofMillis(100));
          }
        } catch (IOException e) {
          if (stopped.get()) {
            return;
          }
          AppProcess.sleep(Duration.ofMillis(100));
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }
}
