package org.ehcflow.reporting.cockpit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcflow.assessment.AssessmentProcess.Elements.ISSUE_FINAL_PLAN;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.platform.EngineClock;
import org.ehcflow.reporting.ComplianceFigures;
import org.ehcflow.reporting.ComplianceFigures.CaseRef;
import org.ehcflow.reporting.ComplianceFigures.DeadlineFigure;
import org.ehcflow.reporting.ComplianceFigures.MonthTimeliness;
import org.ehcflow.reporting.ReportingServices;
import org.ehcflow.support.Cases;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.TestCase;
import org.ehcflow.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A manager's morning in Cockpit, in a real (headless) Chromium, on Monday 15 June 2026: log in,
 * see the compliance box on the dashboard, open the compliance view, find the overdue decisions
 * whether to assess on two requests of 27 April and the plan issued late on 1 June (an ended case,
 * which opens its printable chronology), open one running case in Cockpit, read its chronology tab
 * and its printable page. Each step is saved as a PNG under {@code target/screenshots/}.
 *
 * <p>Uses the Debian {@code chromium} and {@code chromedriver}; Selenium Manager never runs (the
 * driver is given explicitly), so nothing is downloaded. If either is missing the test fails.
 */
@Tag("browser")
@EhcIntegrationTest
class CockpitComplianceBrowserTest {

  static final File CHROMIUM = new File("/usr/bin/chromium");
  static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final String DECISION_TO_ASSESS = "Decision whether to assess";

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ReportingServices reporting;

  private ChromeDriverService service;
  private ChromeDriver driver;
  private WebDriverWait wait;
  private Path profile;
  private TestCase first;
  private TestCase second;
  private TestCase late;

  @BeforeEach
  void casesOnTheManagersDesk_andABrowser() throws IOException {
    // A request of 5 January 2026 whose final plan was issued on 1 June, a week after its
    // 20-week deadline (25 May): an ended case behind the 20-week timeliness figure.
    // Walked on the reference calendar to the consultation's reply on 20 April.
    late =
        Cases.assessment(engine, mail)
            .with(request("C-COCKPIT-3", "Cara Cockpit", "2026-01-05"))
            .atFinalPlan();

    // Two requests of 27 April 2026; the decision whether to assess was due on 8 June.
    first =
        new TestCase(engine, mail)
            .on("2026-04-27T09:30")
            .start(
                AssessmentProcess.KEY,
                "EHCNA-C-COCKPIT-1",
                request("C-COCKPIT-1", "Ava Cockpit", "2026-04-27"));
    second =
        new TestCase(engine, mail)
            .start(
                AssessmentProcess.KEY,
                "EHCNA-C-COCKPIT-2",
                request("C-COCKPIT-2", "Ben Cockpit", "2026-04-27"));

    late.on("2026-06-01T10:00");
    late.complete(
        ISSUE_FINAL_PLAN,
        Map.of(
            "finalPlanIssuedDate",
            "2026-06-01",
            "namedSetting",
            "Oak Hill School",
            "namedSettingEmail",
            "office@oakhill.example"));
    assertThat(late.ended()).as("the late plan was issued").isTrue();

    // The manager looks on Monday 15 June 2026; the browser's requests see the same engine clock.
    first.on("2026-06-15T09:00");
    second.runJobs();

    assertThat(CHROMIUM)
        .as("Chromium must be installed at %s (Debian package chromium)", CHROMIUM)
        .exists();
    assertThat(CHROMIUM.canExecute()).as("%s must be executable", CHROMIUM).isTrue();
    assertThat(CHROMEDRIVER)
        .as("ChromeDriver must be installed at %s (Debian package chromium-driver)", CHROMEDRIVER)
        .exists();
    assertThat(CHROMEDRIVER.canExecute()).as("%s must be executable", CHROMEDRIVER).isTrue();

    Files.createDirectories(SCREENSHOTS);
    try (var old = Files.newDirectoryStream(SCREENSHOTS, "*.png")) {
      for (Path shot : old) {
        Files.delete(shot);
      }
    }
    profile = Files.createTempDirectory("ehc-chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000",
        "--lang=en-GB",
        "--user-data-dir=" + profile.toAbsolutePath());
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER)
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  @AfterEach
  void closeTheBrowserAndResetTheClock() throws IOException {
    try {
      if (driver != null) {
        driver.quit();
      }
      if (service != null) {
        service.stop();
      }
    } finally {
      ClockUtil.reset();
      if (profile != null) {
        try (var files = Files.walk(profile)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
      }
    }
  }

  @Test
  void a_manager_sees_the_overdue_decisions_in_cockpit_and_opens_a_case() throws IOException {
    LocalDate today = EngineClock.today();
    assertThat(today).isEqualTo(LocalDate.of(2026, 6, 15));
    ComplianceFigures expected =
        reporting.compliance().figures(today.minusMonths(12).plusDays(1), today, today);
    DeadlineFigure decisions =
        expected.deadlines().stream()
            .filter(figure -> figure.label().startsWith(DECISION_TO_ASSESS))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no deadline labelled '" + DECISION_TO_ASSESS + "' in " + expected));
    assertThat(decisions.overdueCases())
        .extracting(CaseRef::processInstanceId)
        .contains(first.id(), second.id());
    MonthTimeliness june =
        expected.timeliness().stream()
            .filter(month -> month.month().equals("2026-06"))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no 20-week timeliness for June 2026 in " + expected.timeliness()));
    assertThat(june.late())
        .as("the plan issued late in June")
        .extracting(CaseRef::processInstanceId)
        .contains(late.id());

    // 1. Cockpit's login page.
    driver.get(base() + "/camunda/app/cockpit/default/");
    WebElement username =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[name='signinForm'] input[type='text']")));
    screenshot("01-login");

    // 2. The manager logs in; the dashboard shows the compliance box.
    username.sendKeys("manager");
    driver
        .findElement(By.cssSelector("form[name='signinForm'] input[type='password']"))
        .sendKeys("demo");
    driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    WebElement box =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ehc-compliance.ehc-box")));
    wait.until(
        ExpectedConditions.presenceOfNestedElementLocatedBy(
            box, By.cssSelector("tr[data-kind='" + decisions.kind() + "']")));
    assertThat(box.findElement(By.tagName("h2")).getText()).isEqualTo("Statutory compliance");
    assertThat(
            box.findElement(By.cssSelector("tr[data-kind='" + decisions.kind() + "'] td"))
                .getText())
        .startsWith(String.valueOf(decisions.overdue()));
    scrollIntoView(box);
    screenshot("02-dashboard");

    // 3. The Compliance view, from the header's navigation.
    WebElement navigation =
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.ehc-nav-link")));
    assertThat(navigation.getText()).isEqualTo("Compliance");
    navigation.click();
    wait.until(ExpectedConditions.urlContains("#/ehc-compliance"));
    By decisionRow =
        By.cssSelector("#ehc-deadlines-table tr[data-kind='" + decisions.kind() + "']");
    WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(decisionRow));
    List<WebElement> cells = row.findElements(By.tagName("td"));
    assertThat(row.findElement(By.tagName("th")).getText()).startsWith(DECISION_TO_ASSESS);
    assertThat(cells.get(0).getText())
        .as("due this week")
        .startsWith(String.valueOf(decisions.dueThisWeek()));
    assertThat(cells.get(1).getText())
        .as("overdue")
        .startsWith(String.valueOf(decisions.overdue()));
    assertThat(driver.findElement(By.id("ehc-from")).getAttribute("value")).isEqualTo("2025-06-16");
    assertThat(driver.findElement(By.id("ehc-to")).getAttribute("value")).isEqualTo("2026-06-15");
    for (String table :
        List.of(
            "ehc-open-cases-table",
            "ehc-timeliness-table",
            "ehc-advice-table",
            "ehc-reviews-table",
            "ehc-transfers-table")) {
      assertThat(driver.findElements(By.id(table))).as(table).hasSize(1);
    }
    screenshot("03-compliance-view");
    // An ended case behind a figure opens its printable chronology instead (Cockpit cannot show
    // it).
    WebElement juneLate =
        driver
            .findElements(By.cssSelector("#ehc-timeliness-table tr[data-month='2026-06'] td"))
            .get(6);
    WebElement juneSummary = juneLate.findElement(By.tagName("summary"));
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", juneSummary);
    wait.until(ExpectedConditions.visibilityOf(juneSummary));
    assertThat(juneLate.getText()).startsWith(String.valueOf(june.issued() - june.within20Weeks()));
    wait.until(ExpectedConditions.elementToBeClickable(juneSummary)).click();
    WebElement endedLink =
        wait.until(
            ExpectedConditions.visibilityOf(
                juneLate.findElement(
                    By.cssSelector("a[data-process-instance-id='" + late.id() + "']"))));
    assertThat(endedLink.getText()).contains("Cara Cockpit").contains("ended");
    assertThat(endedLink.getAttribute("href"))
        .endsWith(
            "/camunda/api/cockpit/plugin/ehc-compliance/default"
                + "/chronology.html?childId=C-COCKPIT-3");
    assertThat(endedLink.getAttribute("target")).isEqualTo("_blank");
    scrollIntoView(driver.findElement(By.id("ehc-timeliness")));
    screenshot("03b-compliance-view-lower");

    // 4. The overdue count opens onto its cases; each running case links to Cockpit's view of it.
    WebElement overdueSummary = cells.get(1).findElement(By.tagName("summary"));
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", overdueSummary);
    wait.until(ExpectedConditions.elementToBeClickable(overdueSummary)).click();
    WebElement caseLink =
        wait.until(
            ExpectedConditions.visibilityOf(
                cells
                    .get(1)
                    .findElement(
                        By.cssSelector("a[data-process-instance-id='" + first.id() + "']"))));
    assertThat(caseLink.getText()).contains("Ava Cockpit").contains("C-COCKPIT-1");
    assertThat(caseLink.getAttribute("href"))
        .endsWith("#/process-instance/" + first.id() + "/runtime");
    scrollIntoView(driver.findElement(By.id("ehc-deadlines")));
    screenshot("04-overdue-cases");

    // 5. Cockpit opens that process instance, with its diagram.
    caseLink.click();
    wait.until(ExpectedConditions.urlContains("/process-instance/" + first.id()));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".djs-container svg")));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), first.id()));
    screenshot("05-process-instance");

    // 6. Its Chronology tab.
    WebElement chronologyTab =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='Chronology']")));
    chronologyTab.click();
    WebElement chronology =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ehc-chronology-table")));
    assertThat(chronology.findElements(By.cssSelector("tbody tr"))).isNotEmpty();
    assertThat(chronology.getText()).contains("EHCNA-C-COCKPIT-1");
    WebElement printable = driver.findElement(By.linkText("Printable chronology"));
    assertThat(printable.getAttribute("href"))
        .contains("/chronology.html?processInstanceId=" + first.id());
    scrollIntoView(driver.findElement(By.cssSelector(".ehc-compliance.ehc-chronology")));
    screenshot("06-chronology-tab");

    // 6b. A notice opened in place: the letter as it was written, as text.
    WebElement notice =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector("details.ehc-notice")));
    scrollIntoView(notice);
    notice.findElement(By.tagName("summary")).click();
    WebElement letter =
        wait.until(
            ExpectedConditions.visibilityOf(notice.findElement(By.cssSelector("pre.ehc-letter"))));
    assertThat(letter.getText()).contains("Ava Cockpit").contains("Example Council");
    assertThat(notice.getText()).contains("Delivery").contains("sent by email");
    screenshot("06b-notice-read");

    // 6c. The tribunal bundle from the tab's link, in the same session (no password): a PDF.
    WebElement bundle = driver.findElement(By.linkText("Tribunal bundle (PDF)"));
    assertThat(bundle.getAttribute("href")).contains("/bundle.pdf?processInstanceId=" + first.id());
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    Object answer =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0], { credentials: 'same-origin' }).then(async (r) => {"
                    + "  const bytes = new Uint8Array(await r.arrayBuffer());"
                    + "  done(r.status + ' ' + r.headers.get('Content-Type') + ' '"
                    + "    + String.fromCharCode(...bytes.slice(0, 5)));"
                    + "}).catch((e) => done('failed: ' + e));",
                bundle.getAttribute("href"));
    assertThat(answer).isEqualTo("200 application/pdf %PDF-");

    // 7. The printable chronology, in the same session.
    driver.get(printable.getAttribute("href"));
    wait.until(ExpectedConditions.titleContains("Chronology"));
    assertThat(driver.getTitle()).isEqualTo("Chronology: Ava Cockpit (C-COCKPIT-1)");
    assertThat(driver.findElement(By.tagName("h1")).getText())
        .isEqualTo("Chronology of Ava Cockpit (C-COCKPIT-1)");
    assertThat(driver.findElements(By.cssSelector("table tbody tr"))).isNotEmpty();
    screenshot("07-printable-chronology");
  }

  private static Map<String, Object> request(String childId, String childName, String received) {
    Map<String, Object> request = new HashMap<>();
    request.put("childId", childId);
    request.put("childName", childName);
    request.put("dateOfBirth", "2016-03-14");
    request.put("requestReceivedDate", received);
    request.put("requester", "parent");
    request.put("parentEmail", "parent." + childId.toLowerCase() + "@example.org");
    request.put("yearGroup", 4);
    return request;
  }

  private void scrollIntoView(WebElement element) {
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'start'});", element);
  }

  private void screenshot(String name) throws IOException {
    File shot = driver.getScreenshotAs(OutputType.FILE);
    Files.copy(
        shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
