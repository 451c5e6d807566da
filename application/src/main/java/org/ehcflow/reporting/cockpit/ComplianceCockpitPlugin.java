package org.ehcflow.reporting.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The managers' view of statutory compliance in Cockpit (Community Edition has no reports).
 * Registered through {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}.
 *
 * <ul>
 *   <li>front end: {@code /camunda/api/cockpit/plugin/ehc-compliance/static/app/plugin.js} (and
 *       {@code plugin.css}), from {@code src/main/resources/plugin-webapp/ehc-compliance/app/};
 *   <li>API: {@code /camunda/api/cockpit/plugin/ehc-compliance/{engine}/figures}, {@code
 *       .../chronology} and {@code .../chronology.html}, behind the web apps' login.
 * </ul>
 */
public class ComplianceCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "ehc-compliance";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(ComplianceCockpitRootResource.class);
  }

  @Override
  public String getAssetDirectory() {
    return "plugin-webapp/" + ID;
  }
}
