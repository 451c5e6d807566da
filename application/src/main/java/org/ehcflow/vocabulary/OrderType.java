package org.ehcflow.vocabulary;

/**
 * What a Tribunal order, a council's concession of an appeal (reg 45) or a mediation agreement (reg
 * 42) requires of the council; each starts its own compliance clock (reg 44(2)).
 */
public enum OrderType implements Code {
  ASSESS("assess"),
  MAKE_PLAN("make-plan"),
  AMEND_CONTENTS("amend-contents"),
  AMEND_PLACEMENT("amend-placement"),
  AMEND_CONTENTS_AND_PLACEMENT("amend-contents-and-placement"),
  MAINTAIN("maintain"),
  MAINTAIN_AND_AMEND("maintain-and-amend"),
  CEASE("cease"),
  HEALTH_RECOMMENDATION("health-recommendation"),
  SOCIAL_CARE_RECOMMENDATION("social-care-recommendation"),
  AGREED_ACTION("agreed-action");

  private final String code;

  OrderType(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
