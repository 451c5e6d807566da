package org.ehcflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcflow.assessment.AssessmentProcess.Elements.GIVE_ADVICE;
import static org.ehcflow.assessment.AssessmentProcess.Elements.PLAN_ADVICE_REQUESTS;
import static org.ehcflow.assessment.AssessmentProcess.Elements.PREPARE_CASE_FOR_PANEL;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.ehcflow.support.AssessmentAtAdvice;
import org.ehcflow.support.Cases;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.TestCase;
import org.ehcflow.support.TestMail;
import org.ehcflow.vocabulary.EhcGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 25, items 1 and 2: each task names its step and its child and describes the case; each
 * group's filters list what is overdue and what is due this week, and a list sorted by due date
 * puts the soonest first and the undated last.
 */
@EhcIntegrationTest
class TaskCardsTest {

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void a_task_is_named_for_its_step_and_child_and_describes_the_case() {
    TestCase assessment = Cases.assessment(engine, mail).child("CARD-1").requested();

    Task task = assessment.task(PREPARE_CASE_FOR_PANEL);

    assertThat(task.getName()).isEqualTo("Gather evidence for panel: Child CARD-1 (CARD-1)");
    assertThat(task.getDescription())
        .isEqualTo(
            """
            Child: Child CARD-1 (CARD-1)
            Case: %s
            Stage: Needs assessment: decision to assess (by week 6)
            Statutory date: 16 February 2026"""
                .formatted(businessKey(assessment)));
    Filter caseworkers =
        engine
            .getFilterService()
            .createFilterQuery()
            .filterName(GroupTaskFilters.groupFilterName(EhcGroups.LA_CASEWORKER))
            .singleResult();
    List<Task> typed =
        engine
            .getFilterService()
            .list(
                caseworkers.getId(),
                engine.getTaskService().createTaskQuery().taskNameLike("%child card-1%"));
    assertThat(typed)
        .as("Tasklist's search box finds the child's task whatever the case of what is typed")
        .extracting(Task::getId)
        .containsExactly(task.getId());
    assertThat(task.getPriority())
        .as("priority is left at the default and hidden on the card")
        .isEqualTo(Task.PRIORITY_NORMAL);
  }

  @Test
  void each_advisers_task_names_the_kind_of_advice_and_the_child() {
    TestCase assessment = AssessmentAtAdvice.start(engine, mail, "CARD-2");

    List<Task> advice = assessment.tasks(GIVE_ADVICE);

    assertThat(advice).hasSizeGreaterThanOrEqualTo(3);
    assertThat(
            AssessmentAtAdvice.adviceTask(engine, assessment, "educational-psychology").getName())
        .isEqualTo("Psychological advice: Child CARD-2 (CARD-2)");
    for (Task task : advice) {
      String kind = (String) engine.getTaskService().getVariableLocal(task.getId(), "adviceType");
      assertThat(task.getName())
          .isEqualTo(TaskCards.adviceKindName(kind) + " advice: Child CARD-2 (CARD-2)");
      assertThat(task.getDescription())
          .contains("Stage: Needs assessment: advice (6 weeks from the request)")
          .contains("Statutory date: " + TaskCards.statutoryDate(task.getDueDate()));
    }
    assertThat(advice)
        .extracting(Task::getName)
        .doesNotHaveDuplicates()
        .contains("Educational advice: Child CARD-2 (CARD-2)");
  }

  @Test
  void advice_kinds_read_as_words() {
    assertThat(TaskCards.adviceKindName("social-care")).isEqualTo("Social care");
    assertThat(TaskCards.adviceKindName("hearing-vision")).isEqualTo("Hearing and vision");
    assertThat(TaskCards.adviceKindName("preparing-for-adulthood"))
        .isEqualTo("Preparing for adulthood");
    assertThat(TaskCards.adviceKindName("speech-and-language")).isEqualTo("Speech and language");
  }

  @Test
  void an_undated_task_has_no_statutory_date_on_its_card() {
    TestCase assessment = Cases.assessment(engine, mail).child("CARD-3").atAdviceRequests();

    Task task = assessment.task(PLAN_ADVICE_REQUESTS);

    assertThat(task.getName()).isEqualTo("Plan advice requests: Child CARD-3 (CARD-3)");
    assertThat(task.getDescription()).endsWith("Statutory date: none");
  }

  @Test
  void the_caseworkers_filters_sort_soonest_first_with_the_undated_last_and_find_the_overdue() {
    // Made in the opposite order to the one the list must show.
    TestCase undated = Cases.assessment(engine, mail).child("SORT-1").atAdviceRequests();
    TestCase later =
        Cases.assessment(engine, mail)
            .child("SORT-2")
            .with("requestReceivedDate", "2026-01-12")
            .requested();
    TestCase sooner = Cases.assessment(engine, mail).child("SORT-3").requested();
    String[] cases = {undated.id(), later.id(), sooner.id()};
    String soonerTask = sooner.task(PREPARE_CASE_FOR_PANEL).getId();
    String laterTask = later.task(PREPARE_CASE_FOR_PANEL).getId();
    String undatedTask = undated.task(PLAN_ADVICE_REQUESTS).getId();

    // As Tasklist lists a filter: the filter's query, extended by the order the header shows.
    assertThat(listed(GroupTaskFilters.groupFilterName(EhcGroups.LA_CASEWORKER), cases))
        .containsExactly(soonerTask, laterTask, undatedTask);

    // 16 February is the sooner case's statutory date: due today, not yet overdue.
    AssessmentAtAdvice.clock("2026-02-16T09:00");
    assertThat(listed(GroupTaskFilters.overdueFilterName(EhcGroups.LA_CASEWORKER), cases))
        .isEmpty();
    assertThat(listed(GroupTaskFilters.dueThisWeekFilterName(EhcGroups.LA_CASEWORKER), cases))
        .containsExactly(soonerTask);

    AssessmentAtAdvice.clock("2026-02-17T09:00");
    assertThat(listed(GroupTaskFilters.overdueFilterName(EhcGroups.LA_CASEWORKER), cases))
        .containsExactly(soonerTask);
    assertThat(listed(GroupTaskFilters.dueThisWeekFilterName(EhcGroups.LA_CASEWORKER), cases))
        .as("the later case is due on 23 February, the seventh day from the 17th")
        .containsExactly(laterTask);
  }

  @Test
  void every_working_group_has_its_overdue_and_due_this_week_filters() {
    FilterService filters = engine.getFilterService();
    for (EhcGroups group : EhcGroups.workingGroups()) {
      for (String name :
          List.of(
              GroupTaskFilters.groupFilterName(group),
              GroupTaskFilters.overdueFilterName(group),
              GroupTaskFilters.dueThisWeekFilterName(group))) {
        assertThat(filters.createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
      }
    }
  }

  private List<String> listed(String filterName, String... processInstanceIds) {
    FilterService filters = engine.getFilterService();
    Filter filter = filters.createFilterQuery().filterName(filterName).singleResult();
    TaskQuery header =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceIdIn(processInstanceIds)
            .orderByDueDate()
            .asc();
    List<Task> tasks = filters.list(filter.getId(), header);
    return tasks.stream().map(Task::getId).toList();
  }

  private String businessKey(TestCase assessment) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceId(assessment.id())
        .singleResult()
        .getBusinessKey();
  }
}
