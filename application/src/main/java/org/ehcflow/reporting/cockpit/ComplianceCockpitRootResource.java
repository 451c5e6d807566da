package org.ehcflow.reporting.cockpit;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.ehcflow.reporting.ReportingServices;
import org.springframework.web.context.support.WebApplicationContextUtils;

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

  // The web app creates this resource, not Spring: the services are those of the application that
  // serves this request (a static holder would hand every application the last one started).
  @Context private ServletContext servletContext;

  @Path("{engineName}")
  public ComplianceCockpitResource engine(@PathParam("engineName") String engineName) {
    ReportingServices services =
        WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext)
            .getBean(ReportingServices.class);
    return subResource(new ComplianceCockpitResource(engineName, services), engineName);
  }
}
