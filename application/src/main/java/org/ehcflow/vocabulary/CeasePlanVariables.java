package org.ehcflow.vocabulary;

import java.time.LocalDate;

/**
 * Ceasing to maintain a plan ({@code processes/ehc-cease-plan.bpmn}), whether an annual review
 * proposes it or a caseworker does between reviews. The annual review refers to these names for
 * what it passes in and reads back.
 */
public final class CeasePlanVariables {

  public static final Variable<String> CHILD_ID = ChildVariables.CHILD_ID;
  public static final Variable<String> CHILD_NAME = ChildVariables.CHILD_NAME;
  public static final Variable<LocalDate> DATE_OF_BIRTH = ChildVariables.DATE_OF_BIRTH;
  public static final Variable<String> NHS_NUMBER = ChildVariables.NHS_NUMBER;
  public static final Variable<String> PARENT_EMAIL = ChildVariables.PARENT_EMAIL;
  public static final Variable<String> NAMED_SETTING = Variable.text("namedSetting");

  /** The SEN2 reason proposed (1 to 9), and kept as the reason the plan ceased. */
  public static final Variable<CeaseReason> CEASE_REASON =
      Variable.code("ceaseReason", CeaseReason.class);

  /** The day ceasing was proposed: the review's decision letter, or the caseworker's proposal. */
  public static final Variable<LocalDate> CEASE_PROPOSED_DATE = Variable.date("ceaseProposedDate");

  /** Regs 29-30: the facts the eligibility table reads when ceasing is proposed between reviews. */
  public static final Variable<Boolean> IN_EDUCATION_OR_TRAINING =
      Variable.flag("inEducationOrTraining");

  public static final Variable<Boolean> WISHES_TO_RETURN_TO_EDUCATION =
      Variable.flag("wishesToReturnToEducation");
  public static final Variable<Boolean> IN_PAID_EMPLOYMENT = Variable.flag("inPaidEmployment");
  public static final Variable<Boolean> IN_HIGHER_EDUCATION = Variable.flag("inHigherEducation");

  /** Set at start: age on the proposed date, and whether the plan's age limit (s.46) has passed. */
  public static final Variable<Integer> AGE_AT_PROPOSAL = Variable.number("ageAtProposal");

  public static final Variable<Boolean> PAST_PLAN_AGE_LIMIT = Variable.flag("pastPlanAgeLimit");

  /** Set at start: whether an annual review proposed ceasing (and so weighed it already). */
  public static final Variable<Boolean> PROPOSED_AT_REVIEW = Variable.flag("proposedAtReview");

  /**
   * Why ceasing is proposed, as the "considering" and decision letters give it: the review's
   * reasons, or the caseworker's; between reviews, the eligibility table's reason when none is
   * given.
   */
  public static final Variable<String> CEASE_PROPOSAL_REASON = Variable.text("ceaseProposalReason");

  public static final Variable<CeaseEligibility> CEASE_ELIGIBILITY =
      Variable.code("ceaseEligibility", CeaseEligibility.class);
  public static final Variable<String> CEASE_ELIGIBILITY_REASON =
      Variable.text("ceaseEligibilityReason");

  /** The start variable a refusal names. */
  public static final Variable<String> CEASE_ELIGIBILITY_FIELD =
      Variable.text("ceaseEligibilityField");

  public static final Variable<Object> CEASE_ELIGIBILITY_RESULT =
      Variable.engineValue("ceaseEligibilityResult");

  public static final Variable<String> CEASE_CONSULTATION_SUMMARY =
      Variable.text("ceaseConsultationSummary");
  public static final Variable<CeaseDecision> CEASE_CONFIRMED =
      Variable.code("ceaseConfirmed", CeaseDecision.class);
  public static final Variable<LocalDate> CEASE_DECISION_DATE = Variable.date("ceaseDecisionDate");
  public static final Variable<LocalDate> APPEAL_WINDOW_ENDS = Variable.date("appealWindowEnds");

  /** The day a mediation certificate was issued, as the message recording it gives it. */
  public static final Variable<LocalDate> MEDIATION_CERTIFICATE_DATE =
      Variable.date("mediationCertificateDate");

  public static final Variable<AppealOutcome> APPEAL_OUTCOME =
      Variable.code("appealOutcome", AppealOutcome.class);
  public static final Variable<LocalDate> APPEAL_OUTCOME_DATE = Variable.date("appealOutcomeDate");
  public static final Variable<String> APPEAL_NOTE = Variable.text("appealNote");

  /** SEN2: the day the plan actually ended, not the decision date. */
  public static final Variable<LocalDate> PLAN_CEASED_DATE = Variable.date("planCeasedDate");

  public static final Variable<CeaseOutcome> CEASE_OUTCOME =
      Variable.code("ceaseOutcome", CeaseOutcome.class);

  /** Set on ceasing between reviews: how many running annual reviews of the child ended. */
  public static final Variable<Integer> REVIEWS_ENDED = Variable.number("reviewsEnded");

  private CeasePlanVariables() {}
}
