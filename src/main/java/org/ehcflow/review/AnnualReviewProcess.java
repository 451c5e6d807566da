package org.ehcflow.review;

/** The annual review of a plan, {@code processes/ehc-annual-review.bpmn}. */
public final class AnnualReviewProcess {

  public static final String KEY = "ehc-annual-review";

  private AnnualReviewProcess() {}
}
