package org.ehcflow.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Cases at a stage of their pathway, for tests that start from there rather than walk each task by
 * hand: {@code Cases.assessment(engine, mail).child("C-1").atAdvice()}. Each builder is a {@link
 * TestCase}; see {@link CaseBuilder} for the clock and the package documentation for an example.
 */
public final class Cases {

  private Cases() {}

  /** An EHC needs assessment: requested, at the panel, at advice, ..., issued. */
  public static AssessmentCase assessment(ProcessEngine engine, GreenMailExtension mail) {
    return new AssessmentCase(engine, mail);
  }

  /** The annual review of a plan: started, at the meeting, at the decision, decided. */
  public static ReviewCase review(ProcessEngine engine, GreenMailExtension mail) {
    return new ReviewCase(engine, mail);
  }

  /** A phase-transfer review: at the review, at the amendment notice, at the plan, issued. */
  public static PhaseTransferCase phaseTransfer(ProcessEngine engine, GreenMailExtension mail) {
    return new PhaseTransferCase(engine, mail);
  }

  /** A Section 23 notification: at triage, triaged. */
  public static Section23Case section23(ProcessEngine engine, GreenMailExtension mail) {
    return new Section23Case(engine, mail);
  }
}
