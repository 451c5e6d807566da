package org.ehcflow.vocabulary;

/** The council's answer to an appeal: defend it, or concede it (an unopposed appeal, reg 45). */
public enum AppealResponse implements Code {
  DEFEND("defend"),
  CONCEDE("concede");

  private final String code;

  AppealResponse(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
