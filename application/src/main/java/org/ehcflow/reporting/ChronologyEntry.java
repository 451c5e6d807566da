package org.ehcflow.reporting;

/**
 * One step in a child's case history, across every pathway.
 *
 * @param at when it happened (London date and time, ISO)
 * @param kind {@code case-opened}, {@code task}, {@code decision}, {@code notice}, {@code
 *     deadline}, {@code exception}, {@code case-closed}, {@code document}
 * @param by the user who acted, where a person did
 * @param noticeId on a {@code notice}: the notice to read in full ({@code
 *     /api/cases/{childId}/notices})
 * @param delivery on a {@code notice}: where it stands, in words ({@link CaseNotice#delivery})
 * @param documentId on a {@code document}: the document to open ({@code /api/documents/{id}})
 */
public record ChronologyEntry(
    String at,
    String pathway,
    String caseKey,
    String processInstanceId,
    String kind,
    String event,
    String by,
    String detail,
    String noticeId,
    String delivery,
    String documentId) {

  /** Every kind but a notice and a document. */
  static ChronologyEntry of(
      String at,
      String pathway,
      String caseKey,
      String processInstanceId,
      String kind,
      String event,
      String by,
      String detail) {
    return new ChronologyEntry(
        at, pathway, caseKey, processInstanceId, kind, event, by, detail, null, null, null);
  }
}
