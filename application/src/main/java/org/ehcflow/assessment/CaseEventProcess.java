package org.ehcflow.assessment;

import java.util.Set;

/**
 * A caseworker's Tasklist action on a running assessment, {@code processes/ehc-record-case-event.bpmn}:
 * records an exception to the time limits or a withdrawal, exactly as the corresponding message
 * from another system would.
 */
public final class CaseEventProcess {

  public static final String KEY = "ehc-record-case-event";

  public static final String CASE_BUSINESS_KEY = "caseBusinessKey";
  public static final String CASE_EVENT = "caseEvent";
  public static final String EXCEPTION_RECORDED = "exception-recorded";
  public static final String REQUEST_WITHDRAWN = "request-withdrawn";

  public static final Set<String> START_VARIABLES = Set.of(CASE_BUSINESS_KEY, CASE_EVENT,
      AssessmentProcess.Vars.EXCEPTION_GROUND, AssessmentProcess.Vars.EXCEPTION_NOTE,
      AssessmentProcess.Vars.WITHDRAWN_REASON);

  private CaseEventProcess() {}
}
