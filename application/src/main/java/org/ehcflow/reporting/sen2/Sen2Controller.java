package org.ehcflow.reporting.sen2;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.ehcflow.reporting.ReportingAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SEN2 return for managers and administrators: {@code GET
 * /api/reports/sen2/{module}.csv?year=2027} (module: person, requests, assessments, named-plans,
 * active-plans, reviews) and {@code GET /api/reports/sen2.xml?year=2027}; both take an optional
 * {@code censusDate=yyyy-MM-dd}. The history is read with the caller's engine authorizations (set
 * for the request by the security filter).
 */
@RestController
public class Sen2Controller {

  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);

  private static final Logger LOG = LoggerFactory.getLogger(Sen2Controller.class);

  private final Sen2Export export;

  public Sen2Controller(Sen2Export export) {
    this.export = export;
  }

  @GetMapping("/api/reports/sen2/{module}.csv")
  public ResponseEntity<?> csv(
      @PathVariable("module") String module,
      @RequestParam(name = "year", required = false) String year,
      @RequestParam(name = "censusDate", required = false) String censusDate,
      Authentication caller) {
    if (!mayRead(caller)) {
      return forbidden();
    }
    Optional<Sen2Module> found = Sen2Module.fromPath(module);
    if (found.isEmpty()) {
      return message(
          HttpStatus.NOT_FOUND,
          "There is no SEN2 module '"
              + module
              + "'. Modules: "
              + String.join(", ", Sen2Module.paths())
              + ".");
    }
    Sen2Period period = Sen2Period.parse(year, censusDate);
    return file(
        export.csv(found.get(), period), CSV, "sen2-" + period.year() + "-" + module + ".csv");
  }

  @GetMapping("/api/reports/sen2.xml")
  public ResponseEntity<?> xml(
      @RequestParam(name = "year", required = false) String year,
      @RequestParam(name = "censusDate", required = false) String censusDate,
      Authentication caller) {
    if (!mayRead(caller)) {
      return forbidden();
    }
    Sen2Period period = Sen2Period.parse(year, censusDate);
    return file(export.xml(period), XML, "sen2-" + period.year() + ".xml");
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<?> badRequest(IllegalArgumentException e) {
    return message(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<?> unexpected(Exception e) {
    LOG.error("SEN2 export failed", e);
    return message(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "The SEN2 export failed: " + e.getClass().getSimpleName());
  }

  private static boolean mayRead(Authentication caller) {
    return caller != null
        && ReportingAccess.allows(
            ReportingAccess.FIGURES,
            caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
  }

  private static ResponseEntity<?> file(String body, MediaType type, String fileName) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName).build().toString())
        .body(body.getBytes(StandardCharsets.UTF_8));
  }

  private static ResponseEntity<?> forbidden() {
    return message(
        HttpStatus.FORBIDDEN,
        "Only SEN managers (la-manager) and administrators (camunda-admin) may export"
            + " the SEN2 return.");
  }

  private static ResponseEntity<?> message(HttpStatus status, String message) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", message));
  }
}
