package org.ehcflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcflow.assessment.AssessmentProcess.Elements.PLAN_ADVICE_REQUESTS;
import static org.ehcflow.assessment.AssessmentProcess.Elements.PREPARE_CASE_FOR_PANEL;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.support.Cases;
import org.ehcflow.support.PostgresApp;
import org.ehcflow.support.TestCase;
import org.ehcflow.support.TestMail;
import org.ehcflow.vocabulary.EhcGroups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 25, item 2, on the production database: a group's list sorted by due date, as Tasklist
 * opens it, puts the soonest statutory date first and the undated tasks last (TaskCardsTest proves
 * the same on H2).
 */
class TaskListOrderPostgresTest {

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  private static PostgresApp app;

  @BeforeAll
  static void start() {
    app = PostgresApp.start("task_order");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void the_caseworkers_list_by_due_date_puts_the_undated_last() {
    ProcessEngine engine = app.engine();
    TestCase undated = Cases.assessment(engine, mail).child("PG-SORT-1").atAdviceRequests();
    TestCase later =
        Cases.assessment(engine, mail)
            .child("PG-SORT-2")
            .with("requestReceivedDate", "2026-01-12")
            .requested();
    TestCase sooner = Cases.assessment(engine, mail).child("PG-SORT-3").requested();

    FilterService filters = engine.getFilterService();
    Filter caseworkers =
        filters
            .createFilterQuery()
            .filterName(GroupTaskFilters.groupFilterName(EhcGroups.LA_CASEWORKER))
            .singleResult();
    List<Task> listed =
        filters.list(
            caseworkers.getId(),
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceIdIn(undated.id(), later.id(), sooner.id())
                .orderByDueDate()
                .asc());

    assertThat(listed)
        .extracting(Task::getId)
        .containsExactly(
            sooner.task(PREPARE_CASE_FOR_PANEL).getId(),
            later.task(PREPARE_CASE_FOR_PANEL).getId(),
            undated.task(PLAN_ADVICE_REQUESTS).getId());
    assertThat(listed.get(0).getName())
        .isEqualTo("Gather evidence for panel: Child PG-SORT-3 (PG-SORT-3)");
  }
}
