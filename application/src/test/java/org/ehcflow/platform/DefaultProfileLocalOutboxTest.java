package org.ehcflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.notification.NoticeDelivery;
import org.ehcflow.support.AppProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The default profile as a newcomer starts it, with no mail setting at all, in its own process: its
 * notices are kept in the local outbox and read in the case file, and nothing in its log says a
 * relay failed. Jobs are run by hand over the REST API, so every notice step has run when the test
 * looks.
 */
class DefaultProfileLocalOutboxTest {

  private AppProcess app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void
      a_default_run_without_mail_settings_keeps_every_notice_in_the_local_outbox_with_no_failure_or_stack_trace()
          throws Exception {
    String name = "default-outbox-" + System.currentTimeMillis();
    app =
        AppProcess.startEmbeddedDefaultAsShipped(
            name, Map.of("camunda.bpm.job-execution.enabled", "false"));

    String childId = "OUTBOX-1";
    AppProcess.Reply started =
        app.post(
            "/engine-rest/process-definition/key/" + AssessmentProcess.KEY + "/start",
            Map.of("businessKey", "EHCNA-" + childId, "variables", request(childId)));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String caseId = started.json().get("id").asText();
    assertThat(runJobsByHand()).as("notice steps run").isGreaterThanOrEqualTo(2);

    completeTask(
        caseId,
        AssessmentProcess.Elements.PREPARE_CASE_FOR_PANEL,
        Map.of(
            "graduatedApproachCycles",
            3,
            "progressDespiteSupport",
            false,
            "needsAcrossEducationHealthCare",
            true));
    completeTask(
        caseId,
        AssessmentProcess.Elements.DECIDE_WHETHER_TO_ASSESS,
        Map.of(
            "assessDecision",
            "assess",
            "assessDecisionReason",
            "Needs across education and health"));
    runJobsByHand();

    AppProcess.Reply notices = app.get("/api/cases/" + childId + "/notices");
    assertThat(notices.status()).as(notices.body()).isEqualTo(200);
    List<JsonNode> all = new ArrayList<>();
    notices.json().forEach(all::add);
    assertThat(all)
        .as("the parent's and the reg 4(2) bodies' notices of the request and of the decision")
        .hasSizeGreaterThanOrEqualTo(4);
    assertThat(all)
        .extracting(n -> n.get("noticeType").asText())
        .contains("considering-assessment", "regulation-4-considering", "decision-to-assess");
    for (JsonNode notice : all) {
      String id = notice.get("noticeId").asText();
      assertThat(notice.get("status").asText()).as(id).isEqualTo("sent");
      assertThat(notice.get("channel").asText()).as(id).isEqualTo("local-outbox");
      assertThat(notice.get("delivery").asText())
          .as(id)
          .isEqualTo("kept in the local outbox (not emailed)");
      assertThat(notice.get("attempts").asInt()).as(id).isEqualTo(1);
      assertThat(notice.get("lastError").isNull()).as(id).isTrue();
      assertThat(notice.get("from").asText()).as(id).isEqualTo("send-team@council.example");
      assertThat(notice.get("body").asText()).as(id).isNotBlank();
    }
    assertThat(all)
        .filteredOn(n -> n.get("noticeType").asText().equals("considering-assessment"))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.get("recipient").asText()).isEqualTo("parent.outbox@example.org");
              assertThat(n.get("body").asText()).contains("Robin Outbox");
            });

    AppProcess.Reply chronology = app.get("/api/cases/" + childId + "/chronology");
    List<JsonNode> noticeEntries = new ArrayList<>();
    chronology
        .json()
        .forEach(
            entry -> {
              if ("notice".equals(entry.get("kind").asText())) {
                noticeEntries.add(entry);
              }
            });
    assertThat(noticeEntries)
        .hasSameSizeAs(all)
        .allSatisfy(
            entry -> {
              assertThat(entry.get("event").asText())
                  .startsWith("Notice kept in the local outbox: ");
              assertThat(entry.get("delivery").asText())
                  .isEqualTo("kept in the local outbox (not emailed)");
            });

    assertThat(
            count(
                "/engine-rest/history/process-instance/count?processDefinitionKey="
                    + NoticeDelivery.KEY))
        .as("ehc-deliver-notice instances ever started")
        .isZero();
    assertThat(count("/engine-rest/incident/count")).as("incidents").isZero();
    assertThat(count("/engine-rest/job/count?withException=true")).as("failed jobs").isZero();

    List<String> log = Files.readAllLines(AppProcess.logOf(name), StandardCharsets.UTF_8);
    assertThat(log)
        .as("the application's log (" + AppProcess.logOf(name) + ")")
        .noneMatch(line -> line.contains(" ERROR "))
        .noneMatch(line -> line.startsWith("\tat ") || line.matches("^\\s+at [\\w.$]+\\(.*"))
        .noneMatch(
            line ->
                line.contains("MailSendException")
                    || line.contains("Mail server connection failed"));
  }

  /** Every executable job, as the job executor would run it, until none is left; how many ran. */
  private int runJobsByHand() throws Exception {
    int ran = 0;
    for (int round = 0; round < 20; round++) {
      JsonNode jobs = app.get("/engine-rest/job?executable=true").json();
      if (jobs.isEmpty()) {
        return ran;
      }
      for (JsonNode job : jobs) {
        AppProcess.Reply executed =
            app.post("/engine-rest/job/" + job.get("id").asText() + "/execute", Map.of());
        assertThat(executed.status())
            .as("job %s: %s", job.get("id"), executed.body())
            .isEqualTo(204);
        ran++;
      }
    }
    throw new IllegalStateException("jobs keep appearing");
  }

  private void completeTask(String caseId, String taskKey, Map<String, Object> values)
      throws Exception {
    JsonNode tasks =
        app.get("/engine-rest/task?processInstanceId=" + caseId + "&taskDefinitionKey=" + taskKey)
            .json();
    assertThat(tasks).as(taskKey).hasSize(1);
    AppProcess.Reply completed =
        app.post(
            "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
            Map.of("variables", typed(values)));
    assertThat(completed.status()).as(completed.body()).isIn(200, 204);
  }

  private long count(String path) throws Exception {
    AppProcess.Reply reply = app.get(path);
    assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(200);
    return reply.json().get("count").asLong();
  }

  private static Map<String, Object> request(String childId) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("childId", childId);
    values.put("childName", "Robin Outbox");
    values.put("dateOfBirth", "2016-03-14");
    values.put("requestReceivedDate", LocalDate.now().minusDays(2).toString());
    values.put("requester", "parent");
    values.put("parentEmail", "parent.outbox@example.org");
    return typed(values);
  }

  private static Map<String, Object> typed(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return variables;
  }
}
