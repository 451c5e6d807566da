package org.ehcflow.casefile;

/**
 * A document, or the request carrying it, that the case file does not take: the status says whose
 * turn it is (400 the file or a field, 403 not the caller's task, 404 no such task or document, 409
 * the task has closed or the document is already there, 413 too large, 503 the database could not
 * be reached), and the message names what to change.
 */
public class DocumentRefused extends RuntimeException {

  private final int status;
  private final String field;

  public DocumentRefused(int status, String field, String message) {
    super(message);
    this.status = status;
    this.field = field;
  }

  public int status() {
    return status;
  }

  /** The request part the refusal is about ({@code file}, {@code title}), or null. */
  public String field() {
    return field;
  }
}
