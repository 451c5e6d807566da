package org.ehcflow.casefile;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;

/** The plugin's API root, {@code /camunda/api/tasklist/plugin/ehc-case-file}; its static assets need no login. */
@Path("plugin/" + CaseFileTasklistPlugin.ID)
public class CaseFileTasklistRootResource extends AbstractTasklistPluginRootResource {

  public CaseFileTasklistRootResource() {
    super(CaseFileTasklistPlugin.ID);
  }

  @Path("{engineName}")
  public CaseFileTasklistResource engine(@PathParam("engineName") String engineName) {
    return subResource(new CaseFileTasklistResource(engineName), engineName);
  }
}
