package org.ehcflow.platform;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Every case has a business key people can read and search by in Cockpit and in the reports,
 * whether an integrator gave one or a caseworker started it from a Tasklist form (which gives
 * none): the pathway's prefix, the child, and the date the case runs from, as {@link
 * org.ehcflow.vocabulary.CaseKeys} builds it.
 */
public final class BusinessKeys {

  private BusinessKeys() {}

  /**
   * Sets the key, as built by {@code CaseKeys}, unless the starter chose one. Call after
   * validation.
   */
  public static void giveIfMissing(DelegateExecution execution, String key) {
    String given = execution.getProcessBusinessKey();
    if (given != null && !given.isBlank()) {
      return;
    }
    execution.setProcessBusinessKey(key);
  }

  /**
   * Sets {@code prefix-part-part...} unless the starter chose a key. The keys' rules are {@code
   * CaseKeys}'s: build the key there and call {@link #giveIfMissing(DelegateExecution, String)}.
   */
  public static void giveIfMissing(DelegateExecution execution, String prefix, Object... parts) {
    StringBuilder key = new StringBuilder(prefix);
    for (Object part : parts) {
      key.append('-').append(part);
    }
    giveIfMissing(execution, key.toString());
  }
}
