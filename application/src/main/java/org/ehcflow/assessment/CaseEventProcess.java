package org.ehcflow.assessment;

import org.ehcflow.vocabulary.Pathways;

/**
 * A caseworker's Tasklist action on a running assessment, {@code
 * processes/ehc-record-case-event.bpmn}: records an exception to the time limits or a withdrawal,
 * exactly as the corresponding message from another system would.
 */
public final class CaseEventProcess {

  public static final String KEY = Pathways.CASE_EVENT;

  private CaseEventProcess() {}
}
