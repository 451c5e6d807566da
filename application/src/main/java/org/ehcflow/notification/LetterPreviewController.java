package org.ehcflow.notification;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/tasks/{taskId}/letter-preview}: the letters the task's completion may send, as
 * they would be written now ({@link LetterPreviews}), for whoever may work the task; 404 for
 * everyone else and for a task that sends no letter. Query parameters give values as the task's
 * form would submit them (for example {@code ?assessDecisionReason=...}). Tasklist shows the same
 * in its "Letter preview" tab.
 */
@RestController
public class LetterPreviewController {

  private final LetterPreviews previews;
  private final IdentityService identity;

  public LetterPreviewController(LetterPreviews previews, IdentityService identity) {
    this.previews = previews;
    this.identity = identity;
  }

  @GetMapping(
      path = "/api/tasks/{taskId}/letter-preview",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public List<LetterPreviews.Preview> preview(
      @PathVariable String taskId, @RequestParam Map<String, String> proposed) {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null) {
      throw new LetterPreviews.NoPreview("There is no open task " + taskId + " for you.");
    }
    return previews.of(
        caller.getUserId(),
        caller.getGroupIds() == null ? List.of() : caller.getGroupIds(),
        taskId,
        proposed);
  }

  @ExceptionHandler(LetterPreviews.NoPreview.class)
  ResponseEntity<Map<String, Object>> none(LetterPreviews.NoPreview none) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", none.getMessage()));
  }
}
