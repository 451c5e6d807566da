package org.ehcflow.vocabulary;

/** The case-event process's variables ({@code processes/ehc-record-case-event.bpmn}). */
public final class CaseEventVariables {

  public static final Variable<String> CASE_BUSINESS_KEY = Variable.text("caseBusinessKey");
  public static final Variable<CaseEvent> CASE_EVENT = Variable.code("caseEvent", CaseEvent.class);

  private CaseEventVariables() {}
}
