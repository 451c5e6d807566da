package org.ehcflow.vocabulary;

/** What the council does with a Section 23 notification. */
public enum TriageOutcome implements Code {
  INFORMATION_ONLY("information-only"),
  EARLY_YEARS_SUPPORT("early-years-support"),
  CONSIDER_EHC_ASSESSMENT("consider-ehc-assessment");

  private final String code;

  TriageOutcome(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
