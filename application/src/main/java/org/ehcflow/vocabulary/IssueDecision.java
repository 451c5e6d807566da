package org.ehcflow.vocabulary;

/**
 * Whether to issue an EHC plan after the assessment (s.37(1)): the recommendation and the decision.
 */
public enum IssueDecision implements Code {
  ISSUE("issue"),
  DO_NOT_ISSUE("do-not-issue");

  private final String code;

  IssueDecision(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
