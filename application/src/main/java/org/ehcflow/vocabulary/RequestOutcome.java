package org.ehcflow.vocabulary;

/** The SEN2 outcome of a request for assessment. */
public enum RequestOutcome implements Code {
  ASSESSED("Y"),
  NOT_ASSESSED("N"),
  WITHDRAWN("W");

  private final String code;

  RequestOutcome(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
