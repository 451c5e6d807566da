package org.ehcflow.reporting.cockpit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ehcflow.reporting.CaseNotice;
import org.ehcflow.reporting.ChronologyEntry;
import org.ehcflow.reporting.PagePolicy;
import org.ehcflow.statutory.StatutoryClock;

/**
 * A child's chronology as a self-contained page a manager prints for the parent, a complaint or a
 * tribunal bundle. Every value from the case is HTML-escaped; the page has no script (the web apps'
 * content security policy would refuse it anyway) and its own print styles.
 */
final class PrintableChronology {

  static final Map<String, String> PATHWAYS =
      Map.of(
          "ehc-needs-assessment", "EHC needs assessment",
          "ehc-annual-review", "Annual review",
          "ehc-phase-transfer", "Phase-transfer review",
          "section-23-notification", "Section 23 notification",
          "ehc-record-case-event", "Exception or withdrawal");

  static final Map<String, String> KINDS =
      Map.of(
          "case-opened", "Case opened",
          "task", "Task",
          "decision", "Decision",
          "notice", "Notice",
          "deadline", "Deadline",
          "exception", "Exception",
          "case-closed", "Case closed",
          "document", "Document");

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);
  private static final DateTimeFormatter GENERATED =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);

  private PrintableChronology() {}

  /**
   * @param notices the child's notices, printed in full after the table: the page is the case file
   *     a parent or a tribunal reads, and a letter's subject alone does not say what it told them
   * @param documentBase where a document of the case file opens, relative to the page, the
   *     document's id appended; null for no links
   */
  static String render(
      String childId,
      String childName,
      List<ChronologyEntry> entries,
      List<CaseNotice> notices,
      String generatedBy,
      ZonedDateTime generatedAt,
      String documentBase) {
    Map<String, Integer> numbers = new HashMap<>();
    for (CaseNotice notice : notices) {
      numbers.put(notice.noticeId(), numbers.size() + 1);
    }
    String who =
        childName == null || childName.isBlank()
            ? "child " + childId
            : childName + " (" + childId + ")";
    StringBuilder html = new StringBuilder(4096 + entries.size() * 256);
    html.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Chronology: ")
        .append(escape(who))
        .append("</title>\n")
        .append("<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n")
        .append("<header>\n<h1>Chronology of ")
        .append(escape(who))
        .append("</h1>\n")
        .append("<dl class=\"facts\">\n")
        .append("<dt>Child</dt><dd>")
        .append(
            escape(childName == null || childName.isBlank() ? "(name not recorded)" : childName))
        .append("</dd>\n")
        .append("<dt>Child id</dt><dd>")
        .append(escape(childId))
        .append("</dd>\n")
        .append("<dt>Generated</dt><dd>")
        .append(escape(GENERATED.format(generatedAt)))
        .append(" (UK time) by ")
        .append(escape(generatedBy))
        .append("</dd>\n")
        .append("<dt>Entries</dt><dd>")
        .append(entries.size())
        .append("</dd>\n")
        .append("</dl>\n")
        .append("<p class=\"no-print\"><a href=\"bundle.pdf?childId=")
        .append(escape(URLEncoder.encode(childId, StandardCharsets.UTF_8)))
        .append("\">Tribunal bundle (PDF)</a>: the index, this chronology, the letters, the plans")
        .append(" and the case file's documents in one PDF with numbered pages.</p>\n")
        .append(
            "<p class=\"no-print\">Use your browser's Print command (Ctrl+P, or Cmd+P on a Mac) to print this page ")
        .append("or save it as a PDF.</p>\n</header>\n<main>\n");
    if (entries.isEmpty()) {
      html.append("<p>No events are recorded for this child.</p>\n");
    } else {
      html.append("<table>\n<caption>Every recorded step of ")
          .append(escape(who))
          .append("'s cases, oldest first, across all pathways</caption>\n")
          .append(
              "<thead><tr><th scope=\"col\">Date and time</th><th scope=\"col\">Pathway and case</th>")
          .append(
              "<th scope=\"col\">Event</th><th scope=\"col\">By</th><th scope=\"col\">Detail</th></tr></thead>\n")
          .append("<tbody>\n");
      for (ChronologyEntry entry : entries) {
        html.append("<tr class=\"kind-")
            .append(escape(cssToken(entry.kind())))
            .append("\">")
            .append("<td class=\"when\">")
            .append(escape(dateTime(entry.at())))
            .append("</td>")
            .append("<td>")
            .append(escape(pathway(entry.pathway())));
        if (entry.caseKey() != null && !entry.caseKey().isBlank()) {
          html.append("<br><span class=\"case\">")
              .append(escape(entry.caseKey()))
              .append("</span>");
        }
        html.append("</td><td>");
        if (entry.kind() != null && !entry.kind().isBlank()) {
          html.append("<span class=\"kind\">")
              .append(escape(kind(entry.kind())))
              .append(":</span> ");
        }
        html.append(escape(entry.event()))
            .append("</td>")
            .append("<td>")
            .append(escape(entry.by()))
            .append("</td>")
            .append("<td class=\"detail\">")
            .append(escape(entry.detail()));
        Integer number = entry.noticeId() == null ? null : numbers.get(entry.noticeId());
        if (number != null) {
          html.append("\n")
              .append(escape(entry.delivery()))
              .append("\n<a href=\"#notice-")
              .append(number)
              .append("\">Read notice ")
              .append(number)
              .append("</a>");
        }
        if (entry.documentId() != null && documentBase != null) {
          html.append("\n<a href=\"")
              .append(escape(documentBase))
              .append(escape(URLEncoder.encode(entry.documentId(), StandardCharsets.UTF_8)))
              .append("\">Open the document</a>");
        }
        html.append("</td></tr>\n");
      }
      html.append("</tbody>\n</table>\n");
    }
    if (!notices.isEmpty()) {
      html.append("<section class=\"notices\">\n<h2>The notices in full</h2>\n");
      for (CaseNotice notice : notices) {
        int number = numbers.get(notice.noticeId());
        html.append("<article class=\"notice\" id=\"notice-")
            .append(number)
            .append("\">\n<h3>Notice ")
            .append(number)
            .append(": ")
            .append(escape(notice.subject()))
            .append("</h3>\n<dl class=\"facts\">\n")
            .append(
                notice.sentAt() != null
                    ? "<dt>Sent</dt><dd>" + escape(dateTime(notice.sentAt()))
                    : "<dt>Written</dt><dd>" + escape(dateTime(notice.createdAt())))
            .append("</dd>\n<dt>Case</dt><dd>")
            .append(escape(pathway(notice.pathway())))
            .append(", ")
            .append(escape(notice.caseKey()))
            .append("</dd>\n")
            .append("<dt>From</dt><dd>")
            .append(escape(notice.from()))
            .append("</dd>\n")
            .append("<dt>To</dt><dd>")
            .append(escape(notice.recipient()))
            .append("</dd>\n")
            .append("<dt>Delivery</dt><dd>")
            .append(escape(notice.delivery()))
            .append("</dd>\n</dl>\n")
            .append("<pre class=\"letter\">")
            .append(escape(notice.body()))
            .append("</pre>\n</article>\n");
      }
      html.append("</section>\n");
    }
    html.append("</main>\n<footer><p>EHC Flow: chronology of ")
        .append(escape(who))
        .append(", generated ")
        .append(escape(GENERATED.format(generatedAt)))
        .append(".</p></footer>\n</body>\n</html>\n");
    return html.toString();
  }

  static String pathway(String key) {
    return key == null ? "" : PATHWAYS.getOrDefault(key, key);
  }

  static String kind(String key) {
    return key == null ? "" : KINDS.getOrDefault(key, key);
  }

  /**
   * An ISO date-time (with or without offset) as "5 Jan 2026, 09:30" in UK time; anything else as
   * given.
   */
  static String dateTime(String iso) {
    if (iso == null) {
      return "";
    }
    try {
      return DATE_TIME.format(OffsetDateTime.parse(iso).atZoneSameInstant(StatutoryClock.ZONE));
    } catch (DateTimeParseException notOffset) {
      try {
        return DATE_TIME.format(LocalDateTime.parse(iso));
      } catch (DateTimeParseException notLocal) {
        return iso;
      }
    }
  }

  static String escape(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String cssToken(String kind) {
    return kind == null ? "other" : kind.replaceAll("[^a-z0-9-]", "");
  }

  private static final String STYLE =
      """
      body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; color: #0b0c0c; margin: 2em; }
      h1 { font-size: 18pt; margin: 0 0 .5em; }
      dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; margin: 0 0 1em; }
      dl.facts dt { font-weight: bold; }
      dl.facts dd { margin: 0; }
      table { border-collapse: collapse; width: 100%; }
      caption { text-align: left; font-weight: bold; padding: .4em 0; }
      th, td { border: 1px solid #6f777b; padding: .3em .5em; text-align: left; vertical-align: top; }
      thead th { background: #f3f2f1; }
      td.when { white-space: nowrap; }
      td.detail { white-space: pre-wrap; }
      .case { color: #505a5f; font-size: 9pt; }
      .kind { font-weight: bold; }
      tr.kind-deadline td, tr.kind-exception td { background: #fff7e6; }
      footer { margin-top: 1.5em; font-size: 9pt; color: #505a5f; }
      h2 { font-size: 14pt; margin: 1.5em 0 .5em; }
      article.notice { margin: 0 0 1.5em; }
      article.notice h3 { font-size: 12pt; margin: 0 0 .4em; }
      pre.letter { white-space: pre-wrap; font-family: inherit; border: 1px solid #6f777b; padding: .6em; margin: 0; }
      @media print {
        body { margin: 0; font-size: 9.5pt; }
        .no-print { display: none; }
        thead { display: table-header-group; }
        tr { page-break-inside: avoid; }
        tr.kind-deadline td, tr.kind-exception td { background: none; }
        @page { size: A4 landscape; margin: 12mm; }
      }
      """;

  /**
   * The page's policy, on top of the web apps' own (a browser enforces both): only its style block.
   */
  static final String POLICY = PagePolicy.withStyle("\n" + STYLE);
}
