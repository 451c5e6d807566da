package org.ehcflow.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A few REST routes read a value they never checked: {@code POST /condition} with the body {@code
 * null}, the deployed form of a task id that does not exist. The engine answers 500; the request is
 * what was wrong, so it is 400. The trace stays in the server's log, in case one day it is the
 * server's fault after all.
 */
@Priority(1)
public class UncheckedNullExceptionMapper implements ExceptionMapper<NullPointerException> {

  private static final Logger LOG = LoggerFactory.getLogger(UncheckedNullExceptionMapper.class);

  @Override
  public Response toResponse(NullPointerException exception) {
    LOG.warn("A REST request met an unchecked null; answered 400", exception);
    return ClientErrors.unchecked(exception);
  }
}
