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
    /** The day the run found its cohort: every batch starts that year's transfers. */
    public static final String COHORT_RUN_DATE = "cohortRunDate";
    /** Transient: the found reviews in batches, read by the multi-instance that starts them. */
    public static final String COHORT_BATCHES = "cohortBatches";
    /** One batch's annual-review ids, comma-separated, local to its instance. */
    public static final String COHORT_BATCH = "cohortBatch";

    private Vars() {}
  }

  public static final class Elements {
    public static final String FIND_COHORT = "serviceTask_findChildrenChangingPhase";
    public static final String START_BATCH = "serviceTask_startTransferReviewsOfBatch";

    private Elements() {}
  }

  private PhaseTransferCohortProcess() {}
}
