package org.ehcflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ehcflow.support.AppProcess;
import org.ehcflow.support.JobLoadModel;
import org.ehcflow.support.TestMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application processes on one PostgreSQL database, both running the job executor, as two nodes
 * behind a load balancer would. Cases are started through both; a burst of timers falls due at one
 * instant. Each job must run exactly once, and when one node is killed in the middle of a burst the
 * other must finish it, including the jobs the dead node had locked.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterTest {

  private static final int BURST = 200;
  private static final int BURST_WITH_KILL = 300;
  private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(3);

  private static EmbeddedPostgres postgres;
  private static JdbcTemplate jdbc;
  private static GreenMail mail;
  private static AppProcess nodeA;
  private static AppProcess nodeB;
  private static int deploymentsAfterFirstNode;

  @BeforeAll
  static void startDatabaseMailAndTwoNodes() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE ehc_cluster");
    String jdbcUrl = postgres.getJdbcUrl("postgres", "ehc_cluster");
    jdbc = new JdbcTemplate(postgres.getDatabase("postgres", "ehc_cluster"));
    mail =
        new GreenMail(new ServerSetup(TestMail.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    mail.start();

    nodeA = AppProcess.start("cluster-node-a", JobLoadModel.jobExecutorSettings("node-a", jdbcUrl));
    deploymentsAfterFirstNode =
        jdbc.queryForObject("SELECT count(*) FROM act_re_deployment", Integer.class);
    nodeB = AppProcess.start("cluster-node-b", JobLoadModel.jobExecutorSettings("node-b", jdbcUrl));
  }

  @AfterAll
  static void stopEverything() throws IOException {
    try {
      for (AppProcess node : new AppProcess[] {nodeA, nodeB}) {
        if (node != null) {
          node.close();
        }
      }
      if (mail != null) {
        mail.stop();
      }
    } finally {
      postgres.close();
    }
  }

  @Test
  @Order(1)
  void
      the_second_node_deploys_nothing_new_and_each_due_timer_and_async_step_runs_once_on_one_of_the_nodes()
          throws Exception {
    assertThat(jdbc.queryForObject("SELECT count(*) FROM act_re_deployment", Integer.class))
        .as("deployments after the second node started")
        .isEqualTo(deploymentsAfterFirstNode);
    assertThat(
            jdbc.queryForList("SELECT key_ FROM act_re_procdef WHERE version_ > 1", String.class))
        .as("process definitions deployed a second time")
        .isEmpty();
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM act_re_procdef WHERE key_ = ?",
                Integer.class,
                JobLoadModel.KEY))
        .isEqualTo(1);
    for (AppProcess node : new AppProcess[] {nodeA, nodeB}) {
      AppProcess.Reply probe = node.get("/actuator/health/readiness");
      assertThat(probe.status())
          .as(node.name() + " readiness, the load balancer's probe")
          .isEqualTo(200);
      assertThat(probe.body()).contains("UP");
    }

    Instant burstStarted = Instant.now();
    Set<String> instanceIds = new HashSet<>(startBurst("cluster-a-", BURST).values());
    awaitAllReminded(instanceIds);

    Map<String, List<String>> cases = JobLoadModel.instancesByBusinessKey(jdbc, "cluster-a-");
    assertEachStepRanOnce(cases, instanceIds);
    Map<String, Integer> byNode = successfulJobsByNode(burstStarted);
    assertThat(byNode).as("both nodes ran jobs").containsKeys("node-a", "node-b");
    JobLoadModel.MailCount mails = JobLoadModel.checkMail(jdbc, mail, cases);
    assertThat(mails.extra()).as("no node is killed here, so no mail goes twice").isZero();

    System.out.printf(
        "TWO NODES: %d cases (%d through each node), %d timers due at one instant, %d async "
            + "notice steps; jobs run by node: %s; failed job attempts %d; duplicated jobs 0, lost jobs 0; "
            + "notices %d, mails %d, extra mails %d%n",
        cases.size(),
        BURST / 2,
        instanceIds.size(),
        2 * instanceIds.size(),
        byNode,
        failedJobAttempts(burstStarted),
        mails.notices(),
        mails.mails(),
        mails.extra());
  }

  @Test
  @Order(2)
  void when_a_node_is_killed_during_a_burst_of_due_timers_the_other_node_finishes_them_once()
      throws Exception {
    Instant burstStarted = Instant.now();
    Set<String> instanceIds = new HashSet<>(startBurst("cluster-b-", BURST_WITH_KILL).values());

    int killAfter = BURST_WITH_KILL / 10;
    JobLoadModel.waitFor(
        "the burst under way",
        SETTLE_TIMEOUT,
        () ->
            JobLoadModel.countCompleted(jdbc, JobLoadModel.REMINDER_TIMER, instanceIds)
                >= killAfter);
    nodeA.kill();
    Instant killedAt = Instant.now();
    Map<String, String> lockedAtKill = new HashMap<>();
    jdbc.query(
        "SELECT id_, lock_owner_ FROM act_ru_job WHERE lock_owner_ IS NOT NULL",
        rs -> {
          lockedAtKill.put(rs.getString(1), rs.getString(2));
        });
    int timersFiredAtKill =
        JobLoadModel.countCompleted(jdbc, JobLoadModel.REMINDER_TIMER, instanceIds);
    int remindersSentAtKill =
        JobLoadModel.countCompleted(jdbc, JobLoadModel.REMINDER_NOTICE, instanceIds);

    // Only the surviving node can lock a job after the kill, so an owner seen locking one then is
    // the survivor; locks held at the kill by any other owner were the dead node's.
    Set<String> survivorLockOwners = ConcurrentHashMap.newKeySet();
    Timestamp lockedAfterKill = Timestamp.from(killedAt.plusMillis(15_000));
    JobLoadModel.waitFor(
        "the surviving node to finish the burst",
        SETTLE_TIMEOUT,
        () -> {
          survivorLockOwners.addAll(
              jdbc.queryForList(
                  "SELECT DISTINCT lock_owner_ FROM act_ru_job WHERE lock_exp_time_ > ?",
                  String.class,
                  lockedAfterKill));
          return JobLoadModel.countCompleted(jdbc, JobLoadModel.REMINDER_NOTICE, instanceIds)
                  == instanceIds.size()
              && JobLoadModel.countCompleted(jdbc, JobLoadModel.OPENING_NOTICE, instanceIds)
                  == instanceIds.size();
        });
    assertThat(remindersSentAtKill)
        .as("reminders still to send when node A died")
        .isLessThan(instanceIds.size());

    Map<String, List<String>> cases = JobLoadModel.instancesByBusinessKey(jdbc, "cluster-b-");
    assertEachStepRanOnce(cases, instanceIds);
    List<String> orphaned =
        lockedAtKill.entrySet().stream()
            .filter(job -> !survivorLockOwners.contains(job.getValue()))
            .map(Map.Entry::getKey)
            .toList();
    Map<String, String> finishedBy = new HashMap<>();
    jdbc.query(
        "SELECT job_id_, hostname_ FROM act_hi_job_log WHERE job_state_ = 2",
        rs -> {
          finishedBy.put(rs.getString(1), rs.getString(2));
        });
    assertThat(orphaned)
        .as("jobs node A held when it died were finished by node B")
        .allSatisfy(jobId -> assertThat(finishedBy.get(jobId)).isEqualTo("node-b"));
    Map<String, Integer> afterKill = successfulJobsByNode(killedAt);
    assertThat(afterKill).as("jobs run after the kill").containsOnlyKeys("node-b");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM act_ru_incident", Integer.class)).isZero();
    JobLoadModel.MailCount mails = JobLoadModel.checkMail(jdbc, mail, cases);

    System.out.printf(
        "TWO NODES, ONE KILLED: %d cases, %d timers due at one instant; at the kill %d timers had "
            + "fired and %d reminders were sent, %d jobs were locked (%d by the killed node, all later run by node-b; "
            + "locks by owner %s, survivor %s); "
            + "jobs run by node over the burst: %s, after the kill: %s; failed job attempts %d; duplicated jobs 0, "
            + "lost jobs 0; notices %d, mails %d, extra mails %d (from sends interrupted by the kill)%n",
        cases.size(),
        instanceIds.size(),
        timersFiredAtKill,
        remindersSentAtKill,
        lockedAtKill.size(),
        orphaned.size(),
        lockedAtKill.values().stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    owner -> owner, java.util.stream.Collectors.counting())),
        survivorLockOwners,
        successfulJobsByNode(burstStarted),
        afterKill,
        failedJobAttempts(burstStarted),
        mails.notices(),
        mails.mails(),
        mails.extra());
  }

  /**
   * Starts the cases with reminders already due while the reminder timers' job definition is
   * suspended, then activates it: every timer falls due for both nodes at the same moment, however
   * long the starts took.
   */
  private static Map<String, String> startBurst(String prefix, int count) throws Exception {
    AppProcess.Reply definitions =
        nodeA.get(
            "/engine-rest/job-definition?processDefinitionKey="
                + JobLoadModel.KEY
                + "&activityIdIn="
                + JobLoadModel.REMINDER_TIMER);
    assertThat(definitions.json()).hasSize(1);
    String timers =
        "/engine-rest/job-definition/"
            + definitions.json().get(0).get("id").asText()
            + "/suspended";
    assertThat(nodeA.put(timers, Map.of("suspended", true, "includeJobs", true)).ok()).isTrue();
    Map<String, String> started =
        startThroughBothNodes(prefix, count, Instant.now().minusSeconds(60));
    assertThat(nodeB.put(timers, Map.of("suspended", false, "includeJobs", true)).ok()).isTrue();
    return started;
  }

  /** Starts cases alternately through the two nodes, as a load balancer would spread them. */
  private static Map<String, String> startThroughBothNodes(
      String prefix, int count, Instant reminderDueAt) throws InterruptedException {
    Map<String, String> started = new ConcurrentHashMap<>();
    List<String> failures = new ArrayList<>();
    List<Thread> clients = new ArrayList<>();
    AppProcess[] nodes = {nodeA, nodeB};
    for (int client = 0; client < nodes.length; client++) {
      AppProcess node = nodes[client];
      int first = client;
      Thread thread =
          new Thread(
              () -> {
                for (int number = first; number < count; number += nodes.length) {
                  String key = prefix + number;
                  try {
                    AppProcess.Reply reply =
                        node.post(
                            "/engine-rest/process-definition/key/" + JobLoadModel.KEY + "/start",
                            JobLoadModel.startRequest(key, reminderDueAt));
                    if (reply.ok()) {
                      started.put(key, reply.json().get("id").asText());
                    } else {
                      synchronized (failures) {
                        failures.add(key + ": " + reply.status() + " " + reply.body());
                      }
                    }
                  } catch (IOException | InterruptedException e) {
                    synchronized (failures) {
                      failures.add(key + ": " + e);
                    }
                  }
                }
              },
              "starter-" + node.name());
      thread.start();
      clients.add(thread);
    }
    for (Thread client : clients) {
      client.join();
    }
    assertThat(failures).as("starts refused").isEmpty();
    assertThat(started).hasSize(count);
    return started;
  }

  private static void awaitAllReminded(Set<String> instanceIds) {
    JobLoadModel.waitFor(
        "every timer and notice of the burst",
        SETTLE_TIMEOUT,
        () ->
            JobLoadModel.countCompleted(jdbc, JobLoadModel.REMINDER_NOTICE, instanceIds)
                    == instanceIds.size()
                && JobLoadModel.countCompleted(jdbc, JobLoadModel.OPENING_NOTICE, instanceIds)
                    == instanceIds.size());
  }

  private static void assertEachStepRanOnce(
      Map<String, List<String>> cases, Set<String> instanceIds) {
    assertThat(cases)
        .as("no business key started twice")
        .allSatisfy((key, ids) -> assertThat(ids).hasSize(1));
    for (String step :
        List.of(
            JobLoadModel.OPENING_NOTICE,
            JobLoadModel.REMINDER_TIMER,
            JobLoadModel.REMINDER_NOTICE)) {
      Map<String, Integer> counts = JobLoadModel.completedActivities(jdbc, step);
      assertThat(instanceIds)
          .as(step + " ran in every case")
          .allSatisfy(id -> assertThat(counts).containsKey(id));
      assertThat(instanceIds)
          .as(step + " ran once in each case")
          .allSatisfy(id -> assertThat(counts.get(id)).isEqualTo(1));
    }
    assertThat(
            jdbc.queryForList(
                """
        SELECT job_id_ FROM act_hi_job_log WHERE job_state_ = 2 AND process_def_key_ = ?
        GROUP BY job_id_ HAVING count(*) > 1""",
                String.class,
                JobLoadModel.KEY))
        .as("jobs that succeeded more than once")
        .isEmpty();
  }

  private static Map<String, Integer> successfulJobsByNode(Instant since) {
    Map<String, Integer> byNode = new HashMap<>();
    jdbc.query(
        """
        SELECT hostname_, count(*) FROM act_hi_job_log
        WHERE job_state_ = 2 AND process_def_key_ = ? AND timestamp_ >= ? GROUP BY hostname_""",
        rs -> {
          byNode.put(rs.getString(1), rs.getInt(2));
        },
        JobLoadModel.KEY,
        Timestamp.from(since));
    return byNode;
  }

  private static int failedJobAttempts(Instant since) {
    return jdbc.queryForObject(
        """
        SELECT count(*) FROM act_hi_job_log WHERE job_state_ = 1 AND process_def_key_ = ? AND timestamp_ >= ?""",
        Integer.class,
        JobLoadModel.KEY,
        Timestamp.from(since));
  }
}
