package org.ehcflow.review;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV from text already decoded: quoted fields with doubled quotes, commas and line
 * breaks inside quotes, CRLF or LF line ends, and a UTF-8 byte order mark at the start (as
 * spreadsheets write it). Each record carries the physical line it starts on, so a caseworker can
 * find it in the file. A quote inside an unquoted field is kept as text, as spreadsheets do.
 */
public final class CsvReader {

  /** One record of the file and the line it starts on (the first line is 1). */
  public record Record(int line, List<String> fields) {

    public boolean isBlank() {
      return fields.stream().allMatch(String::isBlank);
    }
  }

  /** The text cannot be read as CSV at all: everything after the fault would be misread. */
  public static class FormatException extends RuntimeException {

    public FormatException(int line, String what) {
      super("line " + line + ": " + what);
    }
  }

  private final String text;
  private int pos;
  private int line = 1;

  public CsvReader(String text) {
    this.text = text;
    this.pos = text.startsWith("\uFEFF") ? 1 : 0;
  }

  /**
   * The next record, or null at the end of the text. An empty line is a record of one empty field.
   */
  public Record next() {
    if (pos >= text.length()) {
      return null;
    }
    int start = line;
    List<String> fields = new ArrayList<>();
    while (true) {
      fields.add(at('"') ? quotedField(start) : plainField());
      if (at(',')) {
        pos++;
        continue;
      }
      endOfLine();
      return new Record(start, fields);
    }
  }

  private String plainField() {
    int from = pos;
    while (pos < text.length() && !at(',') && !at('\r') && !at('\n')) {
      pos++;
    }
    return text.substring(from, pos);
  }

  private String quotedField(int recordLine) {
    StringBuilder field = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= text.length()) {
        throw new FormatException(recordLine, "a quoted value is never closed (a missing \")");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
          field.append('"');
          pos += 2;
          continue;
        }
        pos++;
        if (pos < text.length() && !at(',') && !at('\r') && !at('\n')) {
          throw new FormatException(
              line, "text follows a closing quote (a quote inside a quoted value is doubled)");
        }
        return field.toString();
      }
      if (c == '\n' || c == '\r' && !followedByLf()) {
        line++;
      }
      field.append(c);
      pos++;
    }
  }

  private void endOfLine() {
    if (at('\r')) {
      pos++;
    }
    if (at('\n')) {
      pos++;
    }
    line++;
  }

  private boolean at(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private boolean followedByLf() {
    return pos + 1 < text.length() && text.charAt(pos + 1) == '\n';
  }
}
