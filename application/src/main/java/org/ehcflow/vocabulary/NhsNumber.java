package org.ehcflow.vocabulary;

/**
 * NHS numbers: ten digits, the last a modulus 11 check digit over the first nine weighted 10 down
 * to 2; a remainder giving 11 means 0, and 10 means the number is not valid.
 */
public final class NhsNumber {

  private NhsNumber() {}

  public static String normalise(String raw) {
    return raw == null ? null : raw.replaceAll("[\\s-]", "");
  }

  public static boolean isValid(String raw) {
    String digits = normalise(raw);
    if (digits == null || !digits.matches("\\d{10}")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - (sum % 11);
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == digits.charAt(9) - '0';
  }
}
