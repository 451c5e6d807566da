package org.ehcflow.reporting.caseload;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The managers' caseload view in Cockpit. Registered through {@code
 * META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}.
 *
 * <ul>
 *   <li>front end: {@code /camunda/api/cockpit/plugin/ehc-caseload/static/app/plugin.js} (and
 *       {@code plugin.css}), from {@code src/main/resources/plugin-webapp/ehc-caseload/app/};
 *   <li>API: {@code /camunda/api/cockpit/plugin/ehc-caseload/{engine}/caseload}, behind the web
 *       apps' login.
 * </ul>
 */
public class CaseloadCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "ehc-caseload";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(CaseloadCockpitRootResource.class);
  }

  @Override
  public String getAssetDirectory() {
    return "plugin-webapp/" + ID;
  }
}
