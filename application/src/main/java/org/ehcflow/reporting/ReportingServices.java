package org.ehcflow.reporting;

import org.ehcflow.reporting.bundle.TribunalBundle;
import org.springframework.stereotype.Component;

/**
 * The reporting services the Cockpit plugin's resources use; the web app creates those resources,
 * not Spring, so they look this bean up in the application serving the request.
 */
@Component
public class ReportingServices {

  private final ComplianceReport compliance;
  private final CaseChronology chronology;
  private final TribunalBundle bundles;

  public ReportingServices(
      ComplianceReport compliance, CaseChronology chronology, TribunalBundle bundles) {
    this.compliance = compliance;
    this.chronology = chronology;
    this.bundles = bundles;
  }

  public ComplianceReport compliance() {
    return compliance;
  }

  public CaseChronology chronology() {
    return chronology;
  }

  public TribunalBundle bundles() {
    return bundles;
  }
}
