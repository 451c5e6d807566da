package org.ehcflow.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;

/**
 * Two people acting on the same case at once is not a server error. The engine's REST API would
 * answer 500; this answers 409 Conflict with words a person can act on:
 *
 * <ul>
 *   <li>the case changed under the request (optimistic locking or a database deadlock, after the
 *       engine's own repeats): nothing was saved, send it again;
 *   <li>a task completed or closed by someone else, a moment ago or earlier ({@link
 *       TaskNoLongerOpenException}, from {@link ConcurrentChangeRetryPlugin}): nothing was saved.
 * </ul>
 */
@Priority(1)
public class OptimisticLockingExceptionMapper implements ExceptionMapper<ProcessEngineException> {

  private final ProcessEngineExceptionHandler engineDefault = new ProcessEngineExceptionHandler();

  @Override
  public Response toResponse(ProcessEngineException exception) {
    return conflict(exception)
        .orElseGet(() -> ClientErrors.refined(exception, engineDefault.toResponse(exception)));
  }

  /** The 409 answer for a concurrent change anywhere in the exception's causes, if there is one. */
  static Optional<Response> conflict(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof TaskNoLongerOpenException) {
        return Optional.of(
            answer(
                TaskNoLongerOpenException.class.getSimpleName(),
                TaskNoLongerOpenException.MESSAGE));
      }
    }
    if (ConcurrentChangeRetryPlugin.isConcurrentChange(exception)) {
      return Optional.of(
          answer(
              ConcurrentChangeException.class.getSimpleName(), ConcurrentChangeException.MESSAGE));
    }
    return Optional.empty();
  }

  private static Response answer(String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    return Response.status(Response.Status.CONFLICT)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body)
        .build();
  }
}
