package org.ehcflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.support.PostgresApp;
import org.ehcflow.support.SmokeModel;
import org.ehcflow.support.TestMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost when the mail server is down, on PostgreSQL: a run of cases goes on while the server
 * is away, failed sends become incidents Cockpit shows, and once the server is back and the
 * operator has retried the incidents, every notice has reached every intended recipient exactly
 * once. Jobs and the clock are driven by hand.
 */
class MailOutageTest {

  private static final int CASES_BEFORE = 12;
  private static final int CASES_DURING = 12;

  /** The engine's retry cycle, R5/PT10M: each retry waits ten minutes. */
  private static final Duration RETRY_WAIT = Duration.ofMinutes(11);

  private static PostgresApp app;
  private static ProcessEngine engine;
  private static ManagementService management;
  private static GreenMail mail;

  /** What reached the server before it was last stopped (a stopped GreenMail forgets). */
  private static final List<MimeMessage> deliveredEarlier = new ArrayList<>();

  @BeforeAll
  static void startOnPostgres() {
    mail =
        new GreenMail(new ServerSetup(TestMail.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    mail.start();
    app = PostgresApp.start("ehc_outage");
    engine = app.engine();
    management = engine.getManagementService();
    app.user("manager1", "la-manager");
    app.user("owner1", "process-owner");
  }

  @AfterAll
  static void stop() {
    try {
      app.close();
    } finally {
      mail.stop();
    }
  }

  @BeforeEach
  void clean() throws Exception {
    mail.purgeEmailFromAllMailboxes();
    deliveredEarlier.clear();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void
      with_the_mail_server_down_cases_go_on_incidents_show_and_afterwards_every_notice_is_sent_exactly_once()
          throws Exception {
    at("2026-03-02T09:00");
    List<String> before = new ArrayList<>();
    for (int i = 0; i < CASES_BEFORE; i++) {
      before.add(request("OUT-A" + i));
    }
    assertThat(runDueJobs()).as("nothing fails while the server is up").isZero();
    int sentBefore = mail.getReceivedMessages().length;
    assertThat(sentBefore).isPositive();

    // --- the outage ---------------------------------------------------------------------------
    at("2026-03-02T10:00");
    mailServerGoesDown();
    int faults = 0;
    List<String> during = new ArrayList<>();
    for (int i = 0; i < CASES_DURING; i++) {
      during.add(request("OUT-B" + i));
    }
    int tasksCompletedDuringOutage = 0;
    for (String caseId : before) {
      complete(
          caseId,
          AssessmentProcess.Elements.PREPARE_CASE_FOR_PANEL,
          Map.of(
              "graduatedApproachCycles",
              3,
              "progressDespiteSupport",
              false,
              "needsAcrossEducationHealthCare",
              true));
      tasksCompletedDuringOutage++;
    }
    faults += runDueJobs();
    long tasksCreatedDuringOutage =
        before.stream()
            .filter(
                caseId ->
                    openTask(caseId, AssessmentProcess.Elements.DECIDE_WHETHER_TO_ASSESS) != null)
            .count();
    assertThat(tasksCreatedDuringOutage)
        .as("the panel's tasks arrive although no mail can go")
        .isEqualTo(CASES_BEFORE);
    long firstTasksOfNewCases =
        during.stream()
            .filter(
                caseId ->
                    openTask(caseId, AssessmentProcess.Elements.PREPARE_CASE_FOR_PANEL) != null)
            .count();
    assertThat(firstTasksOfNewCases)
        .as("a case opened in the outage does not wait for its first letter")
        .isEqualTo(CASES_DURING);
    tasksCreatedDuringOutage += firstTasksOfNewCases;

    for (int round = 0; round < 4; round++) {
      later(RETRY_WAIT);
      faults += runDueJobs();
    }
    List<Incident> incidents = engine.getRuntimeService().createIncidentQuery().list();
    long handedOver =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(NoticeDelivery.KEY)
            .count();
    assertThat(handedOver)
        .as("every notice refused so far, at least each new case's first letter")
        .isGreaterThanOrEqualTo(CASES_DURING);
    final int refusedNotices = (int) handedOver;
    assertThat(incidents)
        .as("each refused notice's delivery, retried five times")
        .hasSize(refusedNotices)
        .allSatisfy(
            incident -> {
              assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
              assertThat(incident.getActivityId())
                  .isEqualTo(NoticeDelivery.Elements.DELIVER_NOTICE);
              assertThat(incident.getIncidentMessage()).containsIgnoringCase("mail");
            });
    assertThat(incidents)
        .extracting(Incident::getProcessInstanceId)
        .as("no case itself is held by an incident")
        .doesNotContainAnyElementsOf(concat(before, during));
    assertThat(countOverRest("manager1", "/engine-rest/incident/count"))
        .as("what a manager sees")
        .isEqualTo(refusedNotices);
    HttpResponse<String> cockpitFigures =
        app.send(
            "manager1", "GET", "/engine-rest/process-definition/statistics?incidents=true", null);
    assertThat(cockpitFigures.statusCode()).isEqualTo(200);
    assertThat(cockpitFigures.body())
        .as("Cockpit's dashboard figures")
        .contains("\"incidentType\":\"failedJob\",\"incidentCount\":" + refusedNotices);

    // Later in the outage the panel decides and other systems report events; those sends fail too.
    at("2026-03-02T10:50");
    for (int i = 0; i < CASES_BEFORE; i++) {
      String caseId = before.get(i);
      if (i == CASES_BEFORE - 1) {
        assertThat(
                message("ehc.request-withdrawn", caseId, Map.of("withdrawnReason", "Moved away")))
            .isEqualTo(204);
        continue;
      }
      boolean assess = i % 4 != 3;
      complete(
          caseId,
          AssessmentProcess.Elements.DECIDE_WHETHER_TO_ASSESS,
          Map.of(
              "assessDecision",
              assess ? "assess" : "do-not-assess",
              "assessDecisionReason",
              "Panel, 2 March"));
      tasksCompletedDuringOutage++;
      if (i < 2) {
        assertThat(
                message(
                    "ehc.exception-recorded",
                    caseId,
                    Map.of("exceptionGround", "school-closure", "exceptionNote", "Snow")))
            .isEqualTo(204);
      }
    }
    faults += runDueJobs();
    assertThat(engine.getRuntimeService().createIncidentQuery().count())
        .as("the later sends still have retries left")
        .isEqualTo(refusedNotices);
    long waitingToRetry = management.createJobQuery().withException().count() - refusedNotices;
    assertThat(waitingToRetry).isPositive();
    assertThat(
            app.database()
                .queryForObject(
                    "SELECT count(*) FROM ehc_notice WHERE status = 'PENDING' AND last_error IS NOT NULL",
                    Long.class))
        .as("each failed notice is on record with its error")
        .isEqualTo(refusedNotices + waitingToRetry);

    // --- the server is back -------------------------------------------------------------------
    at("2026-03-02T11:00");
    mail.start();
    later(RETRY_WAIT);
    assertThat(runDueJobs()).as("the sends that still had retries go by themselves").isZero();
    assertThat(management.createJobQuery().withException().count()).isEqualTo(refusedNotices);

    // The operator's part: "increment retries" on each incident in Cockpit, which is this call.
    // Jobs are the managers' and administrators' (issue 21): a process owner changes models, not
    // cases' steps.
    assertThat(
            app.send(
                    "owner1",
                    "PUT",
                    "/engine-rest/job/" + incidents.get(0).getConfiguration() + "/retries",
                    "{\"retries\": 1}")
                .statusCode())
        .as("a process owner does not run a case's jobs again")
        .isEqualTo(403);
    for (Incident incident : engine.getRuntimeService().createIncidentQuery().list()) {
      assertThat(
              app.send(
                      "manager1",
                      "PUT",
                      "/engine-rest/job/" + incident.getConfiguration() + "/retries",
                      "{\"retries\": 1}")
                  .statusCode())
          .as("the manager retries " + incident.getId())
          .isEqualTo(204);
    }
    assertThat(runDueJobs()).isZero();
    assertThat(engine.getRuntimeService().createIncidentQuery().count())
        .as("no incident remains")
        .isZero();

    // The cases opened during the outage go on like the others.
    for (String caseId : during) {
      complete(
          caseId,
          AssessmentProcess.Elements.PREPARE_CASE_FOR_PANEL,
          Map.of(
              "graduatedApproachCycles",
              2,
              "progressDespiteSupport",
              false,
              "needsAcrossEducationHealthCare",
              true));
      complete(
          caseId,
          AssessmentProcess.Elements.DECIDE_WHETHER_TO_ASSESS,
          Map.of("assessDecision", "assess", "assessDecisionReason", "Panel, 2 March"));
    }
    assertThat(runDueJobs()).isZero();

    // --- nothing lost, nothing twice ----------------------------------------------------------
    List<String> run = concat(before, during);
    Map<String, List<String>> recipientsByNoticeId = new TreeMap<>();
    List<MimeMessage> delivered = new ArrayList<>();
    for (MimeMessage message : delivered()) {
      if (run.contains(noticeId(message).substring(0, noticeId(message).indexOf('/')))) {
        delivered.add(message);
      }
    }
    for (MimeMessage message : delivered) {
      recipientsByNoticeId
          .computeIfAbsent(noticeId(message), id -> new ArrayList<>())
          .add(message.getAllRecipients()[0].toString());
    }
    Map<String, String> intended =
        app
            .database()
            .query(
                "SELECT notice_id, recipient, status, process_instance_id " + "FROM ehc_notice",
                (rs, row) ->
                    List.of(
                        rs.getString(1), rs.getString(2) + "|" + rs.getString(3), rs.getString(4)))
            .stream()
            .filter(row -> run.contains(row.get(2)))
            .collect(Collectors.toMap(row -> row.get(0), row -> row.get(1)));
    long noticeSteps = finishedNoticeSteps(run);

    assertThat(intended.values())
        .as("every notice on record was sent")
        .allMatch(value -> value.endsWith("|SENT"));
    assertThat(recipientsByNoticeId.keySet())
        .as("no notice lost, none unknown")
        .isEqualTo(intended.keySet());
    assertThat(recipientsByNoticeId)
        .as("each notice once, to its intended recipient")
        .allSatisfy(
            (id, recipients) ->
                assertThat(recipients)
                    .containsExactly(intended.get(id).substring(0, intended.get(id).indexOf('|'))));
    assertThat(noticeSteps)
        .as("every notice step the cases passed sent one mail")
        .isEqualTo(intended.size());
    assertThat(management.createJobQuery().withException().count()).isZero();
    for (String caseId : run) {
      boolean ended =
          engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(caseId).count()
              == 0;
      assertThat(
              ended
                  || !engine
                      .getTaskService()
                      .createTaskQuery()
                      .processInstanceId(caseId)
                      .list()
                      .isEmpty())
          .as("case " + caseId + " is with a person or closed, not stuck")
          .isTrue();
    }

    System.out.printf(
        "MailOutageTest figures: cases=%d notices=%d (before the outage %d) faults=%d incidents=%d "
            + "retried-by-themselves=%d tasks-completed-during-outage=%d tasks-created-during-outage=%d "
            + "lost=%d duplicated=%d%n",
        CASES_BEFORE + CASES_DURING,
        delivered.size(),
        sentBefore,
        faults,
        refusedNotices,
        waitingToRetry,
        tasksCompletedDuringOutage,
        tasksCreatedDuringOutage,
        intended.size() - recipientsByNoticeId.size(),
        recipientsByNoticeId.values().stream().mapToInt(list -> list.size() - 1).sum());
  }

  @Test
  void a_notice_sent_before_its_step_failed_to_commit_is_not_sent_again_by_the_retry() {
    SmokeModel.deploy(engine.getRepositoryService());
    at("2026-03-03T09:00");
    // The database refuses the step's commit once, after the mail server has accepted the notice:
    // a deferred check fires at commit time on the row that the step after the notice writes.
    app.database().execute("CREATE SEQUENCE test_commit_refusals");
    app.database()
        .execute(
            """
        CREATE FUNCTION test_refuse_first_commit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF nextval('test_commit_refusals') = 1 THEN
            RAISE EXCEPTION 'commit refused by the test';
          END IF;
          RETURN NULL;
        END $$""");
    app.database()
        .execute(
            """
        CREATE CONSTRAINT TRIGGER test_refuse_first_commit AFTER INSERT ON act_hi_actinst
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.act_id_ = '%s')
        EXECUTE FUNCTION test_refuse_first_commit()"""
                .formatted(SmokeModel.REVIEW_TASK));
    try {
      String caseId =
          engine
              .getRuntimeService()
              .startProcessInstanceByKey(
                  SmokeModel.KEY,
                  "commit-fails",
                  Map.of("parentEmail", "dana@example.org", "childName", "Dana Test"))
              .getId();
      Job notice = management.createJobQuery().processInstanceId(caseId).singleResult();

      assertThatThrownBy(() -> management.executeJob(notice.getId()))
          .as("the step's transaction fails at commit")
          .hasStackTraceContaining("commit refused by the test");
      assertThat(mail.getReceivedMessages())
          .as("the mail had gone before the commit failed")
          .hasSize(1);
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(caseId).count())
          .as("the step itself was rolled back")
          .isZero();

      Job retry = management.createJobQuery().processInstanceId(caseId).singleResult();
      if (retry.getRetries() == 0) {
        management.setJobRetries(retry.getId(), 1);
      }
      management.executeJob(retry.getId());

      assertThat(mail.getReceivedMessages())
          .as("the retry found the notice sent and did not send it again")
          .hasSize(1);
      assertThat(
              engine
                  .getTaskService()
                  .createTaskQuery()
                  .processInstanceId(caseId)
                  .singleResult()
                  .getTaskDefinitionKey())
          .isEqualTo(SmokeModel.REVIEW_TASK);
      assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(caseId).count())
          .isZero();
      assertThat(app.bean(NoticeOutbox.class).sentFor(caseId))
          .singleElement()
          .extracting(NoticeOutbox.SentNotice::recipient)
          .isEqualTo("dana@example.org");
    } finally {
      app.database().execute("DROP TRIGGER test_refuse_first_commit ON act_hi_actinst");
      app.database().execute("DROP FUNCTION test_refuse_first_commit()");
      app.database().execute("DROP SEQUENCE test_commit_refusals");
    }
  }

  private static void mailServerGoesDown() throws Exception {
    deliveredEarlier.addAll(List.of(mail.getReceivedMessages()));
    mail.purgeEmailFromAllMailboxes();
    mail.stop();
  }

  private static List<MimeMessage> delivered() {
    List<MimeMessage> all = new ArrayList<>(deliveredEarlier);
    all.addAll(List.of(mail.getReceivedMessages()));
    return all;
  }

  // --- driving the cases -----------------------------------------------------------------------

  private static void at(String londonDateTime) {
    ClockUtil.setCurrentTime(
        Date.from(LocalDateTime.parse(londonDateTime).atZone(StatutoryClock.ZONE).toInstant()));
  }

  private static void later(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
  }

  /**
   * Runs every job that is due, as the job executor would, including jobs that those create; the
   * number that failed.
   */
  private static int runDueJobs() {
    int failed = 0;
    for (int round = 0; round < 100; round++) {
      List<Job> due = management.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return failed;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException e) {
          failed++;
        }
      }
    }
    throw new IllegalStateException("jobs keep appearing");
  }

  private static String request(String childId) {
    Map<String, Object> request = new HashMap<>();
    request.put("childId", childId);
    request.put("childName", "Child " + childId);
    request.put("dateOfBirth", "2016-03-14");
    request.put("requestReceivedDate", "2026-03-02");
    request.put("requester", "parent");
    request.put("parentEmail", "parent." + childId.toLowerCase() + "@example.org");
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(AssessmentProcess.KEY, "EHCNA-" + childId, request)
        .getId();
  }

  private static void complete(String caseId, String taskKey, Map<String, Object> variables) {
    Task task = openTask(caseId, taskKey);
    assertThat(task).as(taskKey + " open in " + caseId).isNotNull();
    engine.getTaskService().complete(task.getId(), variables);
  }

  private static Task openTask(String caseId, String taskKey) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(caseId)
        .taskDefinitionKey(taskKey)
        .singleResult();
  }

  private static int message(String name, String caseId, Map<String, String> variables) {
    String businessKey =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(caseId)
            .singleResult()
            .getBusinessKey();
    String json =
        variables.entrySet().stream()
            .map(
                e ->
                    "\""
                        + e.getKey()
                        + "\": {\"value\": \""
                        + e.getValue()
                        + "\", \"type\": \"String\"}")
            .collect(Collectors.joining(", ", "{", "}"));
    app.user("caseworker1", "la-caseworker");
    return app.send(
            "caseworker1",
            "POST",
            "/engine-rest/message",
            "{\"messageName\": \""
                + name
                + "\", \"businessKey\": \""
                + businessKey
                + "\", \"processVariables\": "
                + json
                + "}")
        .statusCode();
  }

  private static long countOverRest(String user, String path) {
    HttpResponse<String> answer = app.send(user, "GET", path, null);
    assertThat(answer.statusCode()).as(path).isEqualTo(200);
    return Long.parseLong(answer.body().replaceAll("\\D", ""));
  }

  /** Notice steps (one per recipient in a multi-instance step) the cases have passed. */
  private static long finishedNoticeSteps(List<String> cases) {
    return engine
        .getHistoryService()
        .createHistoricActivityInstanceQuery()
        .activityType("serviceTask")
        .finished()
        .list()
        .stream()
        .filter(step -> cases.contains(step.getProcessInstanceId()))
        .map(HistoricActivityInstance::getActivityId)
        .filter(id -> id.startsWith("serviceTask_send") || id.startsWith("serviceTask_notify"))
        .count();
  }

  private static String noticeId(MimeMessage message) throws MessagingException {
    String[] header = message.getHeader(NotificationService.NOTICE_ID_HEADER);
    assertThat(header).as("every notice carries its id").isNotNull().hasSize(1);
    return header[0];
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
