package org.ehcflow.vocabulary;

/**
 * What an order, a concession or a mediation agreement requires of the council or a health or
 * social care body (reg 44 table; reg 42 agreed actions).
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
