package org.ehcflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.support.CaseDriver;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.TestMail;
import org.ehcflow.vocabulary.AssessmentVariables;
import org.ehcflow.vocabulary.Pathways;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The interleaving the race tests meet only now and then, made to happen every time: a withdrawal
 * closes the task after a completion has read the task but before it has read the case. The engine
 * then sets the caseworker's entries on no case, and the form's checks report them missing. The
 * caseworker must read that the task was closed, not that a field they filled in is empty.
 */
@EhcIntegrationTest
class TaskClosedUnderCompletionTest {

  private static final CaseDataException ENTRIES_SET_ON_NO_CASE =
      new CaseDataException("Invalid evidence for the panel. graduatedApproachCycles: is required");

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void a_completion_whose_task_was_withdrawn_while_it_ran_is_told_the_task_was_closed() {
    String taskId = taskAtPreparation("CLOSED-1");
    engine
        .getRuntimeService()
        .createMessageCorrelation(Pathways.Messages.REQUEST_WITHDRAWN)
        .processInstanceBusinessKey("EHCNA-CLOSED-1")
        .setVariable(AssessmentVariables.WITHDRAWN_REASON.name(), "Family moved away")
        .correlate();

    assertThatThrownBy(() -> completionMeeting(taskId, ENTRIES_SET_ON_NO_CASE))
        .isInstanceOf(TaskNoLongerOpenException.class)
        .hasMessageContaining("completed or closed by someone else")
        .hasCause(ENTRIES_SET_ON_NO_CASE);
  }

  @Test
  void a_completion_of_a_task_still_open_keeps_the_forms_own_message() {
    String taskId = taskAtPreparation("OPEN-1");

    assertThatThrownBy(() -> completionMeeting(taskId, ENTRIES_SET_ON_NO_CASE))
        .isSameAs(ENTRIES_SET_ON_NO_CASE);
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count())
        .as("still open")
        .isEqualTo(1);
  }

  @Test
  void the_rest_api_answers_a_closed_task_with_409_even_when_the_forms_checks_failed_too() {
    RestException wrapped =
        new RestException(
            Response.Status.INTERNAL_SERVER_ERROR,
            new TaskNoLongerOpenException(ENTRIES_SET_ON_NO_CASE),
            "Cannot complete task t-1");
    RestException invalid =
        new RestException(
            Response.Status.INTERNAL_SERVER_ERROR,
            ENTRIES_SET_ON_NO_CASE,
            "Cannot complete task t-2");

    Response closed = new CaseDataExceptionMapper().toResponse(wrapped);
    Response refused = new CaseDataExceptionMapper().toResponse(invalid);

    assertThat(closed.getStatus()).isEqualTo(409);
    assertThat(closed.getEntity()).asString().contains("completed or closed by someone else");
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getEntity()).asString().contains("graduatedApproachCycles: is required");
  }

  /** The engine's completion command through the retry interceptor, the engine failing as given. */
  private Object completionMeeting(String taskId, RuntimeException failure) {
    ConcurrentChangeRetryPlugin.RetryOnConcurrentChange retry =
        new ConcurrentChangeRetryPlugin.RetryOnConcurrentChange(
            (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration());
    retry.setNext(
        new CommandInterceptor() {
          @Override
          public <T> T execute(Command<T> command) {
            throw failure;
          }
        });
    return retry.execute(new CompleteTaskCmd(taskId, Map.of()));
  }

  private String taskAtPreparation(String childId) {
    String caseId = new CaseDriver(engine).request(childId, "2026-03-02");
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(caseId)
        .taskDefinitionKey(AssessmentProcess.Elements.PREPARE_CASE_FOR_PANEL)
        .singleResult()
        .getId();
  }
}
