package org.ehcflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.assessment.CaseEventProcess;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.support.Jobs;
import org.ehcflow.support.PostgresApp;
import org.ehcflow.support.TestMail;
import org.ehcflow.vocabulary.AssessmentVariables;
import org.ehcflow.vocabulary.CaseEvent;
import org.ehcflow.vocabulary.Pathways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two people, one task, on PostgreSQL (real row locks): two caseworkers submit the same task at the
 * same moment, and messages from other systems arrive while a task of the same case is being
 * completed. Each race is started from a barrier and run several times; what is asserted is the
 * outcome, never how long anything took.
 */
class ConcurrentCompletionTest {

  private static final int ROUNDS = 8;
  private static final String PREPARE = AssessmentProcess.Elements.PREPARE_CASE_FOR_PANEL;

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  private static PostgresApp app;
  private static ProcessEngine engine;
  private static ExecutorService pool;
  private static int caseNumber;

  @BeforeAll
  static void startOnPostgres() {
    app = PostgresApp.start("ehc_race");
    engine = app.engine();
    app.user("caseworker1", "la-caseworker");
    app.user("caseworker2", "la-caseworker");
    pool = Executors.newFixedThreadPool(2);
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
    app.close();
  }

  @BeforeEach
  void today() {
    ClockUtil.setCurrentTime(
        Date.from(LocalDateTime.parse("2026-03-02T10:00").atZone(StatutoryClock.ZONE).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void
      two_caseworkers_completing_the_same_task_at_once_one_succeeds_and_the_other_is_told_it_was_done()
          throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String caseId = caseAtPreparation();
      Task task = openTask(caseId, PREPARE);

      List<HttpResponse<String>> answers =
          race(
              () -> completeOverRest("caseworker1", task.getId()),
              () -> completeOverRest("caseworker2", task.getId()));

      assertThat(answers)
          .extracting(HttpResponse::statusCode)
          .as("round " + round)
          .containsExactlyInAnyOrder(204, 409);
      HttpResponse<String> refused =
          answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
      assertThat(refused.body())
          .contains("TaskNoLongerOpenException")
          .contains("completed or closed by someone else a moment ago");
      String winner = answers.get(0).statusCode() == 204 ? "caseworker1" : "caseworker2";

      HistoryService history = engine.getHistoryService();
      List<HistoricTaskInstance> prepared =
          history
              .createHistoricTaskInstanceQuery()
              .processInstanceId(caseId)
              .taskDefinitionKey(PREPARE)
              .list();
      assertThat(prepared)
          .singleElement()
          .satisfies(
              t -> {
                assertThat(t.getEndTime()).isNotNull();
                assertThat(t.getDeleteReason()).isEqualTo("completed");
              });
      List<UserOperationLogEntry> completions =
          history
              .createUserOperationLogQuery()
              .taskId(task.getId())
              .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
              .list();
      assertThat(completions)
          .as("the task was completed once, by the winner")
          .singleElement()
          .extracting(UserOperationLogEntry::getUserId)
          .isEqualTo(winner);
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(caseId).list())
          .as("the case moved on exactly once")
          .extracting(Task::getTaskDefinitionKey)
          .containsExactly(AssessmentProcess.Elements.DECIDE_WHETHER_TO_ASSESS);
      assertThat(
              history
                  .createHistoricActivityInstanceQuery()
                  .processInstanceId(caseId)
                  .activityId(AssessmentProcess.Elements.RECOMMEND_WHETHER_TO_ASSESS)
                  .count())
          .isEqualTo(1);
    }
  }

  @Test
  void
      a_completion_of_a_task_already_done_is_a_conflict_in_words_and_an_unknown_task_is_not_a_conflict() {
    String caseId = caseAtPreparation();
    Task task = openTask(caseId, PREPARE);
    assertThat(completeOverRest("caseworker1", task.getId()).statusCode()).isEqualTo(204);

    HttpResponse<String> late = completeOverRest("caseworker2", task.getId());
    HttpResponse<String> unknown = completeOverRest("caseworker2", "no-such-task");

    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.body()).contains("completed or closed by someone else");
    // A task id that never existed is not found (the engine's own answer was 500; see
    // ClientErrors).
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("No task 'no-such-task'");
  }

  @Test
  void
      exceptions_recorded_while_the_task_is_being_completed_are_all_recorded_once_and_the_completion_stands()
          throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String caseId = caseAtPreparation();
      String businessKey = businessKey(caseId);
      Task task = openTask(caseId, PREPARE);
      // Half by another system's message, half by a caseworker's Tasklist action (the case-event
      // process).
      boolean fromTasklist = round % 2 == 1;

      List<HttpResponse<String>> answers =
          race(
              () -> completeOverRest("caseworker1", task.getId()),
              () ->
                  fromTasklist
                      ? recordCaseEvent("caseworker2", businessKey)
                      : exceptionMessage("caseworker2", businessKey));

      assertThat(answers.get(0).statusCode())
          .as("completion, round " + round + ": " + answers.get(0).body())
          .isEqualTo(204);
      assertThat(answers.get(1).statusCode())
          .as("exception, round " + round + ": " + answers.get(1).body())
          .isIn(200, 204);
      assertThat(
              engine
                  .getHistoryService()
                  .createHistoricActivityInstanceQuery()
                  .processInstanceId(caseId)
                  .activityId(AssessmentProcess.Elements.RECORD_EXCEPTION)
                  .finished()
                  .count())
          .as("recorded once")
          .isEqualTo(1);
      assertThat(
              engine
                  .getRuntimeService()
                  .getVariable(caseId, AssessmentVariables.EXCEPTIONS_APPLY.name()))
          .isEqualTo(true);
      assertThat(
              engine
                  .getRuntimeService()
                  .getVariable(caseId, AssessmentVariables.EXCEPTION_GROUND.name()))
          .isEqualTo("school-closure");
      assertThat(
              engine
                  .getHistoryService()
                  .createHistoricTaskInstanceQuery()
                  .processInstanceId(caseId)
                  .taskDefinitionKey(PREPARE)
                  .finished()
                  .count())
          .isEqualTo(1);
      assertThat(openTask(caseId, AssessmentProcess.Elements.DECIDE_WHETHER_TO_ASSESS)).isNotNull();

      Jobs.executeAll(engine.getManagementService(), caseId);
      assertThat(noticesTo(parentOf(caseId), "delay")).as("the parent is told once").isEqualTo(1);
    }
  }

  @Test
  void
      a_withdrawal_racing_a_completion_always_closes_the_case_and_the_completion_is_saved_or_refused_in_words()
          throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String caseId = caseAtPreparation();
      Task task = openTask(caseId, PREPARE);

      List<HttpResponse<String>> answers =
          race(
              () -> completeOverRest("caseworker1", task.getId()),
              () -> withdrawalMessage("caseworker2", businessKey(caseId)));

      assertThat(answers.get(1).statusCode())
          .as("withdrawal, round " + round + ": " + answers.get(1).body())
          .isEqualTo(204);
      assertThat(answers.get(0).statusCode())
          .as("completion, round " + round + ": " + answers.get(0).body())
          .isIn(204, 409);
      if (answers.get(0).statusCode() == 409) {
        assertThat(answers.get(0).body()).contains("completed or closed by someone else");
      }
      Jobs.executeAll(engine.getManagementService(), caseId);
      assertThat(
              engine
                  .getRuntimeService()
                  .createProcessInstanceQuery()
                  .processInstanceId(caseId)
                  .count())
          .isZero();
      assertThat(
              engine
                  .getHistoryService()
                  .createHistoricActivityInstanceQuery()
                  .processInstanceId(caseId)
                  .activityId(AssessmentProcess.Elements.RECORD_WITHDRAWAL)
                  .finished()
                  .count())
          .isEqualTo(1);
      assertThat(
              engine
                  .getHistoryService()
                  .createHistoricVariableInstanceQuery()
                  .processInstanceId(caseId)
                  .variableName(AssessmentVariables.REQUEST_OUTCOME.name())
                  .singleResult()
                  .getValue())
          .isEqualTo("W");
      assertThat(noticesTo(parentOf(caseId), "withdrawn"))
          .as("the parent is told once")
          .isEqualTo(1);
    }
  }

  @Test
  void
      in_tasklist_the_second_of_two_caseworkers_submitting_the_same_form_reads_why_it_was_not_saved()
          throws Exception {
    Browser first = Browser.loggedInToTasklist("caseworker1");
    Browser second = Browser.loggedInToTasklist("caseworker2");
    for (int round = 0; round < ROUNDS / 2; round++) {
      String caseId = caseAtPreparation();
      Task task = openTask(caseId, PREPARE);

      List<HttpResponse<String>> answers =
          race(() -> first.submitForm(task.getId()), () -> second.submitForm(task.getId()));

      assertThat(answers)
          .extracting(HttpResponse::statusCode)
          .as("round " + round)
          .contains(204)
          .filteredOn(status -> status != 204)
          .hasSize(1);
      HttpResponse<String> refused =
          answers.stream().filter(a -> a.statusCode() != 204).findFirst().orElseThrow();
      assertThat(refused.body())
          .as("what Tasklist shows the second caseworker (" + refused.statusCode() + ")")
          .contains("completed or closed by someone else");
      assertThat(
              engine
                  .getHistoryService()
                  .createUserOperationLogQuery()
                  .taskId(task.getId())
                  .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
                  .count())
          .isEqualTo(1);
    }
  }

  /** A person logged in to Tasklist: a session cookie and the CSRF token the web app expects. */
  private record Browser(java.net.http.HttpClient client, java.net.CookieManager cookies) {

    static Browser loggedInToTasklist(String user) throws Exception {
      java.net.CookieManager cookies = new java.net.CookieManager();
      Browser browser =
          new Browser(
              java.net.http.HttpClient.newBuilder()
                  .cookieHandler(cookies)
                  .followRedirects(java.net.http.HttpClient.Redirect.NORMAL)
                  .build(),
              cookies);
      browser.send(
          java.net.http.HttpRequest.newBuilder(browser.uri("/camunda/app/tasklist/default/"))
              .GET());
      HttpResponse<String> login =
          browser.send(
              java.net.http.HttpRequest.newBuilder(
                      browser.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("X-XSRF-TOKEN", browser.csrf())
                  .POST(
                      java.net.http.HttpRequest.BodyPublishers.ofString(
                          "username=" + user + "&password=" + PostgresApp.PASSWORD)));
      assertThat(login.statusCode()).as("login of " + user).isEqualTo(200);
      // The new session's token comes with the next page the browser loads, as Tasklist's own
      // start-up does.
      browser.send(
          java.net.http.HttpRequest.newBuilder(
                  browser.uri("/camunda/api/engine/engine/default/filter"))
              .GET());
      return browser;
    }

    HttpResponse<String> submitForm(String taskId) throws Exception {
      return send(
          java.net.http.HttpRequest.newBuilder(
                  uri("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form"))
              .header("Content-Type", "application/json")
              .header("X-XSRF-TOKEN", csrf())
              .POST(
                  java.net.http.HttpRequest.BodyPublishers.ofString(
                      """
              {"variables": {
                "graduatedApproachCycles": {"value": 3, "type": "Integer"},
                "progressDespiteSupport": {"value": false, "type": "Boolean"},
                "needsAcrossEducationHealthCare": {"value": true, "type": "Boolean"}}}""")));
    }

    private HttpResponse<String> send(java.net.http.HttpRequest.Builder request) throws Exception {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String csrf() {
      return cookies.getCookieStore().getCookies().stream()
          .filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(java.net.HttpCookie::getValue)
          .findFirst()
          .orElseThrow();
    }

    private java.net.URI uri(String path) {
      return java.net.URI.create("http://localhost:" + app.port() + path);
    }
  }

  // --- the race ------------------------------------------------------------------------------

  /** Runs both at once, released together from a barrier; their answers in the order given. */
  @SafeVarargs
  private static List<HttpResponse<String>> race(Callable<HttpResponse<String>>... contenders)
      throws Exception {
    CyclicBarrier start = new CyclicBarrier(contenders.length);
    List<Future<HttpResponse<String>>> running = new ArrayList<>();
    for (Callable<HttpResponse<String>> contender : contenders) {
      running.add(
          pool.submit(
              () -> {
                start.await(30, TimeUnit.SECONDS);
                return contender.call();
              }));
    }
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (Future<HttpResponse<String>> answer : running) {
      answers.add(answer.get(90, TimeUnit.SECONDS));
    }
    return answers;
  }

  private static HttpResponse<String> completeOverRest(String user, String taskId) {
    return app.send(
        user,
        "POST",
        "/engine-rest/task/" + taskId + "/complete",
        """
        {"variables": {
          "graduatedApproachCycles": {"value": 3, "type": "Integer"},
          "progressDespiteSupport": {"value": false, "type": "Boolean"},
          "needsAcrossEducationHealthCare": {"value": true, "type": "Boolean"}}}""");
  }

  private static HttpResponse<String> exceptionMessage(String user, String businessKey) {
    return app.send(
        user,
        "POST",
        "/engine-rest/message",
        """
        {"messageName": "%s", "businessKey": "%s", "processVariables": {
          "exceptionGround": {"value": "school-closure", "type": "String"},
          "exceptionNote": {"value": "School closed by flooding", "type": "String"}}}"""
            .formatted(Pathways.Messages.EXCEPTION_RECORDED, businessKey));
  }

  private static HttpResponse<String> withdrawalMessage(String user, String businessKey) {
    return app.send(
        user,
        "POST",
        "/engine-rest/message",
        """
        {"messageName": "%s", "businessKey": "%s", "processVariables": {
          "withdrawnReason": {"value": "Family moved away", "type": "String"}}}"""
            .formatted(Pathways.Messages.REQUEST_WITHDRAWN, businessKey));
  }

  private static HttpResponse<String> recordCaseEvent(String user, String businessKey) {
    return app.send(
        user,
        "POST",
        "/engine-rest/process-definition/key/" + CaseEventProcess.KEY + "/start",
        """
        {"variables": {
          "caseBusinessKey": {"value": "%s", "type": "String"},
          "caseEvent": {"value": "%s", "type": "String"},
          "exceptionGround": {"value": "school-closure", "type": "String"},
          "exceptionNote": {"value": "School closed by flooding", "type": "String"}}}"""
            .formatted(businessKey, CaseEvent.EXCEPTION_RECORDED.code()));
  }

  // --- cases ---------------------------------------------------------------------------------

  private static String caseAtPreparation() {
    caseNumber++;
    String childId = "RACE-" + caseNumber;
    Map<String, Object> request = new HashMap<>();
    request.put("childId", childId);
    request.put("childName", "Child " + childId);
    request.put("dateOfBirth", "2016-03-14");
    request.put("requestReceivedDate", "2026-03-02");
    request.put("requester", "parent");
    request.put("parentEmail", "parent." + childId.toLowerCase() + "@example.org");
    String caseId =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(AssessmentProcess.KEY, "EHCNA-" + childId, request)
            .getId();
    Jobs.executeAll(engine.getManagementService(), caseId);
    return caseId;
  }

  private static Task openTask(String caseId, String key) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(caseId)
        .taskDefinitionKey(key)
        .singleResult();
  }

  private static String businessKey(String caseId) {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processInstanceId(caseId)
        .singleResult()
        .getBusinessKey();
  }

  private static String parentOf(String caseId) {
    return "parent."
        + businessKey(caseId).substring("EHCNA-".length()).toLowerCase()
        + "@example.org";
  }

  private static long noticesTo(String address, String subjectPart) throws Exception {
    long count = 0;
    for (var message : mail.getReceivedMessages()) {
      if (message.getAllRecipients()[0].toString().equals(address)
          && message.getSubject().toLowerCase().contains(subjectPart)) {
        count++;
      }
    }
    return count;
  }
}
