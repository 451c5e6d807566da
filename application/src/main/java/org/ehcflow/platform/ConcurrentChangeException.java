package org.ehcflow.platform;

import org.camunda.bpm.engine.OptimisticLockingException;

/** The case changed under every attempt of a request; nothing of the request was saved. */
public class ConcurrentChangeException extends OptimisticLockingException {

  public static final String MESSAGE =
      "Someone else changed this case at the same moment, so nothing you sent was "
          + "saved. Reload the case and send it again.";

  public ConcurrentChangeException(Throwable cause) {
    super(MESSAGE, cause);
  }
}
