package org.ehcflow.reporting.sen2;

import java.util.List;
import java.util.Map;

/**
 * RFC 4180 CSV: a header row, one record per line ended by CRLF, a field quoted when it holds a
 * comma, a double quote, CR or LF, with its double quotes doubled.
 */
public final class Sen2Csv {

  static final String LINE_END = "\r\n";

  private Sen2Csv() {}

  public static String write(Sen2Module module, List<Map<String, String>> rows) {
    StringBuilder csv = new StringBuilder();
    line(csv, module.columns());
    for (Map<String, String> row : rows) {
      line(csv, module.columns().stream().map(column -> row.getOrDefault(column, "")).toList());
    }
    return csv.toString();
  }

  private static void line(StringBuilder csv, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(field(fields.get(i)));
    }
    csv.append(LINE_END);
  }

  public static String field(String value) {
    if (value == null) {
      return "";
    }
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
