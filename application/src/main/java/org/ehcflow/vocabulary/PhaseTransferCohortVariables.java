package org.ehcflow.vocabulary;

import java.time.LocalDate;

/**
 * The yearly phase-transfer cohort run's variables ({@code
 * processes/ehc-phase-transfer-cohort.bpmn}).
 */
public final class PhaseTransferCohortVariables {

  public static final Variable<Integer> COHORT_STARTED = Variable.number("cohortStarted");
  public static final Variable<Integer> COHORT_ALREADY_IN_TRANSFER =
      Variable.number("cohortAlreadyInTransfer");
  public static final Variable<Integer> COHORT_PLANS_CHECKED =
      Variable.number("cohortPlansChecked");
  public static final Variable<Integer> YEAR_GROUP_NOW = Variable.number("yearGroupNow");
  public static final Variable<LocalDate> COHORT_RUN_DATE = Variable.date("cohortRunDate");

  /**
   * Transient: the found reviews in batches (a list of texts), read by the multi-instance that
   * starts them.
   */
  public static final Variable<Object> COHORT_BATCHES = Variable.engineValue("cohortBatches");

  /** One batch's annual-review ids, comma-separated, local to its instance. */
  public static final Variable<String> COHORT_BATCH = Variable.text("cohortBatch");

  private PhaseTransferCohortVariables() {}
}
