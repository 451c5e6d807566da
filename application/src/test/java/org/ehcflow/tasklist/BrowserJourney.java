package org.ehcflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.Jobs;
import org.ehcflow.support.TestMail;
import org.ehcflow.support.browser.Browser;
import org.ehcflow.support.browser.CockpitPage;
import org.ehcflow.support.browser.FormPage;
import org.ehcflow.support.browser.FormSchema.Field;
import org.ehcflow.support.browser.TasklistPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * What every journey through a pathway in a real browser shares: the people (each logs in as their
 * demo user and works from their group's filter), the engine clock set by the test, and jobs
 * (notices, timers) run by the test after each step, as the job executor would.
 *
 * <p>The journeys run in their own application context (own H2 database) so each group's filter
 * lists only the journeys' cases.
 */
@Tag("browser")
@EhcIntegrationTest
@TestPropertySource(properties = "ehc.test.context=browser-journeys")
abstract class BrowserJourney {

  /** The Tasklist filter each demo user works from, by the label of their group. */
  static final Map<String, String> FILTER_OF =
      Map.of(
          "caseworker",
          "SEN caseworkers",
          "manager",
          "SEN managers",
          "panel",
          "EHC panel",
          "ep",
          "Educational psychology",
          "health",
          "Health",
          "socialcare",
          "Social care",
          "senco",
          "Education settings",
          "earlyyears",
          "Early years");

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  Browser browser;
  TasklistPage tasklist;
  CockpitPage cockpit;
  String caseId;

  void openBrowser(String journey) {
    browser = new Browser(port, journey);
    tasklist = new TasklistPage(browser);
    cockpit = new CockpitPage(browser);
  }

  @AfterEach
  void closeTheBrowserAndResetTheClock() {
    try {
      if (browser != null) {
        browser.screenshot("last-seen");
        browser.savePageSource("last-seen");
        browser.close();
      }
    } finally {
      ClockUtil.reset();
    }
  }

  /** Moves the engine clock to a London date and time and runs whatever has fallen due. */
  void on(String londonDateTime) {
    ClockUtil.setCurrentTime(
        Date.from(LocalDateTime.parse(londonDateTime).atZone(StatutoryClock.ZONE).toInstant()));
    runJobs();
  }

  void runJobs() {
    if (caseId != null) {
      Jobs.executeAll(engine.getManagementService(), caseId);
    }
  }

  Task openTask(String activityId) {
    List<Task> tasks = openTasks(activityId);
    assertThat(tasks).as("open tasks %s of case %s", activityId, caseId).hasSize(1);
    return tasks.get(0);
  }

  List<Task> openTasks(String activityId) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(caseId)
        .taskDefinitionKey(activityId)
        .initializeFormKeys()
        .orderByTaskCreateTime()
        .asc()
        .list();
  }

  /**
   * The person logs in, opens their group's filter and the child's task; its form is checked for
   * labels and required markers and saved as a screenshot before they claim it.
   */
  FormPage findTask(String user, Task task, String childName, String shot) {
    tasklist.logInAs(user).filter(FILTER_OF.get(user));
    FormPage form = tasklist.openTask(task.getName(), childName, task.getCamundaFormRef().getKey());
    form.assertLabelledAndRequiredMarked();
    browser.screenshotWhole(shot, form.root());
    return form;
  }

  /**
   * Claims the task, presses Complete with the required fields still empty (each must say so and
   * the task must stay open), then fills the form as given and completes it.
   */
  void claimCheckAndComplete(FormPage form, Task task, Map<String, ?> answers, String shot) {
    tasklist.claim();
    List<Field> empty = form.emptyRequiredFields();
    if (!empty.isEmpty()) {
      tasklist.pressComplete();
      form.assertEachEmptyRequiredFieldExplained(empty);
      browser.screenshot(shot + "-required");
      assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count())
          .as("an incomplete form completes nothing")
          .isEqualTo(1);
    }
    form.fill(answers);
    browser.screenshotWhole(shot + "-filled", form.root());
    tasklist.complete();
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count())
        .as("%s completed", shot)
        .isZero();
    runJobs();
  }

  /**
   * One person's whole step: find the child's task in their filter, check its form, complete it.
   */
  void work(String user, String activityId, String childName, Map<String, ?> answers, String shot) {
    Task task = openTask(activityId);
    FormPage form = findTask(user, task, childName, shot);
    claimCheckAndComplete(form, task, answers, shot);
  }

  Object variable(String name) {
    return engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(caseId)
        .variableName(name)
        .list()
        .stream()
        .filter(v -> caseId.equals(v.getExecutionId()))
        .map(v -> v.getValue())
        .findFirst()
        .orElse(null);
  }

  List<String> subjectsTo(String address) {
    return java.util.Arrays.stream(mail.getReceivedMessages())
        .filter(
            message -> {
              try {
                return java.util.Arrays.stream(message.getAllRecipients())
                    .anyMatch(to -> to.toString().equals(address));
              } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .map(
            message -> {
              try {
                return message.getSubject();
              } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  boolean passed(String activityId) {
    return engine
            .getHistoryService()
            .createHistoricActivityInstanceQuery()
            .processInstanceId(caseId)
            .activityId(activityId)
            .count()
        > 0;
  }
}
