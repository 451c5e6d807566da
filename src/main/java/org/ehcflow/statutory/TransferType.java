package org.ehcflow.statutory;

import java.util.Arrays;

/** The phase transfers of reg 18, with the contract's names. */
public enum TransferType {
  EARLY_YEARS_TO_SCHOOL("early-years-to-school"),
  INFANT_TO_JUNIOR("infant-to-junior"),
  PRIMARY_TO_MIDDLE("primary-to-middle"),
  PRIMARY_TO_SECONDARY("primary-to-secondary"),
  MIDDLE_TO_SECONDARY("middle-to-secondary"),
  SECONDARY_TO_POST16("secondary-to-post16"),
  POST16_TO_POST16("post16-to-post16");

  private final String code;

  TransferType(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static TransferType fromCode(String code) {
    return Arrays.stream(values())
        .filter(t -> t.code.equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown transfer type: " + code));
  }
}
