package org.ehcflow.reporting.sen2;

import java.util.List;
import java.util.Map;
import org.ehcflow.platform.CsvCells;

/**
 * RFC 4180 CSV: a header row, one record per line ended by CRLF, a field quoted when it holds a
 * comma, a double quote, CR or LF, with its double quotes doubled.
 *
 * <p>Every field is neutralised against formulas ({@link CsvCells}). No SEN2 item is a signed
 * number: dates are {@code yyyy-MM-dd}, identifiers, codes and Y/N flags begin with a letter or
 * digit, so a value as the DfE specifies it is never changed, and a value that is changed (a name
 * or setting typed as {@code =...}) was free text, not a machine-read item.
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
    return CsvCells.text(value);
  }
}
