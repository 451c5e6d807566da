package org.ehcflow.casefile;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The plugin's API root, {@code /camunda/api/tasklist/plugin/ehc-case-file}; its static assets need
 * no login. The web app creates its resources, not Spring, so the case file is taken from the
 * application this request came to (its servlet context): never a JVM-wide holder, which would send
 * a request to another application where several share a JVM (the tests' contexts).
 */
@Path("plugin/" + CaseFileTasklistPlugin.ID)
public class CaseFileTasklistRootResource extends AbstractTasklistPluginRootResource {

  @Context private ServletContext servletContext;

  public CaseFileTasklistRootResource() {
    super(CaseFileTasklistPlugin.ID);
  }

  @Path("{engineName}")
  public CaseFileTasklistResource engine(@PathParam("engineName") String engineName) {
    CaseFile caseFile =
        WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext)
            .getBean(CaseFile.class);
    return subResource(new CaseFileTasklistResource(engineName, caseFile), engineName);
  }
}
