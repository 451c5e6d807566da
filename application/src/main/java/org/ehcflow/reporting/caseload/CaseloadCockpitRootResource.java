package org.ehcflow.reporting.caseload;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The plugin's API root, {@code /camunda/api/cockpit/plugin/ehc-caseload}: its static assets need
 * no login; everything under {@code {engineName}/} is behind the web apps' login.
 */
@Path("plugin/" + CaseloadCockpitPlugin.ID)
public class CaseloadCockpitRootResource extends AbstractCockpitPluginRootResource {

  public CaseloadCockpitRootResource() {
    super(CaseloadCockpitPlugin.ID);
  }

  // The report of the application serving this request, not a static holder's (see
  // ComplianceCockpitRootResource).
  @Context private ServletContext servletContext;

  @Path("{engineName}")
  public CaseloadCockpitResource engine(@PathParam("engineName") String engineName) {
    CaseloadReport report =
        WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext)
            .getBean(CaseloadReport.class);
    return subResource(new CaseloadCockpitResource(engineName, report), engineName);
  }
}
