package org.ehcflow.reporting.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.TestMail;
import org.ehcflow.support.browser.Browser;
import org.ehcflow.support.browser.CockpitPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A manager shares out the work, in a real (headless) Chromium: logs in to Cockpit, sees the
 * caseload box on the dashboard, opens the Caseload view from the header, reads who holds what
 * ({@link CaseloadDesk}), and follows a caseworker's name into Tasklist, where that caseworker's
 * tasks are listed to reassign. The view is saved as {@code docs/caseload/caseload.png}.
 */
@Tag("browser")
@EhcIntegrationTest
@TestPropertySource(properties = "ehc.test.context=caseload")
class CaseloadBrowserTest {

  static final Path DOCS_SCREENSHOT = Path.of("docs", "caseload", "caseload.png");

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private CaseloadDesk desk;
  private Browser browser;

  @BeforeEach
  void theManagersDesk() {
    desk = new CaseloadDesk(engine).build();
    browser = new Browser(port, "caseload");
  }

  @AfterEach
  void closeTheBrowserAndClearTheDesk() {
    try {
      if (browser != null) {
        browser.screenshot("last-seen");
        browser.savePageSource("last-seen");
        browser.close();
      }
    } finally {
      desk.clear();
    }
  }

  @Test
  void a_manager_sees_who_holds_the_work_and_opens_a_caseworkers_tasks_in_tasklist()
      throws Exception {
    new CockpitPage(browser).logInAs("manager");

    // The dashboard's box: the day's totals and the way in.
    browser.open("/camunda/app/cockpit/default/#/dashboard");
    WebElement box = browser.visible(By.cssSelector(".ehc-caseload.ehc-box .ehc-summary"));
    assertThat(box.getText())
        .isEqualTo(
            "Monday 15 June 2026: 11 open tasks, 4 overdue, 3 due this week (15 June to 21 June).");

    // The view, from the header's navigation.
    browser.click(By.cssSelector("a.ehc-caseload-nav-link"));
    browser.await().until(ExpectedConditions.urlContains("#/ehc-caseload"));
    WebElement people = browser.visible(By.id("ehc-caseload-people"));
    browser.visible(
        By.cssSelector("#ehc-caseload-people tr[data-user-id='" + CaseloadDesk.AMARA + "']"));

    assertThat(people.findElement(By.tagName("caption")).getText())
        .startsWith("Open tasks by the person holding them");
    assertThat(headers(people)).containsExactly("Person", "Open tasks", "Overdue", "Due this week");
    assertThat(rows(people, "tbody tr"))
        .containsExactly(
            List.of("Amara Okoye (caseload-amara)", "4", "⚠ 2 overdue", "1"),
            List.of("Ben Hale (caseload-ben)", "2", "0", "1"),
            List.of("Ep Educational psychology (ep)", "1", "⚠ 1 overdue", "0"),
            List.of("Caseworker SEN caseworkers (caseworker)", "0", "0", "0"),
            List.of("Chloe Dunn (caseload-chloe)", "0", "0", "0"),
            List.of(
                "Not assigned to anyone (waiting in a group's queue)", "4", "⚠ 1 overdue", "1"));
    assertThat(rows(people, "tfoot tr"))
        .containsExactly(List.of("All open tasks", "11", "⚠ 4 overdue", "3"));

    WebElement groups = browser.visible(By.id("ehc-caseload-groups"));
    assertThat(headers(groups))
        .containsExactly("Group", "Open tasks", "Not yet claimed", "Overdue", "Due this week");
    assertThat(rows(groups, "tbody tr"))
        .containsExactly(
            List.of("SEN caseworkers", "6", "1", "⚠ 2 overdue", "1"),
            List.of("SEN managers", "0", "0", "0", "0"),
            List.of("EHC panel", "0", "0", "0", "0"),
            List.of("Educational psychology", "1", "0", "⚠ 1 overdue", "0"),
            List.of("Health", "2", "2", "⚠ 1 overdue", "1"),
            List.of("Social care", "1", "1", "0", "1"),
            List.of("Education settings", "0", "0", "0", "0"),
            List.of("Early years", "0", "0", "0", "0"),
            List.of("Process owners", "0", "0", "0", "0"),
            List.of("Offered to no group (no group's queue shows them)", "2", "–", "0", "1"));

    // Accessible structure: headers scoped, counts right-aligned, overdue not by colour alone.
    for (WebElement table : List.of(people, groups)) {
      assertThat(table.findElements(By.cssSelector("thead th")))
          .allSatisfy(th -> assertThat(th.getAttribute("scope")).isEqualTo("col"));
      assertThat(table.findElements(By.cssSelector("tbody tr > :first-child")))
          .allSatisfy(
              cell -> {
                assertThat(cell.getTagName()).isEqualTo("th");
                assertThat(cell.getAttribute("scope")).isEqualTo("row");
              });
      assertThat(table.findElements(By.cssSelector("td")))
          .allSatisfy(td -> assertThat(td.getCssValue("text-align")).isEqualTo("right"));
    }
    WebElement amarasOverdue =
        people.findElement(
            By.cssSelector("tr[data-user-id='" + CaseloadDesk.AMARA + "'] td.ehc-overdue"));
    assertThat(amarasOverdue.findElement(By.tagName("strong")).getText()).isEqualTo("2");
    assertThat(amarasOverdue.getText()).contains("overdue");

    // The whole view, down to the groups' table, for the documentation.
    Path shot = wholeViewFromTheTop("caseload", groups);
    Files.createDirectories(DOCS_SCREENSHOT.getParent());
    Files.copy(shot, DOCS_SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);

    // Amara's name opens her tasks in Tasklist, in the managers' filter of every open task.
    WebElement amara =
        people.findElement(
            By.cssSelector("tr[data-user-id='" + CaseloadDesk.AMARA + "'] a.ehc-tasklist-link"));
    assertThat(amara.getAttribute("href")).contains("/camunda/app/tasklist/default/#/?filter=");
    browser.scrollTo(amara);
    amara.click();
    browser.await().until(ExpectedConditions.urlContains("/app/tasklist/"));
    browser.visible(
        By.xpath(
            "//div[contains(@class,'task-filter') and contains(@class,'active')]"
                + "//a[contains(normalize-space(), '"
                + CaseloadTaskFilter.NAME
                + "')]"));
    By listed = By.cssSelector("ol.tasks-list li.task h4.task a");
    browser
        .await()
        .until(
            driver ->
                driver.findElements(listed).stream()
                    .map(WebElement::getText)
                    .sorted()
                    .toList()
                    .equals(
                        List.of(
                            "T1 Gather evidence for panel",
                            "T2 Draft the plan",
                            "T3 Consult the school",
                            "T4 Summarise the advice")));
    browser.screenshot("tasklist-amaras-tasks");
  }

  /**
   * The view from its heading down to the last table: the window grows to fit, the view is scrolled
   * to its top (Cockpit's header is fixed over it otherwise), then the window shrinks back.
   */
  private Path wholeViewFromTheTop(String name, WebElement last) {
    var window = browser.driver().manage().window();
    var size = window.getSize();
    Number bottom =
        (Number)
            browser
                .driver()
                .executeScript(
                    "const page = document.querySelector('.ehc-caseload.ehc-page');"
                        + "page.scrollTop = 0;"
                        + "return arguments[0].getBoundingClientRect().bottom + 80;",
                    last);
    try {
      window.setSize(
          new org.openqa.selenium.Dimension(
              size.getWidth(), Math.max(size.getHeight(), bottom.intValue() + 120)));
      browser
          .driver()
          .executeScript("document.querySelector('.ehc-caseload.ehc-page').scrollTop = 0;");
      return browser.screenshot(name);
    } finally {
      window.setSize(size);
    }
  }

  private static List<String> headers(WebElement table) {
    return table.findElements(By.cssSelector("thead th")).stream()
        .map(CaseloadBrowserTest::text)
        .toList();
  }

  /**
   * The cell's text even where it is scrolled out of Cockpit's view pane (Selenium's visible text
   * of such a cell is empty), with its spaces as a reader hears them.
   */
  private static String text(WebElement cell) {
    return cell.getDomProperty("textContent").replaceAll("\\s+", " ").trim();
  }

  private static List<List<String>> rows(WebElement table, String selector) {
    return table.findElements(By.cssSelector(selector)).stream()
        .map(
            row ->
                row.findElements(By.cssSelector("th, td")).stream()
                    .map(CaseloadBrowserTest::text)
                    .toList())
        .toList();
  }
}
