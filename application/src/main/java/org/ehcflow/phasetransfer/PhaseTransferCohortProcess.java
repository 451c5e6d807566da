package org.ehcflow.phasetransfer;

import org.ehcflow.vocabulary.Pathways;

/**
 * The yearly run that starts every phase-transfer review, {@code
 * processes/ehc-phase-transfer-cohort.bpmn}.
 */
public final class PhaseTransferCohortProcess {

  public static final String KEY = Pathways.PHASE_TRANSFER_COHORT;
  public static final String DECISION = "decision_phaseTransferCohort";

  /** Runs the cohort now, for a council that starts using the system mid-year. */
  public static final String RUN_NOW_MESSAGE = Pathways.Messages.RUN_PHASE_TRANSFER_COHORT;

  public static final class Elements {
    public static final String FIND_COHORT = "serviceTask_findChildrenChangingPhase";
    public static final String START_BATCH = "serviceTask_startTransferReviewsOfBatch";

    private Elements() {}
  }

  private PhaseTransferCohortProcess() {}
}
