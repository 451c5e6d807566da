package org.ehcflow.support.browser;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Camunda web apps' login form, shared by Tasklist and Cockpit. */
final class LoginForm {

  private LoginForm() {}

  /**
   * Types the user and the demo password and logs in; waits for {@code signedIn}. The form can be
   * redrawn while the app starts, losing what was typed, so the values are checked before
   * submitting and the login is tried again if the app did not let the person in.
   */
  static void logIn(Browser browser, String user, By signedIn) {
    for (int attempt = 1; ; attempt++) {
      browser
          .await()
          .until(
              driver ->
                  "complete"
                      .equals(
                          ((JavascriptExecutor) driver)
                              .executeScript("return document.readyState")));
      WebElement name =
          browser.visible(By.cssSelector("form[name='signinForm'] input[type='text']"));
      WebElement password =
          browser
              .driver()
              .findElement(By.cssSelector("form[name='signinForm'] input[type='password']"));
      name.clear();
      name.sendKeys(user);
      password.clear();
      password.sendKeys("demo");
      if (!user.equals(name.getAttribute("value"))
          || !"demo".equals(password.getAttribute("value"))) {
        continue;
      }
      browser
          .driver()
          .findElement(By.cssSelector("form[name='signinForm'] button[type='submit']"))
          .click();
      try {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
            .until(
                driver ->
                    !driver.findElements(signedIn).isEmpty()
                        && driver.findElement(signedIn).isDisplayed());
        return;
      } catch (TimeoutException notIn) {
        if (attempt == 3) {
          throw notIn;
        }
        browser.driver().navigate().refresh();
      }
    }
  }
}
