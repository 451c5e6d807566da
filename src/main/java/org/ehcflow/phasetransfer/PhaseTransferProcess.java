package org.ehcflow.phasetransfer;

/** The phase-transfer review, {@code processes/ehc-phase-transfer.bpmn}. */
public final class PhaseTransferProcess {

  public static final String KEY = "ehc-phase-transfer";

  private PhaseTransferProcess() {}
}
