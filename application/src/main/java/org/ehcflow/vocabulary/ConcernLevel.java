package org.ehcflow.vocabulary;

/** How strongly health is concerned about a child under compulsory school age (s.23). */
public enum ConcernLevel implements Code {
  DISABILITY_ONLY("disability-only"),
  EMERGING("emerging"),
  SIGNIFICANT("significant");

  private final String code;

  ConcernLevel(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
