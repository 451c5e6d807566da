package org.ehcflow.vocabulary;

/** What may happen to a needs assessment from outside its pathway. */
public enum CaseEvent implements Code {
  EXCEPTION_RECORDED("exception-recorded"),
  REQUEST_WITHDRAWN("request-withdrawn");

  private final String code;

  CaseEvent(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
