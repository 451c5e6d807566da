package org.ehcflow.vocabulary;

/**
 * One thing the council (or the ICB, or social care) must do to comply with an order, each with its
 * own limit (reg 44(2)). The decision table {@code tribunal-compliance.dmn} says which steps an
 * order has and in what order; the engine sets the step, nobody picks it.
 */
public enum ComplianceStep implements Code {
  NOTIFY_ASSESSMENT("notify-assessment", "tell the parent the council will assess"),
  NO_PLAN_DECISION(
      "no-plan-decision", "decide whether to issue a plan (a decision not to, with reasons)"),
  DRAFT_PLAN("draft-plan", "issue the draft plan"),
  FINAL_PLAN("final-plan", "send the final plan"),
  AMEND_CONTENTS("amend-contents", "issue the plan amended as ordered (sections B and F)"),
  AMEND_PLACEMENT("amend-placement", "issue the plan with the school or type ordered (section I)"),
  AMEND_CONTENTS_AND_PLACEMENT(
      "amend-contents-and-placement", "issue the plan amended as ordered, with section I"),
  MAINTAIN("maintain", "continue to maintain the plan"),
  MAINTAIN_AND_AMEND("maintain-and-amend", "maintain the plan and issue it amended as ordered"),
  CEASE("cease", "cease to maintain the plan"),
  HEALTH_RESPONSE("health-response", "ICB: answer the Tribunal's health recommendation in writing"),
  SOCIAL_CARE_RESPONSE(
      "social-care-response", "social care: answer the Tribunal's recommendation in writing"),
  AGREED_ACTION("agreed-action", "do what the mediation agreement says");

  private final String code;
  private final String label;

  ComplianceStep(String code, String label) {
    this.code = code;
    this.label = label;
  }

  @Override
  public String code() {
    return code;
  }

  /** The step as the task and the letters name it. */
  public String label() {
    return label;
  }

  @Override
  public boolean chosenByPeople() {
    return false;
  }
}
