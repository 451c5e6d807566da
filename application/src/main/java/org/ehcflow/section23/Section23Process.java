package org.ehcflow.section23;

import java.util.Set;

/** A health body's Section 23 notification, {@code processes/section-23-notification.bpmn}. */
public final class Section23Process {

  public static final String KEY = "section-23-notification";
  public static final String TRIAGE_DECISION = "decision_section23Triage";

  private Section23Process() {}

  public static final class Start {
    public static final String CHILD_NAME = "childName";
    public static final String DATE_OF_BIRTH = "dateOfBirth";
    public static final String NHS_NUMBER = "nhsNumber";
    public static final String NOTIFICATION_DATE = "notificationDate";
    public static final String NOTIFYING_BODY = "notifyingBody";
    public static final String NOTIFIER_EMAIL = "notifierEmail";
    public static final String CONCERN = "concern";
    public static final String PARENT_INFORMED_DATE = "parentInformedDate";
    public static final String PARENT_OFFERED_DISCUSSION = "parentOfferedDiscussion";
    public static final String VOLUNTARY_ORGANISATIONS_INFO_GIVEN = "voluntaryOrganisationsInfoGiven";
    /** Project extensions. */
    public static final String PARENT_EMAIL = "parentEmail";
    public static final String NOTIFIER_NAME = "notifierName";
    public static final String CONCERN_LEVEL = "concernLevel";

    public static final Set<String> CONCERN_LEVELS = Set.of("disability-only", "emerging", "significant");
    public static final Set<String> ALL = Set.of(CHILD_NAME, DATE_OF_BIRTH, NHS_NUMBER, NOTIFICATION_DATE,
        NOTIFYING_BODY, NOTIFIER_EMAIL, CONCERN, PARENT_INFORMED_DATE, PARENT_OFFERED_DISCUSSION,
        VOLUNTARY_ORGANISATIONS_INFO_GIVEN, PARENT_EMAIL, NOTIFIER_NAME, CONCERN_LEVEL);

    private Start() {}
  }

  public static final class Vars {
    public static final String CHILD_ID = "childId";
    public static final String AGE_IN_MONTHS = "ageInMonths";
    public static final String TRIAGE_DUE = "triageDue";
    public static final String TRIAGE_RECOMMENDATION = "triageRecommendation";
    public static final String TRIAGE_RECOMMENDATION_REASON = "triageRecommendationReason";
    public static final String TRIAGE_OUTCOME = "triageOutcome";
    public static final String TRIAGE_REASON = "triageReason";
    public static final String TRIAGE_DATE = "triageDate";
    public static final String ASSESSMENT_BUSINESS_KEY = "assessmentBusinessKey";
    public static final String PARENT_INFO_NEEDED = "parentInfoNeeded";

    public static final String INFORMATION_ONLY = "information-only";
    public static final String EARLY_YEARS_SUPPORT = "early-years-support";
    public static final String CONSIDER_EHC_ASSESSMENT = "consider-ehc-assessment";
    public static final Set<String> TRIAGE_OUTCOMES = Set.of(INFORMATION_ONLY, EARLY_YEARS_SUPPORT, CONSIDER_EHC_ASSESSMENT);

    private Vars() {}
  }

  public static final class Recorded {
    public static final String ESCALATION_NOTE = "escalationNote";

    private Recorded() {}
  }

  public static final class Elements {
    public static final String TRIAGE = "userTask_triageNotification";
    public static final String ESCALATE_LATE_TRIAGE = "userTask_escalateLateTriage";
    public static final String SEND_ACKNOWLEDGEMENT = "serviceTask_sendAcknowledgement";
    public static final String SEND_PARENT_INFORMATION = "serviceTask_sendParentInformation";
    public static final String START_ASSESSMENT = "serviceTask_startAssessment";
    public static final String SEND_OUTCOME = "serviceTask_sendTriageOutcome";
    public static final String END = "endEvent_notificationTriaged";

    private Elements() {}
  }
}
