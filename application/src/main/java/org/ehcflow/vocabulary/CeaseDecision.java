package org.ehcflow.vocabulary;

/**
 * The confirmation of a proposal to cease a plan, after consulting the parent and the setting (reg
 * 31).
 */
public enum CeaseDecision implements Code {
  CEASE("cease"),
  CONTINUE("continue");

  private final String code;

  CeaseDecision(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
