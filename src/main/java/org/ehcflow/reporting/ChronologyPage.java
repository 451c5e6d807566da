package org.ehcflow.reporting;

import java.time.LocalDate;
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

  public static final String POLICY = PagePolicy.withStyle(STYLE);

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

  private static String escape(String value) {
    return value == null ? "" : HtmlUtils.htmlEscape(value);
  }
}
