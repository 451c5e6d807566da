package org.ehcflow.support.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Camunda Tasklist as caseworkers and partners use it: log in, start a case from a start form, open
 * their group's filter, pick the child's task, claim it, fill its form and complete it.
 */
public final class TasklistPage {

  private static final By START_BUTTON =
      By.cssSelector("button[ng-click='startProcessInstance()']");
  private static final By COMPLETE_BUTTON = By.cssSelector("button[ng-click='complete()']");
  private static final By START_DIALOG = By.cssSelector(".modal-dialog");

  private final Browser browser;

  public TasklistPage(Browser browser) {
    this.browser = browser;
  }

  /** Whoever was logged in is gone; this person logs in to Tasklist with the demo password. */
  public TasklistPage logInAs(String user) {
    browser.open("/camunda/app/tasklist/default/");
    browser.forgetSession();
    browser.open("/camunda/app/tasklist/default/");
    LoginForm.logIn(browser, user, By.cssSelector(".task-filter h4.name a"));
    return this;
  }

  /** Opens "Start process", picks the pathway by its name and waits for its start form. */
  public FormPage startForm(String processName, String formId) {
    browser.click(By.xpath("//a[normalize-space()='Start process']"));
    By pathway =
        By.xpath(
            "//div[contains(@class,'modal')]//a[contains(normalize-space(), "
                + FormPage.xpathLiteral(processName)
                + ")]");
    By form = By.cssSelector(".modal-dialog .fjs-form");
    // Tasklist draws the list of pathways twice (its count, then its page), so a click in between
    // lands on a link that is replaced; the link is clicked until the start form shows.
    browser
        .await()
        .until(
            driver -> {
              if (driver.findElements(form).stream().anyMatch(WebElement::isDisplayed)) {
                return true;
              }
              driver.findElements(pathway).stream()
                  .filter(WebElement::isDisplayed)
                  .findFirst()
                  .ifPresent(
                      link -> {
                        try {
                          link.click();
                        } catch (WebDriverException redrawn) {
                          // drawn again as it was clicked: the next poll clicks the new link
                        }
                      });
              return false;
            });
    return new FormPage(browser, FormSchema.byId(formId), START_DIALOG);
  }

  /** Presses Start in the start dialog. */
  public void pressStart() {
    browser.click(START_BUTTON);
  }

  /** The dialog closes once the engine has started the case. */
  public void awaitStarted() {
    browser.await().until(ExpectedConditions.invisibilityOfElementLocated(START_DIALOG));
  }

  /** The danger notification Tasklist shows in the start dialog when the engine refuses a start. */
  public String startRefusal() {
    By alerts = By.cssSelector(".modal-dialog .notifications .alert-danger");
    return browser
        .await()
        .until(
            driver -> {
              for (WebElement alert : driver.findElements(alerts)) {
                List<WebElement> message = alert.findElements(By.cssSelector(".message"));
                if (!message.isEmpty() && !message.get(0).getText().isBlank()) {
                  browser.scrollTo(alert);
                  return alert.getText();
                }
              }
              return null;
            });
  }

  /** Opens the filter whose name starts so, e.g. "EHC panel". */
  public TasklistPage filter(String namePrefix) {
    browser.click(
        By.xpath(
            "//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[starts-with(normalize-space(), "
                + FormPage.xpathLiteral(namePrefix)
                + ")]"));
    return this;
  }

  public List<String> filterNames() {
    return browser.driver().findElements(By.cssSelector(".task-filter h4.name a")).stream()
        .map(link -> link.getText().replaceAll("\\s*\\(?\\d+\\)?$", "").trim())
        .toList();
  }

  /**
   * Picks the task of that name for that child from the open filter's list (the list shows each
   * task's child), then waits for its form.
   */
  public FormPage openTask(String taskName, String childName, String formId) {
    By item =
        By.xpath(
            "//ol[contains(@class,'tasks-list')]/li[contains(@class,'task')]"
                + "[.//h4[contains(@class,'task')]/a[normalize-space()="
                + FormPage.xpathLiteral(taskName)
                + "]]"
                + "[.//span[contains(@class,'variable-value') and normalize-space()="
                + FormPage.xpathLiteral(childName)
                + "]]");
    WebElement task = browser.visible(item);
    browser.scrollTo(task);
    task.findElement(By.cssSelector("h4.task a")).click();
    browser.visible(
        By.xpath(
            "//section[contains(@class,'task-card')]//h2[normalize-space()="
                + FormPage.xpathLiteral(taskName)
                + "]"));
    browser.visible(By.cssSelector("section.task-card .fjs-form"));
    return new FormPage(browser, FormSchema.byId(formId), By.cssSelector("section.task-card"));
  }

  /**
   * Takes the open task so the form can be filled (Tasklist keeps group tasks read-only until
   * claimed).
   */
  public TasklistPage claim() {
    browser.click(
        By.xpath("//section[contains(@class,'task-card')]//button[contains(@class,'claim')]"));
    browser.await().until(ExpectedConditions.elementToBeClickable(COMPLETE_BUTTON));
    return this;
  }

  public void pressComplete() {
    dismissNotifications();
    browser.click(COMPLETE_BUTTON);
  }

  /** Closes Tasklist's toasts (they sit over the Complete button), as a person would. */
  public void dismissNotifications() {
    for (WebElement close :
        browser.driver().findElements(By.cssSelector(".page-notifications .alert button.close"))) {
      if (close.isDisplayed()) {
        close.click();
      }
    }
    browser
        .await()
        .until(
            driver ->
                driver.findElements(By.cssSelector(".page-notifications .alert")).stream()
                    .noneMatch(WebElement::isDisplayed));
  }

  /** Completes the open task and waits until Tasklist has closed it. */
  public void complete() {
    pressComplete();
    browser.await().until(ExpectedConditions.invisibilityOfElementLocated(COMPLETE_BUTTON));
  }
}
