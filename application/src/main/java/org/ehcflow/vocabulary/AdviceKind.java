package org.ehcflow.vocabulary;

/**
 * The kinds of advice an EHC needs assessment seeks from their own groups (reg 6(1)), which the
 * caseworker may reuse from earlier advice when all agree (reg 6(4)). The advice table may seek
 * more (advice the parent asked for, or a kind a process owner adds), which is never reused, so
 * {@code adviceType} is free text and this list is what {@code reusedAdvice} may hold.
 */
public enum AdviceKind implements Code {
  EDUCATIONAL("educational"),
  MEDICAL("medical"),
  PSYCHOLOGICAL("psychological"),
  SOCIAL_CARE("social-care"),
  HEARING_VISION("hearing-vision"),
  PREPARING_FOR_ADULTHOOD("preparing-for-adulthood");

  private final String code;

  AdviceKind(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
