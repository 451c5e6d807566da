package org.ehcflow.platform;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Case data a person or system sent is wrong; the message names each variable and what is wrong.
 */
public class CaseDataException extends BadUserRequestException {

  public CaseDataException(String message) {
    super(message);
  }
}
