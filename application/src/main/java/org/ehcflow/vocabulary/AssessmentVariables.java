package org.ehcflow.vocabulary;

import java.time.LocalDate;

/** The needs assessment's variables ({@code processes/ehc-needs-assessment.bpmn}). */
public final class AssessmentVariables {

  public static final Variable<String> CHILD_ID = ChildVariables.CHILD_ID;
  public static final Variable<String> CHILD_NAME = ChildVariables.CHILD_NAME;
  public static final Variable<LocalDate> DATE_OF_BIRTH = ChildVariables.DATE_OF_BIRTH;
  public static final Variable<LocalDate> REQUEST_RECEIVED_DATE =
      Variable.date("requestReceivedDate");
  public static final Variable<Requester> REQUESTER = Variable.code("requester", Requester.class);
  public static final Variable<String> PARENT_EMAIL = ChildVariables.PARENT_EMAIL;
  public static final Variable<Integer> YEAR_GROUP = Variable.number("yearGroup");
  public static final Variable<PrimaryNeed> PRIMARY_NEED =
      Variable.code("primaryNeed", PrimaryNeed.class);
  public static final Variable<Boolean> KNOWN_TO_SOCIAL_CARE = Variable.flag("knownToSocialCare");
  public static final Variable<Boolean> LOOKED_AFTER = Variable.flag("lookedAfter");
  public static final Variable<Boolean> HEARING_OR_VISION_IMPAIRMENT =
      Variable.flag("hearingOrVisionImpairment");
  public static final Variable<String> SETTING_EMAIL = Variable.text("settingEmail");
  public static final Variable<String> SECTION_23_NOTIFICATION_ID =
      Variable.text("section23NotificationId");
  public static final Variable<String> NHS_NUMBER = ChildVariables.NHS_NUMBER;
  public static final Variable<LocalDate> DECISION_TO_ASSESS_DUE =
      Variable.date("decisionToAssessDue");
  public static final Variable<LocalDate> NO_PLAN_NOTICE_DUE = Variable.date("noPlanNoticeDue");
  public static final Variable<LocalDate> FINAL_PLAN_DUE = Variable.date("finalPlanDue");
  public static final Variable<LocalDate> DRAFT_PLAN_TARGET = Variable.date("draftPlanTarget");
  public static final Variable<Integer> AGE_IN_YEARS = Variable.number("ageInYears");
  public static final Variable<Object> REGULATION_4_RECIPIENTS =
      Variable.engineValue("regulation4Recipients");
  public static final Variable<String> SECTION_23_SUMMARY = Variable.text("section23Summary");
  public static final Variable<AssessDecision> ASSESS_RECOMMENDATION =
      Variable.code("assessRecommendation", AssessDecision.class);
  public static final Variable<AssessDecision> ASSESS_DECISION =
      Variable.code("assessDecision", AssessDecision.class);
  public static final Variable<String> ASSESS_DECISION_REASON =
      Variable.text("assessDecisionReason");
  public static final Variable<RequestOutcome> REQUEST_OUTCOME =
      Variable.code("requestOutcome", RequestOutcome.class);
  public static final Variable<LocalDate> REQUEST_OUTCOME_DATE =
      Variable.date("requestOutcomeDate");
  public static final Variable<Object> ADVICE_REQUIRED = Variable.engineValue("adviceRequired");
  public static final Variable<Object> REUSED_ADVICE = Variable.engineValue("reusedAdvice");
  public static final Variable<Object> ADVICE_REQUESTS = Variable.engineValue("adviceRequests");
  public static final Variable<Object> ADVICE_REQUEST = Variable.engineValue("adviceRequest");

  /**
   * The kind of advice an adviser's request asks for, as the advice table names it: one of {@link
   * AdviceKind} or a kind the table adds ({@code parent-requested}, or one a process owner adds
   * with a changed table), so text rather than the closed list.
   */
  public static final Variable<String> ADVICE_TYPE = Variable.text("adviceType");

  public static final Variable<String> ADVISER_GROUP = Variable.text("adviserGroup");
  public static final Variable<String> ADVICE_LABEL = Variable.text("adviceLabel");
  public static final Variable<LocalDate> ADVICE_REQUESTED_DATE =
      Variable.date("adviceRequestedDate");
  public static final Variable<LocalDate> ADVICE_DUE = Variable.date("adviceDue");
  public static final Variable<LocalDate> ADVICE_RECEIVED_DATE =
      Variable.date("adviceReceivedDate");
  public static final Variable<String> ADVICE_SUMMARY = Variable.text("adviceSummary");
  public static final Variable<Object> ADVICE_RECEIVED = Variable.engineValue("adviceReceived");
  public static final Variable<IssueDecision> ISSUE_RECOMMENDATION =
      Variable.code("issueRecommendation", IssueDecision.class);
  public static final Variable<IssueDecision> ISSUE_DECISION =
      Variable.code("issueDecision", IssueDecision.class);
  public static final Variable<String> ISSUE_DECISION_REASON = Variable.text("issueDecisionReason");
  public static final Variable<AssessmentOutcome> ASSESSMENT_OUTCOME =
      Variable.code("assessmentOutcome", AssessmentOutcome.class);
  public static final Variable<LocalDate> ASSESSMENT_OUTCOME_DATE =
      Variable.date("assessmentOutcomeDate");
  public static final Variable<LocalDate> DRAFT_SERVED_DATE = Variable.date("draftServedDate");
  public static final Variable<LocalDate> COMMENT_WINDOW_ENDS = Variable.date("commentWindowEnds");
  public static final Variable<Boolean> PARENT_RESPONDED = Variable.flag("parentResponded");
  public static final Variable<String> PREFERRED_SETTING = Variable.text("preferredSetting");
  public static final Variable<String> PREFERRED_SETTING_EMAIL =
      Variable.text("preferredSettingEmail");
  public static final Variable<LocalDate> CONSULTATION_SENT_DATE =
      Variable.date("consultationSentDate");
  public static final Variable<LocalDate> CONSULTATION_RESPONSE_DUE =
      Variable.date("consultationResponseDue");
  public static final Variable<LocalDate> CONSULTATION_DECIDE_WITHOUT_REPLY_FROM =
      Variable.date("consultationDecideWithoutReplyFrom");
  public static final Variable<ConsultationResponse> CONSULTATION_RESPONSE =
      Variable.code("consultationResponse", ConsultationResponse.class);
  public static final Variable<LocalDate> FINAL_PLAN_ISSUED_DATE =
      Variable.date("finalPlanIssuedDate");
  public static final Variable<String> NAMED_SETTING = Variable.text("namedSetting");
  public static final Variable<String> NAMED_SETTING_EMAIL = Variable.text("namedSettingEmail");
  public static final Variable<Boolean> FINAL_PLAN_LATE = Variable.flag("finalPlanLate");
  public static final Variable<String> ANNUAL_REVIEW_BUSINESS_KEY =
      Variable.text("annualReviewBusinessKey");
  public static final Variable<Boolean> EXCEPTIONS_APPLY = Variable.flag("exceptionsApply");
  public static final Variable<ExceptionGround> EXCEPTION_GROUND =
      Variable.code("exceptionGround", ExceptionGround.class);
  public static final Variable<String> EXCEPTION_NOTE = Variable.text("exceptionNote");
  public static final Variable<LocalDate> EXCEPTION_RECORDED_DATE =
      Variable.date("exceptionRecordedDate");
  public static final Variable<String> WITHDRAWN_REASON = Variable.text("withdrawnReason");
  public static final Variable<LocalDate> WITHDRAWN_DATE = Variable.date("withdrawnDate");

  /**
   * Why the case ended without an outcome of its own: {@link #ENDED_AS_MOVED} when the child moved
   * to another council (reg 15: an assessment in progress does not transfer).
   */
  public static final Variable<String> ASSESSMENT_ENDED_AS = Variable.text("assessmentEndedAs");

  public static final String ENDED_AS_MOVED = "moved";

  /** The day the plan or the child's case went to the new council, from the transfer out. */
  public static final Variable<LocalDate> MOVED_AWAY_DATE = Variable.date("movedAwayDate");

  /** The council the child moved to. */
  public static final Variable<String> MOVED_TO = Variable.text("movedTo");

  public static final Variable<Integer> GRADUATED_APPROACH_CYCLES =
      Variable.number("graduatedApproachCycles");
  public static final Variable<Boolean> PROGRESS_DESPITE_SUPPORT =
      Variable.flag("progressDespiteSupport");
  public static final Variable<Boolean> NEEDS_ACROSS_EDUCATION_HEALTH_CARE =
      Variable.flag("needsAcrossEducationHealthCare");
  public static final Variable<String> EVIDENCE_SUMMARY = Variable.text("evidenceSummary");
  public static final Variable<String> ASSESS_RECOMMENDATION_REASON =
      Variable.text("assessRecommendationReason");

  /**
   * The professional the parent reasonably asked the council to consult (reg 6(1)(h)): free text,
   * not a yes or no.
   */
  public static final Variable<String> PARENT_REQUESTED_ADVICE =
      Variable.text("parentRequestedAdvice");

  public static final Variable<Boolean> REUSE_AGREED_BY_ALL_THREE =
      Variable.flag("reuseAgreedByAllThree");
  public static final Variable<String> CHASE_NOTE = Variable.text("chaseNote");
  public static final Variable<String> ESCALATION_NOTE = Variable.text("escalationNote");
  public static final Variable<Boolean> PROVISION_BEYOND_SETTING =
      Variable.flag("provisionBeyondSetting");
  public static final Variable<Boolean> PROGRESS_WITH_SEN_SUPPORT =
      Variable.flag("progressWithSenSupport");
  public static final Variable<String> ADVICE_CONCLUSION = Variable.text("adviceConclusion");
  public static final Variable<String> ISSUE_RECOMMENDATION_REASON =
      Variable.text("issueRecommendationReason");
  public static final Variable<String> SECTION_A = Variable.text("sectionA");
  public static final Variable<String> SECTION_B = Variable.text("sectionB");
  public static final Variable<String> SECTION_C = Variable.text("sectionC");
  public static final Variable<String> SECTION_D = Variable.text("sectionD");
  public static final Variable<String> SECTION_E = Variable.text("sectionE");
  public static final Variable<String> SECTION_F = Variable.text("sectionF");
  public static final Variable<String> SECTION_G = Variable.text("sectionG");
  public static final Variable<String> SECTION_H1 = Variable.text("sectionH1");
  public static final Variable<String> SECTION_H2 = Variable.text("sectionH2");
  public static final Variable<String> SECTION_I = Variable.text("sectionI");
  public static final Variable<String> SECTION_J = Variable.text("sectionJ");
  public static final Variable<String> SECTION_K = Variable.text("sectionK");
  public static final Variable<String> PARENT_COMMENTS = Variable.text("parentComments");
  public static final Variable<Boolean> MEETING_REQUESTED = Variable.flag("meetingRequested");
  public static final Variable<String> CONSULTATION_COMMENTS =
      Variable.text("consultationComments");

  /**
   * Set when a re-assessment calls this pathway after its own decision to re-assess: the request
   * and decision steps are skipped and the limits run from that decision.
   */
  public static final Variable<Boolean> REASSESSMENT = Variable.flag("reassessment");

  public static final Variable<LocalDate> REASSESS_DECISION_DATE =
      Variable.date("reassessDecisionDate");

  private AssessmentVariables() {}
}
