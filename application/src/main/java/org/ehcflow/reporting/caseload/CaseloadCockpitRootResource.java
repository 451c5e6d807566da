package org.ehcflow.reporting.caseload;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/**
 * The plugin's API root, {@code /camunda/api/cockpit/plugin/ehc-caseload}: its static assets need
 * no login; everything under {@code {engineName}/} is behind the web apps' login.
 */
@Path("plugin/" + CaseloadCockpitPlugin.ID)
public class CaseloadCockpitRootResource extends AbstractCockpitPluginRootResource {

  public CaseloadCockpitRootResource() {
    super(CaseloadCockpitPlugin.ID);
  }

  @Path("{engineName}")
  public CaseloadCockpitResource engine(@PathParam("engineName") String engineName) {
    return subResource(new CaseloadCockpitResource(engineName), engineName);
  }
}
