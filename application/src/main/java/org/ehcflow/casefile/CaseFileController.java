package org.ehcflow.casefile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The case file for integrators, behind HTTP Basic like the rest of {@code /api}:
 *
 * <ul>
 *   <li>{@code POST /api/tasks/{taskId}/documents}, multipart field {@code file}, optional {@code
 *       title}: 201 with the document's record;
 *   <li>{@code GET /api/cases/{childId}/documents}: the documents the caller may read, newest
 *       first;
 *   <li>{@code GET /api/documents/{id}}: the document itself, as an attachment.
 * </ul>
 *
 * Tasklist reaches the same case file through its plugin ({@code CaseFileTasklistResource}).
 */
@RestController
public class CaseFileController {

  private final CaseFile caseFile;
  private final IdentityService identity;

  public CaseFileController(CaseFile caseFile, IdentityService identity) {
    this.caseFile = caseFile;
    this.identity = identity;
  }

  @PostMapping(path = "/api/tasks/{taskId}/documents", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<DocumentView> attach(
      @PathVariable String taskId,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "title", required = false) String title)
      throws IOException {
    if (file == null) {
      throw new DocumentRefused(
          400, "file", "Send the document as a multipart upload in the field 'file'.");
    }
    try (InputStream content = file.getInputStream()) {
      CaseDocument document =
          caseFile.attach(caller(), taskId, file.getOriginalFilename(), title, content);
      return ResponseEntity.created(URI.create("/api/documents/" + document.id()))
          .body(DocumentView.of(document));
    }
  }

  @GetMapping(path = "/api/cases/{childId}/documents", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<DocumentView> documents(@PathVariable String childId) {
    return caseFile.documentsOfChild(caller(), childId).stream().map(DocumentView::of).toList();
  }

  @GetMapping(path = "/api/documents/{documentId}")
  public ResponseEntity<byte[]> document(@PathVariable String documentId) {
    CaseFile.Opened opened = caseFile.open(caller(), documentId);
    return ResponseEntity.ok().headers(downloadHeaders(opened.document())).body(opened.content());
  }

  /** An attachment, never shown in the page, and never sniffed into something that runs. */
  public static HttpHeaders downloadHeaders(CaseDocument document) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(document.contentType()));
    headers.setContentDisposition(
        ContentDisposition.attachment().filename(document.name(), StandardCharsets.UTF_8).build());
    headers.setContentLength(document.size());
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Content-Security-Policy", "default-src 'none'; sandbox");
    headers.setCacheControl("private, no-store");
    return headers;
  }

  @ExceptionHandler(DocumentRefused.class)
  ResponseEntity<Map<String, Object>> refused(DocumentRefused refusal) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", refusal.getMessage());
    if (refusal.field() != null) {
      body.put("field", refusal.field());
    }
    return ResponseEntity.status(refusal.status())
        .contentType(MediaType.APPLICATION_JSON)
        .body(body);
  }

  private CaseFile.Person caller() {
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication == null) {
      throw new DocumentRefused(401, null, "Log in to use the case file.");
    }
    return CaseFile.Person.of(authentication);
  }
}
