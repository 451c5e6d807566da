package org.ehcflow.vocabulary;

import java.time.LocalDate;

/** The annual review's variables ({@code processes/ehc-annual-review.bpmn}). */
public final class AnnualReviewVariables {

  public static final Variable<String> CHILD_ID = ChildVariables.CHILD_ID;
  public static final Variable<String> CHILD_NAME = ChildVariables.CHILD_NAME;
  public static final Variable<String> NHS_NUMBER = ChildVariables.NHS_NUMBER;
  public static final Variable<LocalDate> DATE_OF_BIRTH = ChildVariables.DATE_OF_BIRTH;
  public static final Variable<String> PARENT_EMAIL = ChildVariables.PARENT_EMAIL;
  public static final Variable<LocalDate> PLAN_ISSUED_DATE = Variable.date("planIssuedDate");
  public static final Variable<LocalDate> LAST_REVIEW_DECISION_DATE =
      Variable.date("lastReviewDecisionDate");
  public static final Variable<Integer> YEAR_GROUP = Variable.number("yearGroup");
  public static final Variable<String> NAMED_SETTING = AmendPlanVariables.NAMED_SETTING;
  public static final Variable<SettingPhase> SETTING_PHASE =
      Variable.code("settingPhase", SettingPhase.class);
  public static final Variable<LocalDate> REVIEW_DUE = Variable.date("reviewDue");

  /**
   * Optional at start: the review's due date when another rule than 12 months from the last review
   * sets it (a plan transferred in from another council, reg 15(5)).
   */
  public static final Variable<LocalDate> REVIEW_DUE_BY = Variable.date("reviewDueBy");

  public static final Variable<LocalDate> PREPARATION_OPENS = Variable.date("preparationOpens");
  public static final Variable<String> REVIEW_HOST_GROUP = Variable.text("reviewHostGroup");
  public static final Variable<Integer> AGE_IN_YEARS = Variable.number("ageInYears");
  public static final Variable<Boolean> PREPARING_FOR_ADULTHOOD =
      Variable.flag("preparingForAdulthood");
  public static final Variable<Object> REVIEW_INVITEES = Variable.engineValue("reviewInvitees");
  public static final Variable<LocalDate> REVIEW_MEETING_DATE = Variable.date("reviewMeetingDate");
  public static final Variable<LocalDate> ADVICE_CIRCULATION_DUE =
      Variable.date("adviceCirculationDue");
  public static final Variable<LocalDate> REVIEW_REPORT_DUE = Variable.date("reviewReportDue");
  public static final Variable<LocalDate> REVIEW_DECISION_DUE = Variable.date("reviewDecisionDue");
  public static final Variable<ReviewDecision> REVIEW_RECOMMENDATION =
      Variable.code("reviewRecommendation", ReviewDecision.class);
  public static final Variable<String> REVIEW_RECOMMENDATION_REASON =
      Variable.text("reviewRecommendationReason");
  public static final Variable<ReviewDecision> REVIEW_DECISION =
      Variable.code("reviewDecision", ReviewDecision.class);
  public static final Variable<LocalDate> REVIEW_DECISION_DATE =
      Variable.date("reviewDecisionDate");
  public static final Variable<Boolean> REVIEW_DECISION_LATE = Variable.flag("reviewDecisionLate");
  public static final Variable<LocalDate> AMENDMENT_NOTICE_DATE =
      AmendPlanVariables.AMENDMENT_NOTICE_DATE;
  public static final Variable<LocalDate> AMENDMENT_COMMENT_WINDOW_ENDS =
      AmendPlanVariables.AMENDMENT_COMMENT_WINDOW_ENDS;
  public static final Variable<LocalDate> AMENDED_PLAN_DUE = AmendPlanVariables.AMENDED_PLAN_DUE;
  public static final Variable<LocalDate> FINAL_AMENDED_PLAN_ISSUED_DATE =
      AmendPlanVariables.FINAL_AMENDED_PLAN_ISSUED_DATE;
  public static final Variable<String> NAMED_SETTING_EMAIL = AmendPlanVariables.NAMED_SETTING_EMAIL;
  public static final Variable<CeaseReason> CEASE_REASON = CeasePlanVariables.CEASE_REASON;
  public static final Variable<CeaseDecision> CEASE_CONFIRMED = CeasePlanVariables.CEASE_CONFIRMED;
  public static final Variable<LocalDate> CEASE_DECISION_DATE =
      CeasePlanVariables.CEASE_DECISION_DATE;
  public static final Variable<LocalDate> APPEAL_WINDOW_ENDS =
      CeasePlanVariables.APPEAL_WINDOW_ENDS;

  public static final Variable<LocalDate> MEDIATION_CERTIFICATE_DATE =
      CeasePlanVariables.MEDIATION_CERTIFICATE_DATE;

  public static final Variable<AppealOutcome> APPEAL_OUTCOME = CeasePlanVariables.APPEAL_OUTCOME;
  public static final Variable<LocalDate> APPEAL_OUTCOME_DATE =
      CeasePlanVariables.APPEAL_OUTCOME_DATE;
  public static final Variable<LocalDate> PLAN_CEASED_DATE = CeasePlanVariables.PLAN_CEASED_DATE;
  public static final Variable<CeaseOutcome> CEASE_OUTCOME = CeasePlanVariables.CEASE_OUTCOME;
  public static final Variable<String> NEXT_REVIEW_BUSINESS_KEY =
      Variable.text("nextReviewBusinessKey");
  public static final Variable<LocalDate> PLAN_LAST_DAY = Variable.date("planLastDay");
  public static final Variable<Boolean> PLAN_RUNS_TO_NEXT_REVIEW =
      Variable.flag("planRunsToNextReview");

  /**
   * Whether a review was held in this cycle before the plan's last day was found: false when the
   * plan reaches the age limit before the review scheduled at the start falls due.
   */
  public static final Variable<Boolean> REVIEW_HELD_THIS_CYCLE =
      Variable.flag("reviewHeldThisCycle");

  public static final Variable<String> SUPERSEDED_BY = Variable.text("supersededBy");
  public static final Variable<LocalDate> ADVICE_CIRCULATED_DATE =
      Variable.date("adviceCirculatedDate");
  public static final Variable<String> ADVICE_CIRCULATION_NOTE =
      Variable.text("adviceCirculationNote");
  public static final Variable<String> REVIEW_REPORT = Variable.text("reviewReport");
  public static final Variable<Boolean> NEEDS_CHANGED = Variable.flag("needsChanged");
  public static final Variable<Boolean> OUTCOMES_STILL_APPROPRIATE =
      Variable.flag("outcomesStillAppropriate");
  public static final Variable<Boolean> STILL_NEEDS_PLAN = Variable.flag("stillNeedsPlan");
  public static final Variable<Boolean> PFA_DISCUSSED = Variable.flag("pfaDiscussed");
  public static final Variable<String> RECOMMENDED_CHANGES = Variable.text("recommendedChanges");
  public static final Variable<String> REVIEW_DECISION_REASON =
      Variable.text("reviewDecisionReason");
  public static final Variable<String> PROPOSED_AMENDMENTS = AmendPlanVariables.PROPOSED_AMENDMENTS;
  public static final Variable<String> PARENT_AMENDMENT_COMMENTS =
      AmendPlanVariables.PARENT_AMENDMENT_COMMENTS;
  public static final Variable<Boolean> MEETING_REQUESTED = AmendPlanVariables.MEETING_REQUESTED;
  public static final Variable<String> REQUESTED_SETTING = AmendPlanVariables.REQUESTED_SETTING;
  public static final Variable<AmendmentDecision> AMENDMENT_DECISION =
      AmendPlanVariables.AMENDMENT_DECISION;
  public static final Variable<LocalDate> NOT_AMENDING_NOTICE_DATE =
      AmendPlanVariables.NOT_AMENDING_NOTICE_DATE;
  public static final Variable<String> CEASE_CONSULTATION_SUMMARY =
      CeasePlanVariables.CEASE_CONSULTATION_SUMMARY;
  public static final Variable<String> APPEAL_NOTE = CeasePlanVariables.APPEAL_NOTE;

  private AnnualReviewVariables() {}
}
