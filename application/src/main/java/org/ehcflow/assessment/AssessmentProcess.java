package org.ehcflow.assessment;

import java.util.Set;

/**
 * The EHC needs assessment pathway, {@code processes/ehc-needs-assessment.bpmn}: its key, the
 * ids of the elements code and tests refer to, its variables and its messages. The variable
 * names are the integration contract's.
 */
public final class AssessmentProcess {

  public static final String KEY = "ehc-needs-assessment";

  private AssessmentProcess() {}

  /** Start variables, as integrators send them. */
  public static final class Start {
    public static final String CHILD_ID = "childId";
    public static final String CHILD_NAME = "childName";
    public static final String DATE_OF_BIRTH = "dateOfBirth";
    public static final String REQUEST_RECEIVED_DATE = "requestReceivedDate";
    public static final String REQUESTER = "requester";
    public static final String PARENT_EMAIL = "parentEmail";
    public static final String YEAR_GROUP = "yearGroup";
    public static final String PRIMARY_NEED = "primaryNeed";
    public static final String KNOWN_TO_SOCIAL_CARE = "knownToSocialCare";
    public static final String LOOKED_AFTER = "lookedAfter";
    public static final String HEARING_OR_VISION_IMPAIRMENT = "hearingOrVisionImpairment";
    /** Project extension: the child's current setting's address, for reg 4(2) notices. */
    public static final String SETTING_EMAIL = "settingEmail";
    /** Project extension: the Section 23 notification this request grew from, if any. */
    public static final String SECTION_23_NOTIFICATION_ID = "section23NotificationId";
    /** Project extension: finds the child's earlier Section 23 notifications. */
    public static final String NHS_NUMBER = "nhsNumber";

    public static final Set<String> REQUESTERS = Set.of("parent", "young-person", "school", "other");
    /** SEN2 primary need codes. */
    public static final Set<String> PRIMARY_NEEDS = Set.of(
        "SPLD", "MLD", "SLD", "PMLD", "SEMH", "SLCN", "HI", "VI", "MSI", "PD", "ASD", "OTH", "NSA");

    private Start() {}
  }

  /** Variables the process sets or its tasks record. */
  public static final class Vars {
    public static final String DECISION_TO_ASSESS_DUE = "decisionToAssessDue";
    public static final String NO_PLAN_NOTICE_DUE = "noPlanNoticeDue";
    public static final String FINAL_PLAN_DUE = "finalPlanDue";
    public static final String DRAFT_PLAN_TARGET = "draftPlanTarget";
    public static final String AGE_IN_YEARS = "ageInYears";
    public static final String REGULATION_4_RECIPIENTS = "regulation4Recipients";
    /** Earlier Section 23 notifications for the child and their triage, for the caseworker and panel. */
    public static final String SECTION_23_SUMMARY = "section23Summary";

    public static final String ASSESS_RECOMMENDATION = "assessRecommendation";
    public static final String ASSESS_DECISION = "assessDecision";
    public static final String ASSESS_DECISION_REASON = "assessDecisionReason";
    public static final String REQUEST_OUTCOME = "requestOutcome";
    public static final String REQUEST_OUTCOME_DATE = "requestOutcomeDate";

    public static final String ADVICE_REQUIRED = "adviceRequired";
    public static final String REUSED_ADVICE = "reusedAdvice";
    public static final String ADVICE_REQUESTS = "adviceRequests";
    public static final String ADVICE_REQUEST = "adviceRequest";
    public static final String ADVICE_TYPE = "adviceType";
    public static final String ADVISER_GROUP = "adviserGroup";
    public static final String ADVICE_LABEL = "adviceLabel";
    public static final String ADVICE_REQUESTED_DATE = "adviceRequestedDate";
    public static final String ADVICE_DUE = "adviceDue";
    public static final String ADVICE_RECEIVED_DATE = "adviceReceivedDate";
    public static final String ADVICE_SUMMARY = "adviceSummary";
    /**
     * The case file's record of the advice, one entry per adviser in the order it came in (Json
     * array, set only by {@link GiveAdviceListener}): each adviser's own variables end with their
     * request's scope, and the caseworker, the panel and the drafter read the advice from here.
     */
    public static final String ADVICE_RECEIVED = "adviceReceived";

    public static final String ISSUE_RECOMMENDATION = "issueRecommendation";
    public static final String ISSUE_DECISION = "issueDecision";
    public static final String ISSUE_DECISION_REASON = "issueDecisionReason";
    public static final String ASSESSMENT_OUTCOME = "assessmentOutcome";
    public static final String ASSESSMENT_OUTCOME_DATE = "assessmentOutcomeDate";

    public static final String DRAFT_SERVED_DATE = "draftServedDate";
    public static final String COMMENT_WINDOW_ENDS = "commentWindowEnds";
    public static final String PARENT_RESPONDED = "parentResponded";
    public static final String PREFERRED_SETTING = "preferredSetting";
    public static final String PREFERRED_SETTING_EMAIL = "preferredSettingEmail";
    public static final String CONSULTATION_SENT_DATE = "consultationSentDate";
    public static final String CONSULTATION_RESPONSE_DUE = "consultationResponseDue";
    public static final String CONSULTATION_DECIDE_WITHOUT_REPLY_FROM = "consultationDecideWithoutReplyFrom";
    public static final String CONSULTATION_RESPONSE = "consultationResponse";

    public static final String FINAL_PLAN_ISSUED_DATE = "finalPlanIssuedDate";
    public static final String NAMED_SETTING = "namedSetting";
    public static final String NAMED_SETTING_EMAIL = "namedSettingEmail";
    public static final String FINAL_PLAN_LATE = "finalPlanLate";
    public static final String ANNUAL_REVIEW_BUSINESS_KEY = "annualReviewBusinessKey";

    public static final String EXCEPTIONS_APPLY = "exceptionsApply";
    public static final String EXCEPTION_GROUND = "exceptionGround";
    public static final String EXCEPTION_NOTE = "exceptionNote";
    public static final String EXCEPTION_RECORDED_DATE = "exceptionRecordedDate";
    public static final String WITHDRAWN_REASON = "withdrawnReason";
    public static final String WITHDRAWN_DATE = "withdrawnDate";

    public static final Set<String> EXCEPTION_GROUNDS = Set.of(
        "school-closure", "exceptional-personal-circumstances", "absence-from-area", "missed-appointment");

    private Vars() {}
  }

  /**
   * What people record in their tasks for the case file and the decision tables; free text is
   * kept as written and never interpreted by code.
   */
  public static final class Recorded {
    public static final String GRADUATED_APPROACH_CYCLES = "graduatedApproachCycles";
    public static final String PROGRESS_DESPITE_SUPPORT = "progressDespiteSupport";
    public static final String NEEDS_ACROSS_EDUCATION_HEALTH_CARE = "needsAcrossEducationHealthCare";
    public static final String EVIDENCE_SUMMARY = "evidenceSummary";
    public static final String ASSESS_RECOMMENDATION_REASON = "assessRecommendationReason";
    public static final String PARENT_REQUESTED_ADVICE = "parentRequestedAdvice";
    public static final String REUSE_AGREED_BY_ALL_THREE = "reuseAgreedByAllThree";
    public static final String CHASE_NOTE = "chaseNote";
    public static final String ESCALATION_NOTE = "escalationNote";
    public static final String PROVISION_BEYOND_SETTING = "provisionBeyondSetting";
    public static final String PROGRESS_WITH_SEN_SUPPORT = "progressWithSenSupport";
    public static final String ADVICE_CONCLUSION = "adviceConclusion";
    public static final String ISSUE_RECOMMENDATION_REASON = "issueRecommendationReason";
    public static final String SECTION_A = "sectionA";
    public static final String SECTION_B = "sectionB";
    public static final String SECTION_C = "sectionC";
    public static final String SECTION_D = "sectionD";
    public static final String SECTION_E = "sectionE";
    public static final String SECTION_F = "sectionF";
    public static final String SECTION_G = "sectionG";
    public static final String SECTION_H1 = "sectionH1";
    public static final String SECTION_H2 = "sectionH2";
    public static final String SECTION_I = "sectionI";
    public static final String SECTION_J = "sectionJ";
    public static final String SECTION_K = "sectionK";
    public static final String PARENT_COMMENTS = "parentComments";
    public static final String MEETING_REQUESTED = "meetingRequested";
    public static final String CONSULTATION_COMMENTS = "consultationComments";

    private Recorded() {}
  }

  /** Outcome codes kept for the SEN2 return. */
  public static final class Outcome {
    public static final String ASSESSED = "Y";
    public static final String NOT_ASSESSED = "N";
    public static final String WITHDRAWN = "W";
    public static final String PLAN_ISSUED = "Y";
    public static final String NO_PLAN = "N";

    private Outcome() {}
  }

  public static final class Messages {
    public static final String EXCEPTION_RECORDED = "ehc.exception-recorded";
    public static final String REQUEST_WITHDRAWN = "ehc.request-withdrawn";
    /** Project extension: a parent portal reports the parent's response to the draft plan. */
    public static final String DRAFT_RESPONSE_RECEIVED = "ehc.draft-response-received";

    private Messages() {}
  }

  /** Element ids that code and tests refer to. */
  public static final class Elements {
    public static final String START = "startEvent_requestReceived";
    public static final String SEND_CONSIDERING_NOTICE = "serviceTask_sendConsideringAssessmentNotice";
    public static final String NOTIFY_REGULATION_4_BODIES = "serviceTask_notifyRegulation4Bodies";
    public static final String DECIDE_WHETHER_TO_ASSESS_STAGE = "subProcess_decideWhetherToAssess";
    public static final String PREPARE_CASE_FOR_PANEL = "userTask_prepareCaseForPanel";
    public static final String RECOMMEND_WHETHER_TO_ASSESS = "businessRuleTask_recommendWhetherToAssess";
    public static final String DECIDE_WHETHER_TO_ASSESS = "userTask_decideWhetherToAssess";
    public static final String ESCALATE_LATE_DECISION_TO_ASSESS = "userTask_escalateLateDecisionToAssess";
    public static final String SEND_REFUSAL_NOTICE = "serviceTask_sendRefusalToAssessNotice";
    public static final String NOTIFY_BODIES_OF_REFUSAL = "serviceTask_notifyBodiesOfRefusal";
    public static final String END_NOT_ASSESSED = "endEvent_notAssessed";
    public static final String SEND_DECISION_TO_ASSESS_NOTICE = "serviceTask_sendDecisionToAssessNotice";
    public static final String PLAN_ADVICE_REQUESTS = "userTask_planAdviceRequests";
    public static final String DETERMINE_ADVICE_REQUIRED = "businessRuleTask_determineAdviceRequired";
    public static final String SEEK_ADVICE = "subProcess_seekAdvice";
    public static final String SEND_ADVICE_REQUEST = "serviceTask_sendAdviceRequest";
    public static final String GIVE_ADVICE = "userTask_giveAdvice";
    public static final String SEND_ADVICE_REMINDER = "serviceTask_sendAdviceReminder";
    public static final String CHASE_OVERDUE_ADVICE = "userTask_chaseOverdueAdvice";
    public static final String CONSIDER_ADVICE = "userTask_considerAdvice";
    public static final String DECIDE_WHETHER_TO_ISSUE = "userTask_decideWhetherToIssue";
    public static final String ESCALATE_LATE_NO_PLAN_DECISION = "userTask_escalateLateIssueDecision";
    public static final String SEND_NO_PLAN_NOTICE = "serviceTask_sendNoPlanNotice";
    public static final String END_NO_PLAN = "endEvent_noPlan";
    public static final String DRAFT_PLAN = "userTask_draftPlan";
    public static final String SEND_DRAFT_LATE_REMINDER = "serviceTask_sendDraftLateReminder";
    public static final String SERVE_DRAFT_PLAN = "userTask_serveDraftPlan";
    public static final String SEND_DRAFT_PLAN = "serviceTask_sendDraftPlanToParent";
    public static final String RECORD_PARENT_RESPONSE = "userTask_recordParentResponse";
    public static final String COMMENT_WINDOW_CLOSED = "boundaryEvent_commentWindowClosed";
    public static final String SEND_CONSULTATION = "serviceTask_sendConsultationToSetting";
    public static final String RESPOND_TO_CONSULTATION = "userTask_respondToConsultation";
    public static final String SEND_CONSULTATION_CHASER = "serviceTask_sendConsultationChaser";
    public static final String ISSUE_FINAL_PLAN = "userTask_issueFinalPlan";
    public static final String SEND_FINAL_PLAN_TO_PARENT = "serviceTask_sendFinalPlanToParent";
    public static final String SEND_FINAL_PLAN_TO_SETTING = "serviceTask_sendFinalPlanToSetting";
    public static final String SEND_FINAL_PLAN_TO_HEALTH = "serviceTask_sendFinalPlanToHealth";
    public static final String START_ANNUAL_REVIEW = "serviceTask_startAnnualReview";
    public static final String END_PLAN_ISSUED = "endEvent_planIssued";
    public static final String RECORD_EXCEPTION = "serviceTask_recordException";
    public static final String SEND_EXCEPTION_NOTICE = "serviceTask_sendExceptionNotice";
    public static final String RECORD_WITHDRAWAL = "serviceTask_recordWithdrawal";
    public static final String SEND_WITHDRAWAL_NOTICE = "serviceTask_sendWithdrawalNotice";
    public static final String END_WITHDRAWN = "endEvent_requestWithdrawn";
    public static final String NOTIFY_MANAGERS_FINAL_PLAN_LATE = "serviceTask_notifyManagersFinalPlanLate";

    private Elements() {}
  }
}
