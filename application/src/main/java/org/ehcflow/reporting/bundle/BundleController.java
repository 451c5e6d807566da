package org.ehcflow.reporting.bundle;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.ehcflow.reporting.ReportingAccess;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{childId}/bundle.pdf}: the child's tribunal bundle, for the readers of the
 * chronology (caseworkers, managers, administrators: {@link ReportingAccess#CHRONOLOGY}); 403 for
 * anyone else, 404 for a child with no case. The bundle is built into a temporary file first, so a
 * failure is an error answer rather than half a PDF, then streamed out and deleted.
 */
@RestController
public class BundleController {

  private final TribunalBundle bundles;

  public BundleController(TribunalBundle bundles) {
    this.bundles = bundles;
  }

  @GetMapping(path = "/api/cases/{childId}/bundle.pdf")
  public void bundle(
      @PathVariable String childId, Authentication caller, HttpServletResponse response)
      throws IOException {
    List<String> groups =
        caller == null
            ? List.of()
            : caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    if (!ReportingAccess.allows(ReportingAccess.CHRONOLOGY, groups)) {
      message(
          response,
          HttpServletResponse.SC_FORBIDDEN,
          "A tribunal bundle is for the council's caseworkers and managers.");
      return;
    }
    Optional<TribunalBundle.Built> built = bundles.build(childId);
    if (built.isEmpty()) {
      message(response, HttpServletResponse.SC_NOT_FOUND, "No case is recorded for this child.");
      return;
    }
    try (TribunalBundle.Built bundle = built.get()) {
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentType(MediaType.APPLICATION_PDF_VALUE);
      response.setContentLengthLong(bundle.size());
      response.setHeader(
          HttpHeaders.CONTENT_DISPOSITION,
          ContentDisposition.attachment().filename(bundle.fileName()).build().toString());
      response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
      response.setHeader("X-Content-Type-Options", "nosniff");
      bundle.copyTo(response.getOutputStream());
    }
  }

  private static void message(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"message\":\"" + message + "\"}");
  }
}
