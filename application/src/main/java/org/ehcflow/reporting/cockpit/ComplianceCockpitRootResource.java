package org.ehcflow.reporting.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/**
 * The plugin's API root, {@code /camunda/api/cockpit/plugin/ehc-compliance}. Its static assets
 * ({@code static/app/plugin.js}, {@code static/app/plugin.css}) are served by the base class and
 * need no login; everything under {@code {engineName}/} is behind the web apps' login (Camunda's
 * security filter) and is checked again here against {@code ReportingAccess}.
 */
@Path("plugin/" + ComplianceCockpitPlugin.ID)
public class ComplianceCockpitRootResource extends AbstractCockpitPluginRootResource {

  public ComplianceCockpitRootResource() {
    super(ComplianceCockpitPlugin.ID);
  }

  @Path("{engineName}")
  public ComplianceCockpitResource engine(@PathParam("engineName") String engineName) {
    return subResource(new ComplianceCockpitResource(engineName), engineName);
  }
}
