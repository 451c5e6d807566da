package org.ehcflow.platform;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Every case has a business key people can read and search by in Cockpit and in the reports,
 * whether an integrator gave one or a caseworker started it from a Tasklist form (which gives none):
 * the pathway's prefix, the child, and the date the case runs from.
 */
public final class BusinessKeys {

  private BusinessKeys() {}

  /** Sets {@code prefix-part-part...} unless the starter chose a key. Call after validation. */
  public static void giveIfMissing(DelegateExecution execution, String prefix, Object... parts) {
    String given = execution.getProcessBusinessKey();
    if (given != null && !given.isBlank()) {
      return;
    }
    StringBuilder key = new StringBuilder(prefix);
    for (Object part : parts) {
      key.append('-').append(part);
    }
    execution.setProcessBusinessKey(key.toString());
  }
}
