package org.ehcflow.security;

/**
 * Why a request to the engine is refused before it reaches the engine, as the caller reads it: the
 * status and a message that names the field or the operation. Types follow the engine's own error
 * answers so clients need one error shape.
 */
record Refusal(int status, String type, String message) {

  /** A value or field the caller sent that this operation does not take. */
  static Refusal badRequest(String message) {
    return new Refusal(400, "CaseDataException", message);
  }

  /**
   * An operation the caller's role is never for, whatever the case: the answer does not depend on
   * it.
   */
  static Refusal forbidden(String message) {
    return new Refusal(403, "AuthorizationException", message);
  }

  /** Something the caller may not see: the same answer whether it exists or not. */
  static Refusal notFound(String what, String id) {
    return new Refusal(
        404, "InvalidRequestException", "No " + what + " '" + shortened(id) + "' that you may see");
  }

  static Refusal tooLarge(String message) {
    return new Refusal(413, "InvalidRequestException", message);
  }

  static String shortened(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "...";
  }
}
