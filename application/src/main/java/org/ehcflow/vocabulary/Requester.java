package org.ehcflow.vocabulary;

/** Who asked for the needs assessment (s.36(1)). */
public enum Requester implements Code {
  PARENT("parent"),
  YOUNG_PERSON("young-person"),
  SCHOOL("school"),
  OTHER("other");

  private final String code;

  Requester(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
