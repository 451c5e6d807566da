package org.ehcflow.platform;

/**
 * The one place where a CSV cell the product writes is made safe to open in a spreadsheet, and
 * where the plan import reads such a cell back.
 *
 * <p>Spreadsheets run a cell that begins with {@code =}, {@code +}, {@code -} or {@code @} as a
 * formula (and some programs strip a leading tab or carriage return first), so a child named {@code
 * =HYPERLINK(...)} would become a live link in a manager's copy of the return. Following the OWASP
 * CSV injection guidance such a text cell is written with a single quote in front, which
 * spreadsheets show as text and do not display.
 *
 * <p>So that neutralising is lossless, a text that already begins with one or more quotes followed
 * by one of those characters gets one more quote; {@link #restored} takes exactly one off again.
 * Any text therefore exports and imports back to itself.
 *
 * <p>Numbers the product computes are written by the caller as numbers, without a quote: a negative
 * difference must stay a number a spreadsheet can sum, and a computed number cannot carry a
 * formula.
 */
public final class CsvCells {

  private CsvCells() {}

  /** A text cell, neutralised and quoted as RFC 4180 requires (comma, quote, CR or LF inside). */
  public static String text(String value) {
    if (value == null) {
      return "";
    }
    return quoted(neutralised(value));
  }

  /** The value with a quote in front if a spreadsheet would read it as a formula. */
  public static String neutralised(String value) {
    return value != null && startsLikeAFormula(value, 0) ? "'" + value : value;
  }

  /**
   * The value as it was before {@link #neutralised}: one leading quote taken off where one was
   * added.
   */
  public static String restored(String value) {
    return value != null && value.startsWith("'") && startsLikeAFormula(value, 1)
        ? value.substring(1)
        : value;
  }

  /**
   * Quotes a field that holds a comma, a double quote, CR or LF, with its double quotes doubled.
   */
  public static String quoted(String value) {
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\r') < 0
        && value.indexOf('\n') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  /** From {@code from}: any quotes, then a character that starts a formula. */
  private static boolean startsLikeAFormula(String value, int from) {
    int i = from;
    while (i < value.length() && value.charAt(i) == '\'') {
      i++;
    }
    if (i == value.length()) {
      return false;
    }
    return switch (value.charAt(i)) {
      case '=', '+', '-', '@', '\t', '\r' -> true;
      default -> false;
    };
  }
}
