package org.ehcflow.vocabulary;

/**
 * The advice and information an EHC needs assessment seeks (reg 6(1)), each from its own group.
 * The caseworker may reuse earlier advice of the kinds people pick (reg 6(4)); advice the parent
 * asked for is sought because the decision table finds the request, never picked or reused.
 */
public enum AdviceKind implements Code {
  EDUCATIONAL("educational", true),
  MEDICAL("medical", true),
  PSYCHOLOGICAL("psychological", true),
  SOCIAL_CARE("social-care", true),
  HEARING_VISION("hearing-vision", true),
  PREPARING_FOR_ADULTHOOD("preparing-for-adulthood", true),
  PARENT_REQUESTED("parent-requested", false);

  private final String code;
  private final boolean reusable;

  AdviceKind(String code, boolean reusable) {
    this.code = code;
    this.reusable = reusable;
  }

  @Override
  public String code() {
    return code;
  }

  /** Whether earlier advice of this kind may stand in for new advice (reg 6(4)). */
  public boolean isReusable() {
    return reusable;
  }

  @Override
  public boolean chosenByPeople() {
    return reusable;
  }
}
