package org.ehcflow.casefile;

import java.util.Set;
import org.ehcflow.vocabulary.EhcGroups;

/**
 * The council's side of who reads a case file: every case, not case by case. The EHC panel is among
 * them because its decisions (whether to assess, whether to issue) rest on the advice and its
 * reports, which its forms show; a process owner or a partner is not.
 */
final class CaseFileAccess {

  static final Set<String> COUNCIL_READERS =
      Set.of(
          EhcGroups.LA_CASEWORKER.id(),
          EhcGroups.LA_MANAGER.id(),
          EhcGroups.EHC_PANEL.id(),
          EhcGroups.CAMUNDA_ADMIN.id());
  static final String ADMINISTRATORS = EhcGroups.CAMUNDA_ADMIN.id();

  private CaseFileAccess() {}
}
