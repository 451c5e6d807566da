package org.ehcflow.platform;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * A request that says it is a multipart upload but cannot be read as one (no boundary, cut off)
 * fails before any controller sees it, and Spring answers 500. It is the sender's mistake: 400, and
 * 413 for an upload over the size limit, each with a message.
 */
@RestControllerAdvice
public class BrokenUploadAdvice {

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, String>> tooLarge(MaxUploadSizeExceededException e) {
    return message(
        HttpStatus.PAYLOAD_TOO_LARGE,
        "The upload is larger than the server accepts (a register of plans"
            + " can be sent as the request body with Content-Type: text/csv).");
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Map<String, String>> unreadable(MultipartException e) {
    return message(
        HttpStatus.BAD_REQUEST,
        "The request is not a readable multipart upload (check the boundary and"
            + " that the body is complete).");
  }

  private static ResponseEntity<Map<String, String>> message(HttpStatus status, String message) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", message));
  }
}
