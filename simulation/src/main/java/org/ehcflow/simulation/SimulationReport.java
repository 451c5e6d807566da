package org.ehcflow.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ehcflow.platform.CsvCells;
import org.ehcflow.reporting.ComplianceFigures;

/**
 * Writes a simulated year (or two, side by side) as CSV files for a spreadsheet and one
 * self-contained HTML page of charts that opens in any browser, with no script or download.
 */
public final class SimulationReport {

  private static final String[] COLOURS = {"#1d70b8", "#d4351c"};

  private SimulationReport() {}

  public static void write(SimulationResult result, Path dir, String label) {
    write(List.of(result), List.of(label), dir);
  }

  public static void compare(
      SimulationResult first,
      String firstLabel,
      SimulationResult second,
      String secondLabel,
      Path dir) {
    write(List.of(first, second), List.of(firstLabel, secondLabel), dir);
  }

  private static void write(List<SimulationResult> runs, List<String> labels, Path dir) {
    try {
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve("summary.csv"), summaryCsv(runs, labels), StandardCharsets.UTF_8);
      Files.writeString(
          dir.resolve("monthly.csv"), monthlyCsv(runs, labels), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("report.html"), html(runs, labels), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + dir, e);
    }
  }

  static String summaryCsv(List<SimulationResult> runs, List<String> labels) {
    StringBuilder csv = new StringBuilder("figure");
    labels.forEach(label -> csv.append(',').append(cell(label)));
    if (runs.size() == 2) {
      csv.append(",difference");
    }
    csv.append('\n');
    Set<String> names = new LinkedHashSet<>();
    runs.forEach(run -> names.addAll(run.summary().keySet()));
    for (String name : names) {
      csv.append(cell(name));
      List<Number> values = new ArrayList<>();
      for (SimulationResult run : runs) {
        Number value = run.summary().get(name);
        values.add(value);
        csv.append(',').append(value == null ? "" : format(value));
      }
      if (runs.size() == 2) {
        csv.append(',');
        if (values.get(0) != null && values.get(1) != null) {
          csv.append(format(values.get(1).doubleValue() - values.get(0).doubleValue()));
        }
      }
      csv.append('\n');
    }
    return csv.toString();
  }

  static String monthlyCsv(List<SimulationResult> runs, List<String> labels) {
    StringBuilder csv = new StringBuilder();
    if (runs.size() > 1) {
      csv.append("run,");
    }
    csv.append(
        "month,plans issued,within 20 weeks,20-week rate (%),issued excluding exceptions,"
            + "within 20 weeks excluding exceptions,20-week rate excluding exceptions (%),open assessments,"
            + "open assessments past 20 weeks,open phase transfers,open tasks,overdue tasks\n");
    for (int r = 0; r < runs.size(); r++) {
      SimulationResult run = runs.get(r);
      Map<String, ComplianceFigures.MonthTimeliness> timeliness = new LinkedHashMap<>();
      run.figures().timeliness().forEach(month -> timeliness.put(month.month(), month));
      for (SimulationResult.Month month : run.months()) {
        ComplianceFigures.MonthTimeliness t = timeliness.get(month.month());
        if (runs.size() > 1) {
          csv.append(cell(labels.get(r))).append(',');
        }
        csv.append(month.month()).append(',');
        if (t == null) {
          csv.append("0,0,,0,0,,");
        } else {
          csv.append(t.issued())
              .append(',')
              .append(t.within20Weeks())
              .append(',')
              .append(t.percent() == null ? "" : format(t.percent()))
              .append(',')
              .append(t.issuedExcludingExceptions())
              .append(',')
              .append(t.within20WeeksExcludingExceptions())
              .append(',')
              .append(
                  t.percentExcludingExceptions() == null
                      ? ""
                      : format(t.percentExcludingExceptions()))
              .append(',');
        }
        csv.append(month.openAssessments())
            .append(',')
            .append(month.openAssessmentsPast20Weeks())
            .append(',')
            .append(month.openPhaseTransfers())
            .append(',')
            .append(month.openTasks())
            .append(',')
            .append(month.overdueTasks())
            .append('\n');
      }
    }
    return csv.toString();
  }

  private static String html(List<SimulationResult> runs, List<String> labels) {
    StringBuilder page =
        new StringBuilder(
            """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>What-if simulation</title>
        <style>
        body{font-family:Arial,Helvetica,sans-serif;margin:24px;color:#0b0c0c;max-width:1100px}
        h1{font-size:26px}h2{font-size:20px;margin-top:28px}
        table{border-collapse:collapse;margin:8px 0}td,th{border-bottom:1px solid #b1b4b6;padding:4px 10px;text-align:right}
        td:first-child,th:first-child{text-align:left}.key span{display:inline-block;width:12px;height:12px;margin:0 4px 0 14px}
        .charts{display:flex;flex-wrap:wrap;gap:24px}figure{margin:0}figcaption{font-weight:bold;margin-bottom:4px}
        </style></head><body>
        """);
    page.append("<h1>What-if simulation: ")
        .append(escape(String.join(" compared with ", labels)))
        .append("</h1>\n");
    SimulationResult first = runs.get(0);
    page.append("<p>")
        .append(escape(first.config().start() + " to " + first.config().end()))
        .append(", seed ")
        .append(first.config().seed())
        .append(
            ". Figures are the dashboard's, computed from the simulated engine's history.</p>\n");
    page.append("<p class=\"key\">");
    for (int r = 0; r < runs.size(); r++) {
      page.append("<span style=\"background:")
          .append(COLOURS[r])
          .append("\"></span>")
          .append(escape(labels.get(r)));
    }
    page.append("</p>\n<div class=\"charts\">\n");
    List<String> months = first.months().stream().map(SimulationResult.Month::month).toList();
    page.append(
        figure(
            "New plans issued within 20 weeks, by month issued (%)",
            months,
            runs,
            run -> {
              Map<String, Double> values = new LinkedHashMap<>();
              run.figures().timeliness().forEach(t -> values.put(t.month(), t.percent()));
              return months.stream().map(values::get).toList();
            },
            100));
    page.append(
        figure(
            "Same, exceptions excluded (%)",
            months,
            runs,
            run -> {
              Map<String, Double> values = new LinkedHashMap<>();
              run.figures()
                  .timeliness()
                  .forEach(t -> values.put(t.month(), t.percentExcludingExceptions()));
              return months.stream().map(values::get).toList();
            },
            100));
    page.append(
        figure(
            "Open assessments at month end",
            months,
            runs,
            run -> run.months().stream().map(m -> (Double) (double) m.openAssessments()).toList(),
            0));
    page.append(
        figure(
            "Open assessments past 20 weeks at month end",
            months,
            runs,
            run ->
                run.months().stream()
                    .map(m -> (Double) (double) m.openAssessmentsPast20Weeks())
                    .toList(),
            0));
    List<String> partners = first.partners();
    page.append(
        figure(
            "Advice on time, by partner (%)",
            partners,
            runs,
            run ->
                partners.stream()
                    .map(
                        partner -> {
                          Number value = run.summary().get("advice on time (%): " + partner);
                          return value == null ? null : value.doubleValue();
                        })
                    .toList(),
            100));
    page.append("</div>\n<h2>Figures</h2>\n<table><tr><th>figure</th>");
    labels.forEach(label -> page.append("<th>").append(escape(label)).append("</th>"));
    if (runs.size() == 2) {
      page.append("<th>difference</th>");
    }
    page.append("</tr>\n");
    for (String line : summaryCsv(runs, labels).lines().skip(1).toList()) {
      List<String> cells = parseCsvLine(line);
      page.append("<tr>");
      cells.forEach(
          cell -> page.append("<td>").append(escape(CsvCells.restored(cell))).append("</td>"));
      page.append("</tr>\n");
    }
    page.append("</table>\n</body></html>\n");
    return page.toString();
  }

  private interface Series {
    List<Double> values(SimulationResult run);
  }

  /** A grouped bar chart as inline SVG: one group per category, one bar per run. */
  private static String figure(
      String title,
      List<String> categories,
      List<SimulationResult> runs,
      Series series,
      double fixedMax) {
    int width = 520;
    int height = 240;
    int left = 40;
    int bottom = 50;
    List<List<Double>> data = runs.stream().map(series::values).toList();
    double max = fixedMax;
    if (max <= 0) {
      max =
          data.stream()
              .flatMap(List::stream)
              .filter(v -> v != null)
              .mapToDouble(Double::doubleValue)
              .max()
              .orElse(1);
      max = Math.max(1, Math.ceil(max * 1.1));
    }
    StringBuilder svg =
        new StringBuilder("<figure><figcaption>")
            .append(escape(title))
            .append("</figcaption>")
            .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
            .append(width)
            .append("\" height=\"")
            .append(height)
            .append("\" role=\"img\" aria-label=\"")
            .append(escape(title))
            .append("\">");
    int plotHeight = height - bottom - 10;
    int plotWidth = width - left - 10;
    for (int tick = 0; tick <= 4; tick++) {
      double y = 10 + plotHeight - plotHeight * tick / 4.0;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#dddddd\"/>",
              left,
              width - 10,
              y,
              y));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>",
              left - 4,
              y + 3,
              format(max * tick / 4.0)));
    }
    double slot = plotWidth / (double) Math.max(1, categories.size());
    double barWidth = Math.max(2, (slot - 6) / runs.size());
    for (int c = 0; c < categories.size(); c++) {
      for (int r = 0; r < runs.size(); r++) {
        Double value = c < data.get(r).size() ? data.get(r).get(c) : null;
        double x = left + c * slot + 3 + r * barWidth;
        if (value != null) {
          double h = plotHeight * Math.min(value, max) / max;
          svg.append(
              String.format(
                  Locale.ROOT,
                  "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %s</title></rect>",
                  x,
                  10 + plotHeight - h,
                  barWidth - 1,
                  h,
                  COLOURS[r],
                  escape(categories.get(c)),
                  "",
                  format(value)));
        }
      }
      svg.append(label(categories.get(c), left + c * slot + slot / 2, height - bottom + 14, slot));
    }
    return svg.append("</svg></figure>\n").toString();
  }

  /** About the width of a character of Arial at 10 px, to tell whether a label fits its slot. */
  private static final double CHARACTER_WIDTH = 5.8;

  /**
   * A category's label under its bars: level when it fits, on two lines at its hyphen when each
   * half fits (a long partner name, a month), else slanted, so no label runs off the chart.
   */
  private static String label(String name, double x, int y, double slot) {
    if (name.length() * CHARACTER_WIDTH <= slot - 4) {
      return String.format(
          Locale.ROOT,
          "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>",
          x,
          y,
          escape(name));
    }
    int split = name.indexOf('-', name.length() / 3);
    if (split > 0 && Math.max(split + 1, name.length() - split - 1) * CHARACTER_WIDTH <= slot - 4) {
      return String.format(
          Locale.ROOT,
          "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">"
              + "<tspan x=\"%.1f\">%s</tspan><tspan x=\"%.1f\" dy=\"12\">%s</tspan></text>",
          x,
          y,
          x,
          escape(name.substring(0, split + 1)),
          x,
          escape(name.substring(split + 1)));
    }
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"end\" transform=\"rotate(-40 %.1f %d)\">%s</text>",
        x,
        y,
        x,
        y,
        escape(name));
  }

  static List<String> parseCsvLine(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  /**
   * Labels and figure names are typed by a person; numbers are written by {@link #format} unquoted.
   */
  static String cell(String text) {
    return CsvCells.text(text);
  }

  static String format(Number value) {
    double v = value.doubleValue();
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
