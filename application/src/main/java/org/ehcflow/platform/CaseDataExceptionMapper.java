package org.ehcflow.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * The REST API wraps anything a listener throws during a start or a task completion into an HTTP
 * 500. Bad case data is the caller's error, not the server's: answer it with 400 and the message
 * that names the variables. A concurrent change is a conflict, 409 ({@link
 * OptimisticLockingExceptionMapper}). Other mistakes of the caller the engine answers with 500 (an
 * unknown id, an over-long business key) are 4xx ({@link ClientErrors}); everything else is mapped
 * as the engine would.
 */
@Priority(1)
public class CaseDataExceptionMapper implements ExceptionMapper<RestException> {

  private static final Pattern JAVA_SERIALIZATION_REFUSED =
      Pattern.compile(
          "ENGINE-17007 Cannot set variable with name ([A-Za-z0-9_]{1,100})\\. Java serialization format is prohibited");

  private final RestExceptionHandler engineDefault = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException exception) {
    // A task closed by someone else while this completion ran can also trip the form's checks;
    // the conflict is the reason to give.
    Optional<Response> conflict = OptimisticLockingExceptionMapper.conflict(exception);
    if (conflict.isPresent()) {
      return conflict.get();
    }
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof CaseDataException caseData) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", CaseDataException.class.getSimpleName());
        body.put("message", caseData.getMessage());
        return Response.status(Response.Status.BAD_REQUEST)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(body)
            .build();
      }
      // The engine refuses a Java-serialized value (a classic way in for hostile objects) as a
      // server error; it is the caller's, and the variable is named.
      Matcher javaObject =
          cause.getMessage() == null
              ? null
              : JAVA_SERIALIZATION_REFUSED.matcher(cause.getMessage());
      if (javaObject != null && javaObject.find()) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", CaseDataException.class.getSimpleName());
        body.put(
            "message",
            javaObject.group(1)
                + ": a Java-serialized object is not accepted; send the value as JSON");
        return Response.status(Response.Status.BAD_REQUEST)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(body)
            .build();
      }
    }
    return ClientErrors.refined(exception, engineDefault.toResponse(exception));
  }
}
