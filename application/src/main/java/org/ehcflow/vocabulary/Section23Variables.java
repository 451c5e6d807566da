package org.ehcflow.vocabulary;

import java.time.LocalDate;

/** The Section 23 notification's variables ({@code processes/section-23-notification.bpmn}). */
public final class Section23Variables {

  public static final Variable<String> CHILD_NAME = ChildVariables.CHILD_NAME;
  public static final Variable<LocalDate> DATE_OF_BIRTH = ChildVariables.DATE_OF_BIRTH;
  public static final Variable<String> NHS_NUMBER = ChildVariables.NHS_NUMBER;
  public static final Variable<LocalDate> NOTIFICATION_DATE = Variable.date("notificationDate");
  public static final Variable<String> NOTIFYING_BODY = Variable.text("notifyingBody");
  public static final Variable<String> NOTIFIER_EMAIL = Variable.text("notifierEmail");
  public static final Variable<String> CONCERN = Variable.text("concern");
  public static final Variable<LocalDate> PARENT_INFORMED_DATE =
      Variable.date("parentInformedDate");
  public static final Variable<Boolean> PARENT_OFFERED_DISCUSSION =
      Variable.flag("parentOfferedDiscussion");
  public static final Variable<Boolean> VOLUNTARY_ORGANISATIONS_INFO_GIVEN =
      Variable.flag("voluntaryOrganisationsInfoGiven");
  public static final Variable<String> PARENT_EMAIL = ChildVariables.PARENT_EMAIL;
  public static final Variable<String> NOTIFIER_NAME = Variable.text("notifierName");
  public static final Variable<ConcernLevel> CONCERN_LEVEL =
      Variable.code("concernLevel", ConcernLevel.class);
  public static final Variable<String> CHILD_ID = ChildVariables.CHILD_ID;
  public static final Variable<Integer> AGE_IN_MONTHS = Variable.number("ageInMonths");
  public static final Variable<LocalDate> TRIAGE_DUE = Variable.date("triageDue");
  public static final Variable<TriageOutcome> TRIAGE_RECOMMENDATION =
      Variable.code("triageRecommendation", TriageOutcome.class);
  public static final Variable<String> TRIAGE_RECOMMENDATION_REASON =
      Variable.text("triageRecommendationReason");
  public static final Variable<TriageOutcome> TRIAGE_OUTCOME =
      Variable.code("triageOutcome", TriageOutcome.class);
  public static final Variable<String> TRIAGE_REASON = Variable.text("triageReason");
  public static final Variable<LocalDate> TRIAGE_DATE = Variable.date("triageDate");
  public static final Variable<String> ASSESSMENT_BUSINESS_KEY =
      Variable.text("assessmentBusinessKey");
  public static final Variable<Boolean> PARENT_INFO_NEEDED = Variable.flag("parentInfoNeeded");
  public static final Variable<String> ESCALATION_NOTE = Variable.text("escalationNote");

  private Section23Variables() {}
}
