package org.ehcflow.vocabulary;

/**
 * Whether the council may consider ceasing a plan between reviews (regs 29-30, CoP 9.200): the
 * outcomes of {@code processes/cease-eligibility.dmn}.
 */
public enum CeaseEligibility implements Code {
  MAY_CONSIDER("may-consider"),
  REVIEW_FIRST("review-first"),
  NOT_ALLOWED("not-allowed");

  private final String code;

  CeaseEligibility(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
