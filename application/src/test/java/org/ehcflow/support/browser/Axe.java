package org.ehcflow.support.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * axe-core (installed from npm into {@code tools/models}) injected into the page chromium shows,
 * checking it against WCAG 2.0, 2.1 and 2.2 A and AA. The script is handed to the page by the
 * driver, so the web apps' content security policy does not stand in its way and nothing is
 * downloaded.
 */
public final class Axe {

  public static final Path SCRIPT = Path.of("tools/models/node_modules/axe-core/axe.min.js");

  /** The impacts axe gives, most severe first. */
  public static final List<String> IMPACTS = List.of("critical", "serious", "moderate", "minor");

  private static final String RUN =
      """
      const done = arguments[arguments.length - 1];
      const context = arguments[0] ? { include: arguments[0].map((selector) => [selector]) } : document;
      axe.run(context, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
        resultTypes: ['violations']
      }).then((result) => done(JSON.stringify(result.violations.map((rule) => ({
        rule: rule.id,
        impact: rule.impact,
        help: rule.help,
        nodes: rule.nodes.map((node) => node.target.join(' ') + ' :: '
          + (node.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 300))
      })))), (error) => done(JSON.stringify([{ rule: 'axe-error', impact: 'critical',
        help: String(error), nodes: [] }])));
      """;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One rule broken, with where. */
  public record Violation(String rule, String impact, String help, List<String> nodes) {}

  private final Browser browser;
  private final String source;

  public Axe(Browser browser) {
    assertThat(SCRIPT).as("axe-core must be installed: npm ci --prefix tools/models").exists();
    this.browser = browser;
    try {
      this.source = Files.readString(SCRIPT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
  }

  /**
   * The violations within the elements these selectors find (the whole page when none is given).
   */
  public List<Violation> check(String... selectors) {
    var driver = browser.driver();
    if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object';"))) {
      driver.executeScript(source);
    }
    Object answer =
        driver.executeAsyncScript(RUN, selectors.length == 0 ? null : List.of(selectors));
    try {
      return JSON.readValue(String.valueOf(answer), new TypeReference<List<Violation>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many elements break a rule, by impact, most severe first. */
  public static Map<String, Integer> countByImpact(List<Violation> violations) {
    Map<String, Integer> counts = new TreeMap<>(java.util.Comparator.comparing(IMPACTS::indexOf));
    IMPACTS.forEach(impact -> counts.put(impact, 0));
    violations.forEach(
        violation -> counts.merge(violation.impact(), violation.nodes().size(), Integer::sum));
    return counts;
  }

  public static boolean seriousOrCritical(Violation violation) {
    return "serious".equals(violation.impact()) || "critical".equals(violation.impact());
  }
}
