package org.ehcflow.statutory;

import java.util.Arrays;

/** The phase transfers of reg 18, with the contract's names. */
public enum TransferType {
  EARLY_YEARS_TO_SCHOOL("early-years-to-school", "primary"),
  INFANT_TO_JUNIOR("infant-to-junior", "junior"),
  PRIMARY_TO_MIDDLE("primary-to-middle", "middle"),
  PRIMARY_TO_SECONDARY("primary-to-secondary", "secondary"),
  MIDDLE_TO_SECONDARY("middle-to-secondary", "secondary"),
  SECONDARY_TO_POST16("secondary-to-post16", "post16"),
  POST16_TO_POST16("post16-to-post16", "post16");

  private final String code;
  private final String nextPhase;

  TransferType(String code, String nextPhase) {
    this.code = code;
    this.nextPhase = nextPhase;
  }

  public String code() {
    return code;
  }

  /** The phase of the setting the child moves to, which next year's cohort run reads. */
  public String nextPhase() {
    return nextPhase;
  }

  public static TransferType fromCode(String code) {
    return Arrays.stream(values())
        .filter(t -> t.code.equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown transfer type: " + code));
  }
}
