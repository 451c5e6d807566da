package org.ehcflow.vocabulary;

/**
 * The case-event process's variables ({@code processes/ehc-record-case-event.bpmn}): the case and
 * the event, and the event's details under the assessment's own names, as its messages carry them.
 */
public final class CaseEventVariables {

  public static final Variable<String> CASE_BUSINESS_KEY = Variable.text("caseBusinessKey");
  public static final Variable<CaseEvent> CASE_EVENT = Variable.code("caseEvent", CaseEvent.class);
  public static final Variable<ExceptionGround> EXCEPTION_GROUND =
      AssessmentVariables.EXCEPTION_GROUND;
  public static final Variable<String> EXCEPTION_NOTE = AssessmentVariables.EXCEPTION_NOTE;
  public static final Variable<String> WITHDRAWN_REASON = AssessmentVariables.WITHDRAWN_REASON;

  private CaseEventVariables() {}
}
