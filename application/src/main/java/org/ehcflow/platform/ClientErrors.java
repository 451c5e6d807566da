package org.ehcflow.platform;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;

/**
 * The engine's REST API answers 500 to many requests that are the caller's mistake: a task, case,
 * deployment or definition id that does not exist, a business key longer than the database keeps, a
 * condition no process starts on. Such an answer tells a client to retry and an operator that the
 * server is broken; it is a 4xx, with the engine's own words.
 */
final class ClientErrors {

  /** The engine's code for "no conditional start event matched": nothing to start, not a fault. */
  private static final String NO_CONDITIONAL_START = "ENGINE-13043";

  private ClientErrors() {}

  /**
   * The engine's answer, or a 4xx in its place when the engine said 500 for the caller's mistake.
   */
  static Response refined(Throwable exception, Response engineAnswer) {
    if (engineAnswer.getStatus() != Response.Status.INTERNAL_SERVER_ERROR.getStatusCode()) {
      return engineAnswer;
    }
    return of(exception).orElse(engineAnswer);
  }

  static Optional<Response> of(Throwable exception) {
    String message = exception.getMessage();
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof NotFoundException
          || cause instanceof NullValueException && namesSomethingMissing(cause)) {
        return Optional.of(answer(Response.Status.NOT_FOUND, cause, message));
      }
      if (cause instanceof BadUserRequestException) {
        return Optional.of(answer(Response.Status.BAD_REQUEST, cause, message));
      }
      if (cause instanceof ProcessEngineException engine
          && engine.getCode() == BuiltinExceptionCode.COLUMN_SIZE_TOO_SMALL.getCode()) {
        return Optional.of(
            answer(
                Response.Status.BAD_REQUEST,
                cause,
                "A value is longer than the database keeps: a business key is at most 255 characters, an id at most 64."));
      }
      if (cause.getMessage() != null && cause.getMessage().startsWith(NO_CONDITIONAL_START)) {
        return Optional.of(answer(Response.Status.BAD_REQUEST, cause, cause.getMessage()));
      }
    }
    return Optional.empty();
  }

  /**
   * A null the REST API did not check for: a body of {@code null}, or an id it looked up and did
   * not find.
   */
  static Response unchecked(NullPointerException exception) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "InvalidRequest");
    body.put(
        "message",
        "The request names something that does not exist, or leaves out a value it needs.");
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body)
        .build();
  }

  private static boolean namesSomethingMissing(Throwable cause) {
    String text = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
    return text.contains("not found")
        || text.contains("cannot find")
        || text.contains("doesn't exist")
        || text.contains("does not exist")
        || text.contains("no deployed");
  }

  private static Response answer(Response.Status status, Throwable cause, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", cause.getClass().getSimpleName());
    body.put("message", message);
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
