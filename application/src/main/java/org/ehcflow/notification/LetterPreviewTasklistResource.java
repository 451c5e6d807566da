package org.ehcflow.notification;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginResource;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * {@code GET tasks/{taskId}/letters}: the task's letter previews for Tasklist's tab, under the web
 * apps' session; the rules are {@link LetterPreviews}'s, the same as for {@code /api}.
 */
public class LetterPreviewTasklistResource extends AbstractTasklistPluginResource {

  private final LetterPreviews previews;

  public LetterPreviewTasklistResource(String engineName, LetterPreviews previews) {
    super(engineName);
    this.previews = previews;
  }

  @GET
  @Path("tasks/{taskId}/letters")
  @Produces(MediaType.APPLICATION_JSON)
  public List<LetterPreviews.Preview> letters(@PathParam("taskId") String taskId) {
    Authentications session = Authentications.getCurrent();
    if (session == null
        || !(session.getAuthenticationForProcessEngine(engineName)
            instanceof UserAuthentication user)) {
      throw refused(401, "Log in to see the letter preview.");
    }
    try {
      return previews.of(
          user.getIdentityId(),
          user.getGroupIds() == null ? List.of() : new ArrayList<>(user.getGroupIds()),
          taskId,
          Map.of());
    } catch (LetterPreviews.NoPreview none) {
      throw refused(404, none.getMessage());
    }
  }

  private static WebApplicationException refused(int status, String message) {
    return new WebApplicationException(
        message,
        Response.status(status)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("message", message))
            .build());
  }
}
