package org.ehcflow.notification;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The plugin's API root, {@code /camunda/api/tasklist/plugin/ehc-letter-preview}. The previews are
 * taken from the application this request came to (its servlet context), never a JVM-wide holder.
 */
@Path("plugin/" + LetterPreviewTasklistPlugin.ID)
public class LetterPreviewTasklistRootResource extends AbstractTasklistPluginRootResource {

  @Context private ServletContext servletContext;

  public LetterPreviewTasklistRootResource() {
    super(LetterPreviewTasklistPlugin.ID);
  }

  @Path("{engineName}")
  public LetterPreviewTasklistResource engine(@PathParam("engineName") String engineName) {
    LetterPreviews previews =
        WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext)
            .getBean(LetterPreviews.class);
    return subResource(new LetterPreviewTasklistResource(engineName, previews), engineName);
  }
}
