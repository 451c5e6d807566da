package org.ehcflow.vocabulary;

/**
 * Where an order to comply with came from: the Tribunal's decision, the council's concession (reg
 * 45) or a mediation agreement (reg 42).
 */
public enum OrderSource implements Code {
  TRIBUNAL("tribunal"),
  UNOPPOSED("unopposed"),
  MEDIATION_AGREEMENT("mediation-agreement");

  private final String code;

  OrderSource(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
