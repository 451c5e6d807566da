package org.ehcflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.statutory.StatutoryDates;

/**
 * One case driven through its process as the people and the clock would drive it: the engine clock
 * is set by hand and jobs (notices, timers) run only when the test says so.
 */
public class TestCase {

  private final ProcessEngine engine;
  private final GreenMailExtension mail;
  private String instanceId;

  /** For a case another case called: the caller, whose whole tree runs its jobs together. */
  private TestCase caller;

  public TestCase(ProcessEngine engine, GreenMailExtension mail) {
    this.engine = engine;
    this.mail = mail;
  }

  /** Moves the engine's clock to a London date and time, then runs whatever has fallen due. */
  public TestCase on(String londonDateTime) {
    ClockUtil.setCurrentTime(
        Date.from(LocalDateTime.parse(londonDateTime).atZone(StatutoryClock.ZONE).toInstant()));
    if (instanceId != null) {
      runJobs();
    }
    return this;
  }

  public TestCase start(String processKey, String businessKey, Map<String, Object> variables) {
    instanceId =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(processKey, businessKey, variables)
            .getId();
    runJobs();
    return this;
  }

  /**
   * Runs what has fallen due in the whole case: the case that started it all and every case it
   * called (a called case's end moves its caller on, and the caller's next notice is a job).
   */
  public TestCase runJobs() {
    TestCase root = this;
    while (root.caller != null) {
      root = root.caller;
    }
    for (int round = 0; round < 100; round++) {
      List<String> tree = root.tree();
      boolean any = false;
      for (String id : tree) {
        if (engine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(id)
                .executable()
                .count()
            > 0) {
          any = true;
          Jobs.executeAll(engine.getManagementService(), id);
        }
      }
      if (!any) {
        return this;
      }
    }
    throw new IllegalStateException("jobs keep appearing under " + root.id());
  }

  private List<String> tree() {
    List<String> ids = new java.util.ArrayList<>(List.of(instanceId));
    for (int i = 0; i < ids.size(); i++) {
      engine
          .getRuntimeService()
          .createProcessInstanceQuery()
          .superProcessInstanceId(ids.get(i))
          .list()
          .forEach(called -> ids.add(called.getId()));
    }
    return ids;
  }

  /**
   * The case this one called (a call activity), the latest of that process, running or ended: its
   * tasks, variables and steps, with the clock and jobs still driven for the whole case.
   */
  public TestCase called(String processKey) {
    String calledId =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .superProcessInstanceId(instanceId)
            .processDefinitionKey(processKey)
            .orderByProcessInstanceStartTime()
            .desc()
            .list()
            .stream()
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + processKey + " called"))
            .getId();
    TestCase view = new TestCase(engine, mail);
    view.caller = this;
    view.instanceId = calledId;
    return view;
  }

  public String id() {
    return instanceId;
  }

  public Task task(String activityId) {
    List<Task> tasks = tasks(activityId);
    assertThat(tasks).as("open tasks " + activityId).hasSize(1);
    return tasks.get(0);
  }

  public List<Task> tasks(String activityId) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(instanceId)
        .taskDefinitionKey(activityId)
        .orderByTaskCreateTime()
        .asc()
        .list();
  }

  public TestCase complete(String activityId, Map<String, Object> variables) {
    engine.getTaskService().complete(task(activityId).getId(), variables);
    runJobs();
    return this;
  }

  /** Completes one of several open tasks of the same step (each adviser's, say). */
  public TestCase completeTask(Task task, Map<String, Object> variables) {
    engine.getTaskService().complete(task.getId(), variables);
    runJobs();
    return this;
  }

  /**
   * A variable of the whole case (not of one adviser's scope), whether the case is running or
   * ended.
   */
  public Object variable(String name) {
    return engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instanceId)
        .variableName(name)
        .list()
        .stream()
        .filter(v -> instanceId.equals(v.getExecutionId()))
        .map(v -> v.getValue())
        .findFirst()
        .orElse(null);
  }

  /** The London calendar date a task is due on. */
  public static String dueDate(Task task) {
    return task.getDueDate() == null
        ? null
        : StatutoryDates.londonDateOf(task.getDueDate()).toString();
  }

  public boolean passed(String activityId) {
    return engine
            .getHistoryService()
            .createHistoricActivityInstanceQuery()
            .processInstanceId(instanceId)
            .activityId(activityId)
            .count()
        > 0;
  }

  public boolean ended() {
    return engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(instanceId)
            .count()
        == 0;
  }

  public List<String> subjectsTo(String address) {
    return Arrays.stream(mail.getReceivedMessages())
        .filter(message -> recipients(message).contains(address))
        .map(TestCase::subject)
        .toList();
  }

  public String bodyTo(String address, String subjectPart) {
    return Arrays.stream(mail.getReceivedMessages())
        .filter(
            message ->
                recipients(message).contains(address) && subject(message).contains(subjectPart))
        .map(TestMail::text)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no mail to " + address + " about " + subjectPart));
  }

  private static List<String> recipients(MimeMessage message) {
    try {
      return Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
