package org.ehcflow.vocabulary;

/** The advice and information an EHC needs assessment seeks (reg 6(1)), each from its own group. */
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
