package org.ehcflow.vocabulary;

/** The caseworker's answer to a request for re-assessment, sent within 15 days. */
public enum ReassessDecision implements Code {
  REASSESS("reassess"),
  REFUSE("refuse");

  private final String code;

  ReassessDecision(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
