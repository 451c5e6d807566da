package org.ehcflow.vocabulary;

/**
 * Whether to carry out an EHC needs assessment (s.36(8)): the panel's recommendation and the
 * decision.
 */
public enum AssessDecision implements Code {
  ASSESS("assess"),
  DO_NOT_ASSESS("do-not-assess");

  private final String code;

  AssessDecision(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
