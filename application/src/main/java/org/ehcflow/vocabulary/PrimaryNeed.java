package org.ehcflow.vocabulary;

/** The SEN2 return's primary need codes. */
public enum PrimaryNeed implements Code {
  SPLD("SPLD"),
  MLD("MLD"),
  SLD("SLD"),
  PMLD("PMLD"),
  SEMH("SEMH"),
  SLCN("SLCN"),
  HI("HI"),
  VI("VI"),
  MSI("MSI"),
  PD("PD"),
  ASD("ASD"),
  OTH("OTH"),
  NSA("NSA");

  private final String code;

  PrimaryNeed(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
