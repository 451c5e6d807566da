package org.ehcflow.reporting;

import org.ehcflow.reporting.bundle.TribunalBundle;
import org.springframework.stereotype.Component;

/**
 * The Cockpit plugin's resources are created by the web app, not by Spring; they reach the
 * reporting services through this one holder, set when the application starts.
 */
@Component
public class ReportingServices {

  private static volatile ReportingServices current;

  private final ComplianceReport compliance;
  private final CaseChronology chronology;
  private final TribunalBundle bundles;

  public ReportingServices(
      ComplianceReport compliance, CaseChronology chronology, TribunalBundle bundles) {
    this.compliance = compliance;
    this.chronology = chronology;
    this.bundles = bundles;
    current = this;
  }

  public static ReportingServices current() {
    if (current == null) {
      throw new IllegalStateException("reporting services are not started");
    }
    return current;
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
