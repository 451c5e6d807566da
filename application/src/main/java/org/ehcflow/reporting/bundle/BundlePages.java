package org.ehcflow.reporting.bundle;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ehcflow.reporting.CaseNotice;
import org.ehcflow.reporting.ChronologyEntry;

/**
 * The bundle's own pages as XHTML for the PDF renderer: the title page, the index, the chronology
 * and each letter. Every value from the case is escaped; nothing here reads the case.
 */
final class BundlePages {

  static final String TRIBUNAL = "First-tier Tribunal (Special Educational Needs and Disability)";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
  private static final DateTimeFormatter LONG_DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

  /** Room at the foot of every page for the stamp (PageStamps). */
  private static final String STYLE =
      """
      @page { size: A4; margin: 18mm 16mm 24mm 16mm; }
      body { font-family: 'DejaVu Sans'; font-size: 9.5pt; color: #0b0c0c; }
      h1 { font-size: 18pt; margin: 0 0 8pt; }
      h2 { font-size: 14pt; margin: 0 0 8pt; }
      table { border-collapse: collapse; width: 100%; -fs-table-paginate: paginate; }
      th, td { border: 0.5pt solid #6f777b; padding: 3pt 4pt; text-align: left; vertical-align: top; }
      thead th { background: #f3f2f1; }
      tr { page-break-inside: avoid; }
      td.page, th.page { text-align: right; white-space: nowrap; }
      td.date, th.date { white-space: nowrap; }
      tr.section td { background: #e8e8e8; font-weight: bold; }
      .missing { font-style: italic; color: #6a1b1b; }
      dl { margin: 0 0 10pt; }
      dt { font-weight: bold; float: left; width: 28mm; }
      dd { margin: 0 0 2pt 30mm; }
      pre.letter { white-space: pre-wrap; font-family: 'DejaVu Sans'; font-size: 9.5pt;
        border: 0.5pt solid #6f777b; padding: 6pt; margin: 0; }
      .title { text-align: center; margin-top: 50mm; }
      .title p { font-size: 12pt; margin: 0 0 8pt; }
      .title .council { font-size: 16pt; font-weight: bold; margin-bottom: 30mm; }
      .title .child { font-size: 20pt; font-weight: bold; margin: 16mm 0 4mm; }
      .chronology { font-size: 8pt; }
      div.part { page-break-before: always; }
      """;

  /** One line of the index: a document of a section, its date, and its first page or why not. */
  record IndexLine(String section, String title, String detail, String date, Integer page) {}

  private BundlePages() {}

  /**
   * The title page and, from a new page, the index: one document, its bookmark {@code index} naming
   * the page the index starts on.
   */
  static String front(
      String council,
      String childName,
      String childId,
      LocalDate prepared,
      int documents,
      List<IndexLine> lines) {
    StringBuilder html =
        start(
            "Tribunal bundle: " + who(childName, childId),
            List.of(new Mark("Title", "title"), new Mark("Index", "index")));
    html.append("<div class=\"title\" id=\"title\">\n")
        .append("<p class=\"council\">")
        .append(escape(council))
        .append("</p>\n<p>")
        .append(escape(TRIBUNAL))
        .append("</p>\n<h1>Tribunal bundle</h1>\n")
        .append("<p class=\"child\">")
        .append(escape(childName == null || childName.isBlank() ? "Child " + childId : childName))
        .append("</p>\n<p>Child id: ")
        .append(escape(childId))
        .append("</p>\n<p>Prepared on ")
        .append(escape(LONG_DAY.format(prepared)))
        .append(" by ")
        .append(escape(council))
        .append("</p>\n<p>")
        .append(documents)
        .append(documents == 1 ? " document" : " documents")
        .append(" listed in the index that follows</p>\n</div>\n");
    html.append(
            "<div class=\"part\" id=\"index\">\n<h1>Index</h1>\n<table>\n<thead><tr><th scope=\"col\">Section</th>")
        .append("<th scope=\"col\">Document</th><th scope=\"col\" class=\"date\">Date</th>")
        .append("<th scope=\"col\" class=\"page\">Page</th></tr></thead>\n<tbody>\n");
    String section = null;
    for (IndexLine line : lines) {
      if (!line.section().equals(section)) {
        section = line.section();
        html.append("<tr class=\"section\"><td colspan=\"4\">")
            .append(escape(section))
            .append("</td></tr>\n");
      }
      html.append("<tr><td>")
          .append(escape(section.substring(0, 1)))
          .append("</td><td>")
          .append(escape(line.title()));
      if (line.detail() != null && !line.detail().isBlank()) {
        html.append("<br/><span class=\"")
            .append(line.page() == null ? "missing" : "detail")
            .append("\">")
            .append(escape(line.detail()))
            .append("</span>");
      }
      html.append("</td><td class=\"date\">")
          .append(escape(line.date()))
          .append("</td><td class=\"page\">")
          .append(line.page() == null ? "-" : String.valueOf(line.page()))
          .append("</td></tr>\n");
    }
    if (lines.isEmpty()) {
      html.append("<tr><td colspan=\"4\">Nothing is recorded for this child.</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</div>\n");
    return end(html);
  }

  /**
   * The chronology and then each letter, each from a new page: one document, its bookmarks {@code
   * chronology} and {@code letter-1}, {@code letter-2}, ... naming the page each starts on.
   */
  static String caseRecord(
      String heading,
      List<ChronologyEntry> entries,
      List<String> letterHeadings,
      List<CaseNotice> notices) {
    List<Mark> marks = new ArrayList<>();
    marks.add(new Mark("Chronology", "chronology"));
    for (int i = 1; i <= notices.size(); i++) {
      marks.add(new Mark(letterHeadings.get(i - 1), "letter-" + i));
    }
    StringBuilder html = start(heading, marks);
    html.append("<div id=\"chronology\">\n");
    chronology(html, heading, entries);
    html.append("</div>\n");
    for (int i = 1; i <= notices.size(); i++) {
      html.append("<div class=\"part\" id=\"letter-").append(i).append("\">\n");
      letter(html, letterHeadings.get(i - 1), notices.get(i - 1));
      html.append("</div>\n");
    }
    return end(html);
  }

  private static void chronology(
      StringBuilder html, String heading, List<ChronologyEntry> entries) {
    html.append("<h2>")
        .append(escape(heading))
        .append("</h2>\n<table class=\"chronology\">\n<thead><tr>")
        .append("<th scope=\"col\" class=\"date\">Date and time</th><th scope=\"col\">Case</th>")
        .append("<th scope=\"col\">What happened</th><th scope=\"col\">By</th>")
        .append("<th scope=\"col\">Detail</th></tr></thead>\n<tbody>\n");
    for (ChronologyEntry entry : entries) {
      html.append("<tr><td class=\"date\">")
          .append(escape(dayTime(entry.at())))
          .append("</td><td>")
          .append(escape(entry.caseKey()))
          .append("</td><td>")
          .append(escape(entry.event()))
          .append("</td><td>")
          .append(escape(entry.by()))
          .append("</td><td>")
          .append(escape(entry.detail()));
      if (entry.delivery() != null) {
        html.append("<br/>").append(escape(entry.delivery()));
      }
      html.append("</td></tr>\n");
    }
    if (entries.isEmpty()) {
      html.append("<tr><td colspan=\"5\">No events are recorded.</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  private static void letter(StringBuilder html, String heading, CaseNotice notice) {
    html.append("<h2>")
        .append(escape(heading))
        .append("</h2>\n<dl>\n")
        .append("<dt>To</dt><dd>")
        .append(escape(notice.recipient()))
        .append("</dd>\n<dt>From</dt><dd>")
        .append(escape(notice.from()))
        .append("</dd>\n<dt>")
        .append(notice.sentAt() != null ? "Sent" : "Written")
        .append("</dt><dd>")
        .append(escape(dayTime(notice.sentAt() != null ? notice.sentAt() : notice.createdAt())))
        .append("</dd>\n<dt>Subject</dt><dd>")
        .append(escape(notice.subject()))
        .append("</dd>\n<dt>Case</dt><dd>")
        .append(escape(notice.caseKey()))
        .append("</dd>\n<dt>Delivery</dt><dd>")
        .append(escape(notice.delivery()))
        .append("</dd>\n</dl>\n<pre class=\"letter\">")
        .append(escape(notice.body()))
        .append("</pre>\n");
  }

  static String who(String childName, String childId) {
    return childName == null || childName.isBlank()
        ? "child " + childId
        : childName + " (" + childId + ")";
  }

  /** An ISO date or date-time as "5 Jan 2026"; anything else as given. */
  static String day(String iso) {
    if (iso == null || iso.length() < 10) {
      return iso == null ? "" : iso;
    }
    try {
      return DAY.format(LocalDate.parse(iso.substring(0, 10)));
    } catch (DateTimeParseException e) {
      return iso;
    }
  }

  static String dayTime(String iso) {
    if (iso == null) {
      return "";
    }
    try {
      return DAY_TIME.format(LocalDateTime.parse(iso));
    } catch (DateTimeParseException e) {
      return iso.replace('T', ' ');
    }
  }

  /** A bookmark of the rendered PDF: its outline entry points at the page {@code id} starts on. */
  record Mark(String name, String id) {}

  private static StringBuilder start(String title, List<Mark> marks) {
    StringBuilder html =
        new StringBuilder(8192)
            .append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\"/>\n")
            .append("<title>")
            .append(escape(title))
            .append("</title>\n<style>\n")
            .append(STYLE)
            .append("</style>\n<bookmarks>\n");
    for (Mark mark : marks) {
      html.append("<bookmark name=\"")
          .append(escape(mark.name()))
          .append("\" href=\"#")
          .append(escape(mark.id()))
          .append("\"/>\n");
    }
    return html.append("</bookmarks>\n</head>\n<body>\n");
  }

  private static String end(StringBuilder html) {
    return html.append("</body>\n</html>\n").toString();
  }

  /** Text for XHTML: the markup characters escaped, characters XML cannot hold dropped. */
  static String escape(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length() + 16);
    value
        .codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                  if (c == 0x9
                      || c == 0xA
                      || c == 0xD
                      || (c >= 0x20 && c <= 0xD7FF)
                      || (c >= 0xE000 && c <= 0xFFFD)
                      || c >= 0x10000) {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.toString();
  }
}
