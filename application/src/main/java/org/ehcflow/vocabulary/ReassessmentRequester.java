package org.ehcflow.vocabulary;

/**
 * Who asked for a re-assessment of a plan (CFA s.44(2)): the family, the setting, the health body
 * responsible, or the council of its own motion.
 */
public enum ReassessmentRequester implements Code {
  PARENT("parent"),
  YOUNG_PERSON("young-person"),
  SETTING("setting"),
  HEALTH("health"),
  COUNCIL("council");

  private final String code;

  ReassessmentRequester(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
