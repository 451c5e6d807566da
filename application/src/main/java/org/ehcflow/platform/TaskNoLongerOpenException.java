package org.ehcflow.platform;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Two people completed the same task at once and the other one's completion was saved first; this
 * one's entries were not.
 */
public class TaskNoLongerOpenException extends ProcessEngineException {

  public static final String MESSAGE =
      "This task was completed or closed by someone else a moment ago, so what you "
          + "entered was not saved. Reload your task list to see the case as it is now.";

  public TaskNoLongerOpenException(Throwable cause) {
    super(MESSAGE, cause);
  }
}
