package org.ehcflow.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's REST API answers malformed JSON with 400, but a body past the parser's limits (a
 * number thousands of digits long) with 500: the limit is Jackson's, the mistake is the sender's.
 * The more specific mappers the engine has (parse and mapping errors) still answer their own kinds.
 */
@Priority(1)
public class UnreadableJsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

  @Override
  public Response toResponse(JsonProcessingException exception) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "InvalidRequestException");
    body.put("message", "The body cannot be read as JSON: " + exception.getOriginalMessage());
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body)
        .build();
  }
}
