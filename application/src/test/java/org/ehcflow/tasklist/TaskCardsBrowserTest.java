package org.ehcflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.support.Cases;
import org.ehcflow.support.TestCase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Issue 25, items 1 and 2, in a real browser: the caseworker's list opens sorted by due date (and
 * its header says so), each card shows the child, the case, the stage, the statutory date and the
 * days left or overdue, undated tasks come last, and typing a child's surname in the search box
 * finds their tasks. The screenshots are the ones in docs/tasklist.
 */
class TaskCardsBrowserTest extends BrowserJourney {

  @Test
  void the_caseworker_finds_a_child_by_surname_and_sees_the_soonest_statutory_date_first() {
    openBrowser("task-cards");
    // Made in the opposite order to the one the list must show; the clock is today's, as the
    // browser's, so the days left on the cards are counted from the same day.
    TestCase undated =
        Cases.assessment(engine, mail)
            .child("CARDS-3")
            .with("childName", "Cara Okafor")
            .atAdviceRequests();
    LocalDateTime now = LocalDateTime.now(StatutoryClock.ZONE).withNano(0);
    TestCase dueLater =
        Cases.assessment(engine, mail)
            .child("CARDS-2")
            .with("childName", "Ben Okafor")
            .on(now.toString())
            .requested();
    ClockUtil.reset();
    TestCase overdue =
        Cases.assessment(engine, mail)
            .child("CARDS-1")
            .with("childName", "Amelia Okafor")
            .requested();
    Cases.assessment(engine, mail).child("CARDS-4").with("childName", "Tomasz Adeyemi").requested();
    ClockUtil.reset();
    caseId = overdue.id();

    tasklist.logInAs("caseworker").filter(FILTER_OF.get("caseworker"));
    assertThat(browser.visible(By.cssSelector("[cam-sorting-choices] .sort-by")).getText())
        .as("the header says the list is by due date")
        .isEqualTo("Due date");
    assertThat(
            browser
                .visible(By.cssSelector("[cam-sorting-choices] .sort-direction"))
                .getDomAttribute("class"))
        .as("soonest first")
        .contains("glyphicon-menu-up");

    search("adeyemi");
    assertThat(taskNames()).containsExactly("Gather evidence for panel: Tomasz Adeyemi (CARDS-4)");

    tasklist.logInAs("caseworker").filter(FILTER_OF.get("caseworker"));
    search("Okafor");
    assertThat(taskNames())
        .as("soonest statutory date first, the undated last")
        .containsExactly(
            "Gather evidence for panel: Amelia Okafor (CARDS-1)",
            "Gather evidence for panel: Ben Okafor (CARDS-2)",
            "Plan advice requests: Cara Okafor (CARDS-3)");

    LocalDate today = now.toLocalDate();
    LocalDate overdueSince = LocalDate.of(2026, 2, 16);
    long daysOverdue = ChronoUnit.DAYS.between(overdueSince, today);
    LocalDate laterDue = today.plusWeeks(StatutoryClock.DECISION_TO_ASSESS_WEEKS);
    List<String> cards = cardTexts();
    assertThat(cards.get(0))
        .contains("Amelia Okafor (CARDS-1)")
        .contains("Case " + businessKey(overdue))
        .contains("Needs assessment: decision to assess (by week 6)")
        .contains("16 February 2026")
        .contains(daysOverdue + " days overdue");
    assertThat(cards.get(1))
        .contains("Ben Okafor (CARDS-2)")
        .contains(businessKey(dueLater))
        .contains(TaskCards.STATUTORY_DATE.format(laterDue))
        .contains(ChronoUnit.DAYS.between(today, laterDue) + " days left");
    assertThat(cards.get(2))
        .contains("Cara Okafor (CARDS-3)")
        .contains(businessKey(undated))
        .contains("Needs assessment: advice (6 weeks from the request)")
        .contains("No statutory date");
    assertThat(browser.driver().findElements(By.cssSelector("ol.tasks-list .priority")))
        .as("no meaningless priority on the cards")
        .allSatisfy(priority -> assertThat(priority.isDisplayed()).isFalse());
    browser.screenshot("task-list");

    // The task itself carries the same in its description, for whoever opens it.
    browser.click(By.xpath("//ol[contains(@class,'tasks-list')]//h4[contains(@class,'task')]/a"));
    browser.click(
        By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='Description']"));
    assertThat(
            browser
                .visible(
                    By.xpath(
                        "//section[contains(@class,'task-card')]//*[contains(normalize-space(.),"
                            + " 'Statutory date: 16 February 2026')][not(*)]"))
                .getText())
        .contains("Statutory date: 16 February 2026");
    browser.screenshot("task-description");

    // The header's own choice orders the list: by task name, Z first.
    browser.click(By.cssSelector("[cam-sorting-choices] .sort-by"));
    browser.click(
        By.xpath("//li[contains(@class,'sorting-choice')]//ul//a[normalize-space()='Task name']"));
    browser.click(By.cssSelector("[cam-sorting-choices] .sort-direction"));
    browser
        .await()
        .until(
            driver ->
                taskNames()
                    .equals(
                        List.of(
                            "Plan advice requests: Cara Okafor (CARDS-3)",
                            "Gather evidence for panel: Ben Okafor (CARDS-2)",
                            "Gather evidence for panel: Amelia Okafor (CARDS-1)")));
    browser.screenshot("task-list-by-name");
  }

  @Test
  void the_caseworker_finds_a_child_by_the_nhs_number_typed_in_the_search_box() {
    openBrowser("task-search-nhs-number");
    TestCase sought =
        Cases.assessment(engine, mail)
            .child("NHS-1")
            .with("childName", "Dana Whitfield")
            .with("nhsNumber", "943 476 5919")
            .requested();
    Cases.assessment(engine, mail)
        .child("NHS-2")
        .with("childName", "Eli Whitfield")
        .with("nhsNumber", "4010232137")
        .requested();
    ClockUtil.reset();
    caseId = sought.id();
    assertThat(engine.getTaskService().createTaskQuery().taskNameLike("%943%").count())
        .as("the number is not in any task's name")
        .isZero();

    tasklist.logInAs("caseworker").filter(FILTER_OF.get("caseworker"));
    typeInSearchBox("943 476 5919");
    browser
        .await()
        .until(
            driver ->
                taskNames().equals(List.of("Gather evidence for panel: Dana Whitfield (NHS-1)")));
    assertThat(browser.visible(By.cssSelector("[cam-widget-search]")).getText())
        .as("the pill says what was searched")
        .contains("nhsNumber");
    browser.screenshot("task-search-nhs-number");
  }

  private void typeInSearchBox(String typed) {
    WebElement box = browser.visible(By.cssSelector("[cam-widget-search] input.main-field"));
    box.click();
    box.sendKeys(typed);
    box.sendKeys(Keys.ENTER);
  }

  private void search(String typed) {
    WebElement box = browser.visible(By.cssSelector("[cam-widget-search] input.main-field"));
    box.click();
    box.sendKeys(typed);
    box.sendKeys(Keys.ENTER);
    browser
        .await()
        .until(
            driver -> {
              List<String> cards = cardTexts();
              return !cards.isEmpty()
                  && cards.stream()
                      .allMatch(
                          card ->
                              card.toLowerCase().contains(typed.toLowerCase())
                                  && card.toLowerCase().contains("statutory date"));
            });
  }

  private List<String> taskNames() {
    return texts("li.querySelector('h4.task a').innerText");
  }

  /** What each card shows without opening it: its name (the step and the child) and the case. */
  private List<String> cardTexts() {
    return texts("li.innerText");
  }

  /**
   * Read in one go, since Tasklist redraws its list as it refreshes it (every 10 seconds) and an
   * element found a moment before may be gone.
   */
  @SuppressWarnings("unchecked")
  private List<String> texts(String ofEachCard) {
    return (List<String>)
        browser
            .driver()
            .executeScript(
                "return Array.from(document.querySelectorAll('ol.tasks-list > li.task'))"
                    + ".map(li => ("
                    + ofEachCard
                    + ").trim());");
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
