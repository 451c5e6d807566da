package org.ehcflow.vocabulary;

/** The phase of the child's current setting. */
public enum SettingPhase implements Code {
  EARLY_YEARS("early-years"),
  INFANT("infant"),
  FIRST("first"),
  PRIMARY("primary"),
  JUNIOR("junior"),
  MIDDLE("middle"),
  SECONDARY("secondary"),
  ALL_THROUGH("all-through"),
  SPECIAL("special"),
  POST16("post16");

  private final String code;

  SettingPhase(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
