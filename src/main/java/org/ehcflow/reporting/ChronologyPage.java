package org.ehcflow.reporting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import org.springframework.web.util.HtmlUtils;

/** A chronology as a printable page: plain HTML, every value escaped. */
public final class ChronologyPage {

  /** The page's one style block; the policy allows exactly this text by its hash. */
  static final String STYLE = """

        body { font-family: Arial, sans-serif; margin: 2em; }
        table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
        th, td { border: 1px solid #999; padding: 4px 6px; text-align: left; vertical-align: top; }
        th { background: #eee; }
        @media print { body { margin: 0; } }
      """;

  /**
   * No script, no other source, no framing, no form: a name typed as HTML could not run even if
   * escaping ever failed. The style is allowed by its hash rather than 'unsafe-inline'.
   */
  public static final String POLICY = "default-src 'none'; style-src " + hashOf(STYLE)
      + "; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  private ChronologyPage() {}

  public static String render(String childId, List<ChronologyEntry> entries, LocalDate generated) {
    StringBuilder html = new StringBuilder("""
        <!DOCTYPE html>
        <html lang="en-GB"><head><meta charset="utf-8"><title>Chronology</title>
        """).append("<style>").append(STYLE).append("</style></head><body>\n");
    html.append("<h1>Chronology for child ").append(escape(childId)).append("</h1>\n");
    html.append("<p>Generated on ").append(generated).append(" from the case records. ")
        .append(entries.size()).append(" entries.</p>\n");
    html.append("<table><caption>Every step, oldest first</caption>\n")
        .append("<tr><th>When</th><th>Case</th><th>What happened</th><th>By</th><th>Detail</th></tr>\n");
    for (ChronologyEntry entry : entries) {
      html.append("<tr><td>").append(escape(entry.at().replace('T', ' '))).append("</td><td>")
          .append(escape(entry.caseKey())).append("</td><td>").append(escape(entry.event())).append("</td><td>")
          .append(escape(entry.by())).append("</td><td>").append(escape(entry.detail())).append("</td></tr>\n");
    }
    html.append("</table>\n</body></html>\n");
    return html.toString();
  }

  private static String hashOf(String style) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static String escape(String value) {
    return value == null ? "" : HtmlUtils.htmlEscape(value);
  }
}
