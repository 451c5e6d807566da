package org.ehcflow.assessment;

import org.ehcflow.vocabulary.Pathways;

/**
 * The EHC needs assessment pathway, {@code processes/ehc-needs-assessment.bpmn}: its key, the ids
 * of the elements code and tests refer to, its variables and its messages. The variable names are
 * the integration contract's.
 */
public final class AssessmentProcess {

  public static final String KEY = Pathways.NEEDS_ASSESSMENT;

  private AssessmentProcess() {}

  /** Element ids that code and tests refer to. */
  public static final class Elements {
    public static final String START = "startEvent_requestReceived";
    public static final String SEND_CONSIDERING_NOTICE =
        "serviceTask_sendConsideringAssessmentNotice";
    public static final String NOTIFY_REGULATION_4_BODIES = "serviceTask_notifyRegulation4Bodies";
    public static final String DECIDE_WHETHER_TO_ASSESS_STAGE = "subProcess_decideWhetherToAssess";
    public static final String PREPARE_CASE_FOR_PANEL = "userTask_prepareCaseForPanel";
    public static final String RECOMMEND_WHETHER_TO_ASSESS =
        "businessRuleTask_recommendWhetherToAssess";
    public static final String DECIDE_WHETHER_TO_ASSESS = "userTask_decideWhetherToAssess";
    public static final String ESCALATE_LATE_DECISION_TO_ASSESS =
        "userTask_escalateLateDecisionToAssess";
    public static final String SEND_REFUSAL_NOTICE = "serviceTask_sendRefusalToAssessNotice";
    public static final String NOTIFY_BODIES_OF_REFUSAL = "serviceTask_notifyBodiesOfRefusal";
    public static final String END_NOT_ASSESSED = "endEvent_notAssessed";
    public static final String SEND_DECISION_TO_ASSESS_NOTICE =
        "serviceTask_sendDecisionToAssessNotice";
    public static final String PLAN_ADVICE_REQUESTS = "userTask_planAdviceRequests";
    public static final String DETERMINE_ADVICE_REQUIRED =
        "businessRuleTask_determineAdviceRequired";
    public static final String SEEK_ADVICE = "subProcess_seekAdvice";
    public static final String SEND_ADVICE_REQUEST = "serviceTask_sendAdviceRequest";
    public static final String GIVE_ADVICE = "userTask_giveAdvice";
    public static final String SEND_ADVICE_REMINDER = "serviceTask_sendAdviceReminder";
    public static final String CHASE_OVERDUE_ADVICE = "userTask_chaseOverdueAdvice";
    public static final String CONSIDER_ADVICE = "userTask_considerAdvice";
    public static final String DECIDE_WHETHER_TO_ISSUE = "userTask_decideWhetherToIssue";
    public static final String ESCALATE_LATE_NO_PLAN_DECISION =
        "userTask_escalateLateIssueDecision";
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
    public static final String NOTIFY_MANAGERS_FINAL_PLAN_LATE =
        "serviceTask_notifyManagersFinalPlanLate";

    private Elements() {}
  }
}
