package org.ehcflow.reporting.caseload;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.ehcflow.platform.EngineClock;
import org.ehcflow.reporting.ReportingAccess;

/**
 * {@code GET /camunda/api/cockpit/plugin/ehc-caseload/{engineName}/caseload}: the caseload figures
 * as of today (JSON) in the manager's Cockpit session, for the groups that read the compliance
 * figures ({@link ReportingAccess#FIGURES}); anyone else gets 403 with a JSON message.
 */
public class CaseloadCockpitResource extends AbstractCockpitPluginResource {

  private final CaseloadReport report;

  public CaseloadCockpitResource(String engineName, CaseloadReport report) {
    super(engineName);
    this.report = report;
  }

  @GET
  @Path("caseload")
  @Produces(MediaType.APPLICATION_JSON)
  public Caseload caseload() {
    Authentication caller = getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      throw new WebApplicationException("log in to read the caseload", Status.UNAUTHORIZED);
    }
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    if (!ReportingAccess.allows(ReportingAccess.FIGURES, groups)) {
      throw new WebApplicationException(
          "user '"
              + caller.getUserId()
              + "' may not read the caseload; it is for the groups "
              + String.join(", ", ReportingAccess.FIGURES.stream().sorted().toList()),
          Status.FORBIDDEN);
    }
    return report.caseload(EngineClock.today());
  }
}
