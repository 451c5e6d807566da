package org.ehcflow.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ehcflow.platform.EngineClock;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The council's own reporting through HTTP: the compliance figures (managers) and a child's
 * chronology and notices (managers and caseworkers), as JSON or as a printable page.
 */
@RestController
public class ReportingApiController {

  private final ComplianceReport compliance;
  private final CaseChronology chronology;

  public ReportingApiController(ComplianceReport compliance, CaseChronology chronology) {
    this.compliance = compliance;
    this.chronology = chronology;
  }

  @GetMapping(path = "/api/reports/compliance", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> figures(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Authentication caller) {
    if (!allowed(ReportingAccess.FIGURES, caller)) {
      return refused();
    }
    LocalDate today = EngineClock.today();
    LocalDate end;
    LocalDate start;
    try {
      end = to == null ? today : LocalDate.parse(to);
    } catch (DateTimeParseException e) {
      return badRequest("to: '" + to + "' is not a date written yyyy-MM-dd");
    }
    try {
      start = from == null ? end.minusYears(1).plusDays(1) : LocalDate.parse(from);
    } catch (DateTimeParseException e) {
      return badRequest("from: '" + from + "' is not a date written yyyy-MM-dd");
    }
    if (end.isBefore(start)) {
      return badRequest("to: the period ends before it starts");
    }
    return ResponseEntity.ok(compliance.figures(start, end, today));
  }

  @GetMapping(path = "/api/cases/{childId}/chronology", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> chronology(@PathVariable String childId, Authentication caller) {
    if (!allowed(ReportingAccess.CHRONOLOGY, caller)) {
      return refused();
    }
    return ResponseEntity.ok(chronology.forChild(childId));
  }

  /**
   * Every notice of the child's cases with its full text, for the same readers as the chronology. A
   * child with no cases has no notices: an empty list, as the chronology answers.
   */
  @GetMapping(path = "/api/cases/{childId}/notices", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> notices(@PathVariable String childId, Authentication caller) {
    if (!allowed(ReportingAccess.CHRONOLOGY, caller)) {
      return refused();
    }
    return ResponseEntity.ok(chronology.noticesForChild(childId));
  }

  @GetMapping(path = "/api/cases/{childId}/chronology.html", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> printableChronology(
      @PathVariable String childId, Authentication caller) {
    if (!allowed(ReportingAccess.CHRONOLOGY, caller)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN)
          .contentType(MediaType.TEXT_PLAIN)
          .body("Reports are for the council's managers and caseworkers.");
    }
    return ResponseEntity.ok()
        .header(PagePolicy.HEADER, ChronologyPage.POLICY)
        .body(
            ChronologyPage.render(
                childId,
                chronology.forChild(childId),
                chronology.noticesForChild(childId),
                EngineClock.today()));
  }

  private static boolean allowed(Set<String> groups, Authentication caller) {
    List<String> callerGroups =
        caller == null
            ? List.of()
            : caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    return ReportingAccess.allows(groups, callerGroups);
  }

  private static ResponseEntity<Map<String, String>> refused() {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(
            Map.of(
                "message",
                "Reports are for the council's managers; partners see their own tasks in Tasklist."));
  }

  private static ResponseEntity<Map<String, String>> badRequest(String message) {
    return ResponseEntity.badRequest().body(Map.of("message", message));
  }
}
