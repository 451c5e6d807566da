package org.ehcflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The model in models/ehc-job-load-test.bpmn and what the crash and cluster tests read back about
 * it from the database: per case, how often each step ran, and which notices went out. Every case
 * sends two notices (opening and reminder) to its own address, so mail can be counted per case.
 */
public final class JobLoadModel {

  public static final String KEY = "ehc-job-load-test";
  public static final String OPENING_NOTICE = "serviceTask_sendOpeningNotice";
  public static final String REVIEW_TASK = "userTask_reviewCase";
  public static final String REMINDER_TIMER = "timerEvent_reminderDue";
  public static final String REMINDER_NOTICE = "serviceTask_sendReminderNotice";
  public static final int NOTICES_PER_CASE = 2;

  private JobLoadModel() {}

  /**
   * Settings for an application process that runs jobs on the real clock: the test model is part of
   * the automatic deployment (so every node deploys the same resources, as a council's nodes
   * would), jobs locked by a dead node are free again after 15 seconds instead of five minutes, and
   * an idle node looks for due jobs every few seconds.
   */
  public static Map<String, String> jobExecutorSettings(String node, String jdbcUrl) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("spring.datasource.url", jdbcUrl);
    settings.put("spring.datasource.username", "postgres");
    settings.put("spring.datasource.password", "");
    settings.put("camunda.bpm.job-execution.enabled", "true");
    settings.put("camunda.bpm.job-execution.lock-time-in-millis", "15000");
    settings.put("camunda.bpm.job-execution.wait-time-in-millis", "1000");
    settings.put("camunda.bpm.job-execution.max-wait", "3000");
    settings.put(
        "camunda.bpm.deployment-resource-pattern",
        String.join(
            ",",
            "classpath*:processes/**/*.bpmn",
            "classpath*:processes/**/*.dmn",
            "classpath*:forms/**/*.form",
            "classpath*:models/" + KEY + ".bpmn"));
    // Named in the job log, so a test can tell which node ran each job.
    settings.put("camunda.bpm.generic-properties.properties.hostname", node);
    return settings;
  }

  public static Map<String, Object> startRequest(String businessKey, Instant reminderDueAt) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("parentEmail", Map.of("value", recipient(businessKey), "type", "String"));
    variables.put("childName", Map.of("value", businessKey, "type", "String"));
    variables.put("reminderDueAt", Map.of("value", reminderDueAt.toString(), "type", "String"));
    return Map.of("businessKey", businessKey, "variables", variables);
  }

  public static String recipient(String businessKey) {
    return "parent-" + businessKey + "@example.org";
  }

  /**
   * Process instance ids by business key, for every case of the model whose key starts with the
   * prefix.
   */
  public static Map<String, List<String>> instancesByBusinessKey(
      JdbcTemplate jdbc, String businessKeyPrefix) {
    Map<String, List<String>> cases = new HashMap<>();
    jdbc.query(
        "SELECT business_key_, id_ FROM act_hi_procinst WHERE proc_def_key_ = ? AND business_key_ LIKE ?",
        rs -> {
          cases.computeIfAbsent(rs.getString(1), key -> new ArrayList<>()).add(rs.getString(2));
        },
        KEY,
        businessKeyPrefix + "%");
    return cases;
  }

  /**
   * How many times the activity completed in each process instance (instances where it never did
   * are absent).
   */
  public static Map<String, Integer> completedActivities(JdbcTemplate jdbc, String activityId) {
    Map<String, Integer> counts = new HashMap<>();
    jdbc.query(
        """
        SELECT proc_inst_id_, count(*) FROM act_hi_actinst
        WHERE proc_def_key_ = ? AND act_id_ = ? AND end_time_ IS NOT NULL GROUP BY proc_inst_id_""",
        rs -> {
          counts.put(rs.getString(1), rs.getInt(2));
        },
        KEY,
        activityId);
    return counts;
  }

  public static int countCompleted(
      JdbcTemplate jdbc, String activityId, Collection<String> processInstanceIds) {
    Map<String, Integer> counts = completedActivities(jdbc, activityId);
    return (int) processInstanceIds.stream().filter(counts::containsKey).count();
  }

  /** Notices by process instance: notice id to attempts, for sent ones. */
  public static Map<String, Map<String, Integer>> sentNotices(JdbcTemplate jdbc) {
    Map<String, Map<String, Integer>> notices = new HashMap<>();
    jdbc.query(
        "SELECT process_instance_id, notice_id, attempts FROM ehc_notice WHERE status = 'SENT'",
        rs -> {
          notices
              .computeIfAbsent(rs.getString(1), id -> new HashMap<>())
              .put(rs.getString(2), rs.getInt(3));
        });
    return notices;
  }

  /** Mails received by the test's mail server, counted by recipient. */
  public static Map<String, Long> mailsByRecipient(MimeMessage[] messages) {
    return List.of(messages).stream()
        .collect(Collectors.groupingBy(JobLoadModel::firstRecipient, Collectors.counting()));
  }

  private static String firstRecipient(MimeMessage message) {
    try {
      Address[] to = message.getAllRecipients();
      return to == null || to.length == 0 ? "" : to[0].toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void waitFor(String what, Duration timeout, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Gave up waiting for " + what + " after " + timeout);
      }
      AppProcess.sleep(Duration.ofMillis(250));
    }
  }

  /**
   * Notices are recorded once per notice id; a mail can go out twice only if the process died
   * between the mail server accepting it and the send being recorded, which shows as a second
   * attempt of that notice.
   */
  public record MailCount(int notices, int mails, int extra) {}

  public static MailCount checkMail(
      JdbcTemplate jdbc, GreenMail mail, Map<String, List<String>> cases) {
    Map<String, Map<String, Integer>> sent = sentNotices(jdbc);
    Map<String, Long> received = mailsByRecipient(mail.getReceivedMessages());
    int notices = 0;
    int mailsToCases = 0;
    int extra = 0;
    for (Map.Entry<String, List<String>> entry : cases.entrySet()) {
      String instanceId = entry.getValue().get(0);
      Map<String, Integer> noticesOfCase = sent.getOrDefault(instanceId, Map.of());
      assertThat(noticesOfCase).as("notices of " + entry.getKey()).hasSize(NOTICES_PER_CASE);
      long mails = received.getOrDefault(recipient(entry.getKey()), 0L);
      int retries = noticesOfCase.values().stream().mapToInt(attempts -> attempts - 1).sum();
      assertThat(mails)
          .as("mails to " + entry.getKey() + " (none lost; extra only after an interrupted send)")
          .isBetween((long) NOTICES_PER_CASE, (long) NOTICES_PER_CASE + retries);
      notices += noticesOfCase.size();
      mailsToCases += (int) mails;
      extra += (int) (mails - NOTICES_PER_CASE);
    }
    return new MailCount(notices, mailsToCases, extra);
  }
}
