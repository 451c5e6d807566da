package org.ehcflow.vocabulary;

/**
 * How a mediation ended (regs 32-42); each ends with a certificate from the adviser or mediator.
 */
public enum MediationOutcome implements Code {
  AGREEMENT("agreement"),
  NO_AGREEMENT("no-agreement"),
  NOT_ARRANGED("not-arranged");

  private final String code;

  MediationOutcome(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
