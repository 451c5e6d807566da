package org.ehcflow.vocabulary;

/** The grounds on which a needs assessment's time limits do not apply (reg 10(4)). */
public enum ExceptionGround implements Code {
  SCHOOL_CLOSURE("school-closure"),
  EXCEPTIONAL_PERSONAL_CIRCUMSTANCES("exceptional-personal-circumstances"),
  ABSENCE_FROM_AREA("absence-from-area"),
  MISSED_APPOINTMENT("missed-appointment");

  private final String code;

  ExceptionGround(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
