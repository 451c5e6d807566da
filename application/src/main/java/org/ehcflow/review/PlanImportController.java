package org.ehcflow.review;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import org.ehcflow.vocabulary.EhcGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/plans/import}: a council's existing plans, as CSV, each starting its annual
 * review cycle. The reviews start with the caller's own engine authorizations (set for the request
 * by the security filter); the group check here only gives a clear answer up front.
 */
@RestController
@RequestMapping(path = "/api/plans/import", produces = MediaType.APPLICATION_JSON_VALUE)
public class PlanImportController {

  /** Far above 50,000 ordinary rows, low enough that one request cannot exhaust the memory. */
  static final int MAX_BYTES = 32 * 1024 * 1024;

  private static final Set<String> IMPORTERS =
      Set.of(EhcGroups.LA_CASEWORKER.id(), EhcGroups.CAMUNDA_ADMIN.id());
  private static final Logger LOG = LoggerFactory.getLogger(PlanImportController.class);

  private final PlanImportService imports;

  public PlanImportController(PlanImportService imports) {
    this.imports = imports;
  }

  @PostMapping(consumes = "text/csv")
  public ResponseEntity<?> importBody(InputStream body, Authentication caller) throws IOException {
    if (!mayImport(caller)) {
      return forbidden();
    }
    // The caller's permission is checked before the body is read, and the read is bounded.
    byte[] file = body.readNBytes(MAX_BYTES + 1);
    return file.length > MAX_BYTES ? tooLarge() : ResponseEntity.ok(imports.importPlans(file));
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<?> importUpload(
      @RequestParam(name = "file", required = false) MultipartFile file, Authentication caller)
      throws IOException {
    if (!mayImport(caller)) {
      return forbidden();
    }
    if (file == null) {
      return message(HttpStatus.BAD_REQUEST, "The upload has no field named 'file'.");
    }
    return file.getSize() > MAX_BYTES
        ? tooLarge()
        : ResponseEntity.ok(imports.importPlans(file.getBytes()));
  }

  /** Any other content type: say how to send the file rather than a bare 415. */
  @PostMapping
  public ResponseEntity<?> importOther(Authentication caller) {
    if (!mayImport(caller)) {
      return forbidden();
    }
    return message(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Send the file as the request body with Content-Type: text/csv, or as a multipart upload field named 'file'.");
  }

  @ExceptionHandler(PlanImportService.UnusableFileException.class)
  ResponseEntity<?> unusable(PlanImportService.UnusableFileException e) {
    return message(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(PlanImportService.ImportRunningException.class)
  ResponseEntity<?> running(PlanImportService.ImportRunningException e) {
    return message(HttpStatus.CONFLICT, e.getMessage());
  }

  /** Rows already started stay started, and a second import skips them as duplicates. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<?> unexpected(Exception e) {
    LOG.error("Plan import failed", e);
    return message(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "The import stopped at an unexpected error. Rows before it may have"
            + " been started: import the same file again to start the rest (those started are reported as duplicates).");
  }

  private static boolean mayImport(Authentication caller) {
    return caller != null
        && caller.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch(IMPORTERS::contains);
  }

  private static ResponseEntity<?> forbidden() {
    return message(
        HttpStatus.FORBIDDEN,
        "Only SEN caseworkers (la-caseworker) and administrators may import plans.");
  }

  private static ResponseEntity<?> tooLarge() {
    return message(
        HttpStatus.PAYLOAD_TOO_LARGE,
        "The file is larger than "
            + MAX_BYTES / (1024 * 1024)
            + " MB. Split it into smaller files.");
  }

  private static ResponseEntity<?> message(HttpStatus status, String message) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", message));
  }
}
