package org.ehcflow.review;

/** The annual review of a plan, {@code processes/ehc-annual-review.bpmn}. */
public final class AnnualReviewProcess {

  public static final String KEY = "ehc-annual-review";

  private AnnualReviewProcess() {}

  /** Start variables, as the contract names them. */
  public static final class Start {
    public static final String CHILD_ID = "childId";
    public static final String CHILD_NAME = "childName";
    public static final String DATE_OF_BIRTH = "dateOfBirth";
    public static final String PARENT_EMAIL = "parentEmail";
    public static final String PLAN_ISSUED_DATE = "planIssuedDate";
    public static final String LAST_REVIEW_DECISION_DATE = "lastReviewDecisionDate";
    public static final String YEAR_GROUP = "yearGroup";
    public static final String NAMED_SETTING = "namedSetting";

    private Start() {}
  }
}
