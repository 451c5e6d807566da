package org.ehcflow.vocabulary;

/**
 * Where an order comes from: the Tribunal's decision, an appeal the council did not oppose (reg
 * 45), or a written mediation agreement (reg 42).
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
