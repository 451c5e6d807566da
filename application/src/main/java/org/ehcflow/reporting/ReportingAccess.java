package org.ehcflow.reporting;

import java.util.Collection;
import java.util.Set;
import org.ehcflow.vocabulary.EhcGroups;

/** Who may read the council's reports: managers (and administrators), never partners. */
public final class ReportingAccess {

  public static final Set<String> FIGURES =
      Set.of(EhcGroups.LA_MANAGER.id(), EhcGroups.CAMUNDA_ADMIN.id());

  /** A child's chronology is also the caseworkers' case file. */
  public static final Set<String> CHRONOLOGY =
      Set.of(EhcGroups.LA_MANAGER.id(), EhcGroups.LA_CASEWORKER.id(), EhcGroups.CAMUNDA_ADMIN.id());

  private ReportingAccess() {}

  public static boolean allows(Set<String> allowed, Collection<String> groups) {
    return groups.stream().anyMatch(allowed::contains);
  }
}
