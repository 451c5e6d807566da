package org.ehcflow.vocabulary;

/** How a proposal to cease a plan ended: the plan ceased, or it is kept. */
public enum CeaseOutcome implements Code {
  CEASED("ceased"),
  KEPT("kept");

  private final String code;

  CeaseOutcome(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
