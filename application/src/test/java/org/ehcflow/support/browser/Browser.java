package org.ehcflow.support.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, as a person in England would use it:
 * British English (dates typed dd/mm/yyyy) and London time. Selenium Manager never runs because the
 * driver is given explicitly, so nothing is downloaded. Each journey keeps its screenshots in its
 * own folder under {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

  public static final File CHROMIUM = new File("/usr/bin/chromium");
  public static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

  private final ChromeDriverService service;
  private final ChromeDriver driver;
  private final WebDriverWait wait;
  private final Path profile;
  private final Path screenshots;
  private final String base;
  private int shots;

  public Browser(int port, String journey) {
    assertThat(CHROMIUM)
        .as("Chromium must be installed at %s (Debian package chromium)", CHROMIUM)
        .exists();
    assertThat(CHROMEDRIVER)
        .as("ChromeDriver must be installed at %s (Debian package chromium-driver)", CHROMEDRIVER)
        .exists();
    try {
      screenshots = Path.of("target", "screenshots", journey);
      if (Files.isDirectory(screenshots)) {
        try (var old = Files.walk(screenshots)) {
          old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
      }
      Files.createDirectories(screenshots);
      profile = Files.createTempDirectory("ehc-chromium-profile");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB,en"));
    // The page's console, kept with the page source when a step fails.
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER)
            .usingAnyFreePort()
            .withEnvironment(
                Map.of("TZ", "Europe/London", "LANG", "en_GB.UTF-8", "LANGUAGE", "en_GB:en"))
            .build();
    driver = new ChromeDriver(service, options);
    // Headless Chromium ignores --lang for the page's locale, which form-js uses for date order.
    driver.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", "en-GB"));
    driver.executeCdpCommand(
        "Emulation.setTimezoneOverride", Map.of("timezoneId", "Europe/London"));
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    base = "http://localhost:" + port;
  }

  public ChromeDriver driver() {
    return driver;
  }

  public WebDriverWait await() {
    return wait;
  }

  public void open(String path) {
    driver.get(base + path);
  }

  public WebElement visible(By locator) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  public WebElement clickable(By locator) {
    return wait.until(ExpectedConditions.elementToBeClickable(locator));
  }

  public void click(By locator) {
    WebElement element = visible(locator);
    scrollTo(element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  public void scrollTo(WebElement element) {
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  /**
   * Logs the current user out of every web app by forgetting the session, then shows the login
   * page.
   */
  public void forgetSession() {
    driver.manage().deleteAllCookies();
    // A hash-routed app reloads only from a different document.
    driver.get("about:blank");
  }

  /** Saves what the person sees now as {@code NN-name.png}, numbered in the order taken. */
  public Path screenshot(String name) {
    try {
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Path target = screenshots.resolve(String.format("%02d-%s.png", ++shots, name));
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The whole of a tall element (a form), not just the window: the window grows to fit, then
   * shrinks back.
   */
  public Path screenshotWhole(String name, WebElement element) {
    var window = driver.manage().window();
    var size = window.getSize();
    Number height =
        (Number)
            ((JavascriptExecutor) driver)
                .executeScript(
                    "return Math.max(document.body.scrollHeight, arguments[0].getBoundingClientRect().bottom + window.scrollY + 200);",
                    element);
    try {
      window.setSize(
          new org.openqa.selenium.Dimension(size.getWidth(), Math.min(6000, height.intValue())));
      scrollTo(element);
      return screenshot(name);
    } finally {
      window.setSize(size);
    }
  }

  /**
   * The page's HTML, its console and the files it has loaded so far, next to the screenshots, for
   * finding out why a step failed.
   */
  public void savePageSource(String name) {
    StringBuilder console = new StringBuilder();
    try {
      driver.manage().logs().get("browser").forEach(entry -> console.append(entry).append('\n'));
      console
          .append("\n-- loaded (ms, file) --\n")
          .append(
              ((JavascriptExecutor) driver)
                  .executeScript(
                      "return performance.getEntriesByType('resource').map(r => Math.round(r.duration) + ' ' + r.name).join('\\n');"));
    } catch (RuntimeException e) {
      console.append("\n(the driver could not give the rest: ").append(e.getMessage()).append(')');
    }
    try {
      Files.writeString(screenshots.resolve(name + ".html"), driver.getPageSource());
      Files.writeString(screenshots.resolve(name + "-console.txt"), console);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
      service.stop();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException ignored) {
        // a temp profile left behind is harmless
      }
    }
  }
}
