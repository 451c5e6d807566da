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
    browser.click(By.xpath("//table//a[starts-with(normalize-space(), " + FormPage.xpathLiteral(processName) + ")]"));
    browser.visible(By.cssSelector(".djs-container svg"));
    return this;
  }

  /** In the pathway's list of running cases, opens the one with this business key. */
  public CockpitPage openCase(String businessKey) {
    By row = By.xpath("//tr[td[contains(@class,'business-key') and contains(normalize-space(), "
        + FormPage.xpathLiteral(businessKey) + ")]]");
    WebElement found = browser.visible(row);
    browser.scrollTo(found);
    found.findElement(By.cssSelector("a[href*='process-instance']")).click();
    browser.await().until(ExpectedConditions.urlContains("/process-instance/"));
    browser.visible(By.cssSelector(".djs-container svg"));
    return this;
  }

  /** Opens one of the case's tabs under the diagram (Variables, User Tasks, Chronology...) and returns its content. */
  public WebElement tab(String name) {
    browser.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()=" + FormPage.xpathLiteral(name) + "]"));
    return browser.visible(By.cssSelector(".ctn-tabbed-content .tab-content, .tab-content"));
  }

  /** The diagram marks the activity the case is waiting in with a count of its running instances. */
  public WebElement positionMarker(String activityId) {
    return browser.visible(By.cssSelector(".djs-overlays[data-container-id='" + activityId + "'] .badge"));
  }
}
