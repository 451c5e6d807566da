package org.ehcflow.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * The REST API wraps anything a listener throws during a start or a task completion into an
 * HTTP 500. Bad case data is the caller's error, not the server's: answer it with 400 and the
 * message that names the variables. A concurrent change is a conflict, 409
 * ({@link OptimisticLockingExceptionMapper}). Everything else is mapped as the engine would.
 */
@Priority(1)
public class CaseDataExceptionMapper implements ExceptionMapper<RestException> {

  private final RestExceptionHandler engineDefault = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof CaseDataException caseData) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", CaseDataException.class.getSimpleName());
        body.put("message", caseData.getMessage());
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
      }
    }
    return OptimisticLockingExceptionMapper.conflict(exception)
        .orElseGet(() -> engineDefault.toResponse(exception));
  }
}
