package org.ehcflow.security;

import org.camunda.bpm.engine.BadUserRequestException;

/** A password refused by the password policy; the REST API answers it with 400 and this message. */
public class PasswordPolicyException extends BadUserRequestException {

  public PasswordPolicyException(String message) {
    super(message);
  }
}
