package org.ehcflow.vocabulary;

/** The First-tier Tribunal's decision on an appeal. */
public enum TribunalOutcome implements Code {
  UPHELD("upheld"),
  PARTLY_UPHELD("partly-upheld"),
  DISMISSED("dismissed");

  private final String code;

  TribunalOutcome(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
