package org.ehcflow.vocabulary;

/**
 * What prompted amendments to a plan (reg 22). An annual review's decision to amend is set only
 * when a review calls the pathway; a start between reviews gives one of the others. A Tribunal
 * order to amend is complied with through {@link Pathways#TRIBUNAL_ORDER}, not here.
 */
public enum AmendmentTrigger implements Code {
  ANNUAL_REVIEW("annual-review"),
  CHANGE_OF_CIRCUMSTANCES("change-of-circumstances"),
  CHANGE_OF_SETTING("change-of-setting"),
  NEW_ADVICE("new-advice"),
  PARENT_REQUEST("parent-request"),
  OTHER("other");

  private final String code;

  AmendmentTrigger(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  /** The review is set by the pathway when a review calls it; no one picks it on a form. */
  @Override
  public boolean chosenByPeople() {
    return this != ANNUAL_REVIEW;
  }
}
