package org.ehcflow.support.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Cockpit as a manager uses it to find one child's case and see where it stands in its pathway. */
public final class CockpitPage {

  private final Browser browser;

  public CockpitPage(Browser browser) {
    this.browser = browser;
  }

  public CockpitPage logInAs(String user) {
    browser.open("/camunda/app/cockpit/default/");
    browser.forgetSession();
    browser.open("/camunda/app/cockpit/default/#/processes");
    LoginForm.logIn(browser, user, By.cssSelector("a[href*='#/process-definition/']"));
    return this;
  }

  /** From the list of processes, opens the pathway by its name (its diagram and running cases). */
  public CockpitPage openProcess(String processName) {
    browser.open("/camunda/app/cockpit/default/#/processes");
    browser.click(
        By.xpath(
            "//table//a[starts-with(normalize-space(), "
                + FormPage.xpathLiteral(processName)
                + ")]"));
    browser.visible(By.cssSelector(".djs-container svg"));
    return this;
  }

  /** In the pathway's list of running cases, opens the one with this business key. */
  public CockpitPage openCase(String businessKey) {
    By row =
        By.xpath(
            "//tr[td[contains(@class,'business-key') and contains(normalize-space(), "
                + FormPage.xpathLiteral(businessKey)
                + ")]]");
    WebElement found = browser.visible(row);
    browser.scrollTo(found);
    found.findElement(By.cssSelector("a[href*='process-instance']")).click();
    browser.await().until(ExpectedConditions.urlContains("/process-instance/"));
    browser.visible(By.cssSelector(".djs-container svg"));
    return this;
  }

  /**
   * Opens the case's User Tasks tab and waits for a task in the activity of that name (as the
   * diagram names it, which is what Cockpit lists) to be listed.
   */
  public WebElement openTaskListed(String activityName) {
    browser.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='User Tasks']"));
    return browser.visible(
        By.xpath(
            "//table//td[contains(normalize-space(.), "
                + FormPage.xpathLiteral(activityName)
                + ")]"));
  }

  /**
   * The diagram marks the activity the case is waiting in with a count of its running instances.
   */
  public WebElement positionMarker(String activityId) {
    return browser.visible(
        By.cssSelector(".djs-overlays[data-container-id='" + activityId + "'] .badge"));
  }
}
