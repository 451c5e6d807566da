package org.ehcflow.vocabulary;

import java.util.List;

/** The candidate groups of the integration contract, with the names people see in Tasklist. */
public enum EhcGroups {
  LA_CASEWORKER("la-caseworker", "SEN caseworkers"),
  LA_MANAGER("la-manager", "SEN managers"),
  EHC_PANEL("ehc-panel", "EHC panel"),
  EDUCATIONAL_PSYCHOLOGY("educational-psychology", "Educational psychology"),
  HEALTH("health", "Health"),
  SOCIAL_CARE("social-care", "Social care"),
  EDUCATION_SETTING("education-setting", "Education settings"),
  EARLY_YEARS("early-years", "Early years"),
  PROCESS_OWNER("process-owner", "Process owners"),
  CAMUNDA_ADMIN("camunda-admin", "Administrators");

  private final String id;
  private final String label;

  EhcGroups(String id, String label) {
    this.id = id;
    this.label = label;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  /** The council's own groups, which read cases by their group grants rather than case by case. */
  public static boolean isCouncilGroup(String groupId) {
    return LA_CASEWORKER.id.equals(groupId)
        || LA_MANAGER.id.equals(groupId)
        || PROCESS_OWNER.id.equals(groupId)
        || CAMUNDA_ADMIN.id.equals(groupId);
  }

  /** The groups that do casework in Tasklist (all but the administrators). */
  public static List<EhcGroups> workingGroups() {
    return List.of(values()).stream().filter(g -> g != CAMUNDA_ADMIN).toList();
  }
}
