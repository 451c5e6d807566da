package org.ehcflow.vocabulary;

/** What a document in the case file is: something people attached, or a plan the case produced. */
public enum DocumentKind implements Code {
  UPLOAD("upload"),
  DRAFT_PLAN("draft-plan"),
  FINAL_PLAN("final-plan"),
  AMENDED_PLAN("amended-plan");

  private final String code;

  DocumentKind(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
