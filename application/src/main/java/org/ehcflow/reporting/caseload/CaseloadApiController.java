package org.ehcflow.reporting.caseload;

import java.util.List;
import java.util.Map;
import org.ehcflow.platform.EngineClock;
import org.ehcflow.reporting.ReportingAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/caseload}: the caseload figures as of today, for the managers (and the
 * administrators) that read the compliance figures; caseworkers and partners get 403, since who
 * carries how much is a management matter.
 */
@RestController
public class CaseloadApiController {

  private final CaseloadReport report;

  public CaseloadApiController(CaseloadReport report) {
    this.report = report;
  }

  @GetMapping(path = "/api/caseload", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> caseload(Authentication caller) {
    List<String> groups =
        caller == null
            ? List.of()
            : caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    if (!ReportingAccess.allows(ReportingAccess.FIGURES, groups)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN)
          .body(
              Map.of(
                  "message",
                  "The caseload is for the council's managers; your own tasks are in Tasklist."));
    }
    return ResponseEntity.ok(report.caseload(EngineClock.today()));
  }
}
