package org.ehcflow.reporting;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

/** A chronology as a printable page: plain HTML, every value escaped. */
public final class ChronologyPage {

  /** The page's one style block; the policy allows exactly this text by its hash. */
  static final String STYLE =
      """

        body { font-family: Arial, sans-serif; margin: 2em; }
        table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
        th, td { border: 1px solid #999; padding: 4px 6px; text-align: left; vertical-align: top; }
        th { background: #eee; }
        .notice { margin-top: 1.5em; }
        .notice pre { white-space: pre-wrap; font-family: inherit; border: 1px solid #999; padding: 6px; }
        @media print { body { margin: 0; } }
      """;

  public static final String POLICY = PagePolicy.withStyle(STYLE);

  private ChronologyPage() {}

  /**
   * @param notices the child's notices, each printed in full after the table, so the page is a case
   *     file a tribunal can read without the system
   */
  public static String render(
      String childId,
      List<ChronologyEntry> entries,
      List<CaseNotice> notices,
      LocalDate generated) {
    Map<String, Integer> numbers = new HashMap<>();
    for (CaseNotice notice : notices) {
      numbers.put(notice.noticeId(), numbers.size() + 1);
    }
    StringBuilder html =
        new StringBuilder(
                """
        <!DOCTYPE html>
        <html lang="en-GB"><head><meta charset="utf-8"><title>Chronology</title>
        """)
            .append("<style>")
            .append(STYLE)
            .append("</style></head><body>\n");
    html.append("<h1>Chronology for child ").append(escape(childId)).append("</h1>\n");
    html.append("<p>Generated on ")
        .append(generated)
        .append(" from the case records. ")
        .append(entries.size())
        .append(" entries. <a href=\"bundle.pdf\">Tribunal bundle (PDF)</a></p>\n");
    html.append("<table><caption>Every step, oldest first</caption>\n")
        .append(
            "<tr><th>When</th><th>Case</th><th>What happened</th><th>By</th><th>Detail</th></tr>\n");
    for (ChronologyEntry entry : entries) {
      html.append("<tr><td>")
          .append(escape(entry.at().replace('T', ' ')))
          .append("</td><td>")
          .append(escape(entry.caseKey()))
          .append("</td><td>")
          .append(escape(entry.event()))
          .append("</td><td>")
          .append(escape(entry.by()))
          .append("</td><td>")
          .append(escape(entry.detail()));
      Integer number = entry.noticeId() == null ? null : numbers.get(entry.noticeId());
      if (number != null) {
        html.append("; ")
            .append(escape(entry.delivery()))
            .append(". <a href=\"#notice-")
            .append(number)
            .append("\">Read notice ")
            .append(number)
            .append("</a>");
      }
      if (entry.documentId() != null) {
        html.append(". <a href=\"../../documents/")
            .append(escape(UriUtils.encodePathSegment(entry.documentId(), StandardCharsets.UTF_8)))
            .append("\">Open the document</a>");
      }
      html.append("</td></tr>\n");
    }
    html.append("</table>\n");
    if (!notices.isEmpty()) {
      html.append("<h2>The notices in full</h2>\n");
    }
    for (CaseNotice notice : notices) {
      html.append("<section class=\"notice\" id=\"notice-")
          .append(numbers.get(notice.noticeId()))
          .append("\">")
          .append("<h3>Notice ")
          .append(numbers.get(notice.noticeId()))
          .append(": ")
          .append(escape(notice.subject()))
          .append("</h3>\n<p>")
          .append(
              notice.sentAt() != null
                  ? "Sent " + escape(notice.sentAt().replace('T', ' '))
                  : "Written " + escape(notice.createdAt().replace('T', ' ')))
          .append(", case ")
          .append(escape(notice.caseKey()))
          .append("<br>From: ")
          .append(escape(notice.from()))
          .append("<br>To: ")
          .append(escape(notice.recipient()))
          .append("<br>Delivery: ")
          .append(escape(notice.delivery()))
          .append("</p>\n<pre>")
          .append(escape(notice.body()))
          .append("</pre></section>\n");
    }
    html.append("</body></html>\n");
    return html.toString();
  }

  private static String escape(String value) {
    return value == null ? "" : HtmlUtils.htmlEscape(value);
  }
}
