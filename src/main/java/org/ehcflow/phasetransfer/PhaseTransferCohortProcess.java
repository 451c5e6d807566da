package org.ehcflow.phasetransfer;

/** The yearly run that starts every phase-transfer review, {@code processes/ehc-phase-transfer-cohort.bpmn}. */
public final class PhaseTransferCohortProcess {

  public static final String KEY = "ehc-phase-transfer-cohort";
  public static final String DECISION = "decision_phaseTransferCohort";
  /** Runs the cohort now, for a council that starts using the system mid-year. */
  public static final String RUN_NOW_MESSAGE = "ehc.run-phase-transfer-cohort";

  public static final class Vars {
    public static final String COHORT_STARTED = "cohortStarted";
    public static final String COHORT_ALREADY_IN_TRANSFER = "cohortAlreadyInTransfer";
    public static final String COHORT_PLANS_CHECKED = "cohortPlansChecked";
    public static final String YEAR_GROUP_NOW = "yearGroupNow";

    private Vars() {}
  }

  private PhaseTransferCohortProcess() {}
}
