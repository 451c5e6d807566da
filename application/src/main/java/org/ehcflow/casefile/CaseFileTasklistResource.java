package org.ehcflow.casefile;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginResource;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case file for Tasklist's tab, under the web apps' session and CSRF check:
 *
 * <ul>
 *   <li>{@code GET tasks/{taskId}/documents}: the documents of the task's case that the user may
 *       read;
 *   <li>{@code POST tasks/{taskId}/documents?name=...&title=...}: the document as the request body
 *       (what a browser sends for one chosen file, with no multipart to parse);
 *   <li>{@code GET documents/{id}}: the document, as an attachment.
 * </ul>
 *
 * The rules are the case file's ({@link CaseFile}), the same as for {@code /api}.
 */
public class CaseFileTasklistResource extends AbstractTasklistPluginResource {

  private static final Logger log = LoggerFactory.getLogger(CaseFileTasklistResource.class);

  private final CaseFile caseFile;

  public CaseFileTasklistResource(String engineName, CaseFile caseFile) {
    super(engineName);
    this.caseFile = caseFile;
  }

  @GET
  @Path("tasks/{taskId}/documents")
  @Produces(MediaType.APPLICATION_JSON)
  public List<DocumentView> documents(@PathParam("taskId") String taskId) {
    return answering(
        () ->
            caseFile.documentsOfTaskCase(caller(), taskId).stream().map(DocumentView::of).toList());
  }

  @POST
  @Path("tasks/{taskId}/documents")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response attach(
      @PathParam("taskId") String taskId,
      @QueryParam("name") String name,
      @QueryParam("title") String title,
      InputStream content) {
    CaseDocument document =
        answering(() -> caseFile.attach(caller(), taskId, name, title, content));
    return Response.status(Response.Status.CREATED).entity(DocumentView.of(document)).build();
  }

  @GET
  @Path("documents/{documentId}")
  public Response document(@PathParam("documentId") String documentId) {
    CaseFile.Opened opened = answering(() -> caseFile.open(caller(), documentId));
    Response.ResponseBuilder answer = Response.ok(opened.content());
    CaseFileController.downloadHeaders(opened.document())
        .forEach((header, values) -> values.forEach(value -> answer.header(header, value)));
    return answer.build();
  }

  /** The user of the web apps' session, for this engine. */
  private CaseFile.Person caller() {
    Authentications session = Authentications.getCurrent();
    if (session != null
        && session.getAuthenticationForProcessEngine(engineName)
            instanceof UserAuthentication user) {
      return new CaseFile.Person(user.getIdentityId(), user.getGroupIds());
    }
    throw new DocumentRefused(401, null, "Log in to use the case file.");
  }

  private static <T> T answering(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (DocumentRefused refusal) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("message", refusal.getMessage());
      if (refusal.field() != null) {
        body.put("field", refusal.field());
      }
      throw new WebApplicationException(
          refusal.getMessage(),
          Response.status(refusal.status())
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(body)
              .build());
    } catch (RuntimeException unexpected) {
      // The web apps' JAX-RS answers an unmapped exception without logging it.
      log.error("The case file could not answer a Tasklist request", unexpected);
      throw unexpected;
    }
  }
}
