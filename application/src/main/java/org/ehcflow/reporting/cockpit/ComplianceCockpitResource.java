package org.ehcflow.reporting.cockpit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcflow.platform.EngineClock;
import org.ehcflow.reporting.CaseNotice;
import org.ehcflow.reporting.ChronologyEntry;
import org.ehcflow.reporting.ComplianceFigures;
import org.ehcflow.reporting.PagePolicy;
import org.ehcflow.reporting.ReportingAccess;
import org.ehcflow.reporting.ReportingServices;
import org.ehcflow.reporting.bundle.TribunalBundle;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.vocabulary.ChildVariables;
import org.ehcflow.vocabulary.Variable;

/**
 * The plugin's API for one engine, {@code /camunda/api/cockpit/plugin/ehc-compliance/{engineName}}:
 *
 * <ul>
 *   <li>{@code GET figures?from=yyyy-MM-dd&to=yyyy-MM-dd}: the compliance figures (JSON), for the
 *       groups in {@link ReportingAccess#FIGURES};
 *   <li>{@code GET chronology?childId=...} or {@code ?processInstanceId=...}: a child's chronology
 *       (JSON), for the groups in {@link ReportingAccess#CHRONOLOGY};
 *   <li>{@code GET notices?childId=...} or {@code ?processInstanceId=...}: every notice of the
 *       child's cases with its full text (JSON), for the same groups;
 *   <li>{@code GET chronology.html?childId=...} or {@code ?processInstanceId=...}: the chronology
 *       and the notices in full as a printable page, escaped here, for the same groups;
 *   <li>{@code GET bundle.pdf?childId=...} or {@code ?processInstanceId=...}: the child's tribunal
 *       bundle (PDF), for the same groups.
 * </ul>
 *
 * <p>Anyone else gets 403 with a JSON message. The access decision is the council's reporting rule
 * ({@link ReportingAccess}), not the engine's per-definition authorizations: once a caller passes
 * it, the report is read council-wide, so a figure never depends on which process definitions the
 * manager happens to be granted.
 */
public class ComplianceCockpitResource extends AbstractCockpitPluginResource {

  static final Variable<String> CHILD_NAME = ChildVariables.CHILD_NAME;

  private final ReportingServices services;

  public ComplianceCockpitResource(String engineName, ReportingServices services) {
    super(engineName);
    this.services = services;
  }

  @GET
  @Path("figures")
  @Produces(MediaType.APPLICATION_JSON)
  public ComplianceFigures figures(@QueryParam("from") String from, @QueryParam("to") String to) {
    requireGroupIn(ReportingAccess.FIGURES, "the compliance figures");
    LocalDate today = EngineClock.today();
    LocalDate periodTo = date("to", to, today);
    LocalDate periodFrom = date("from", from, periodTo.minusMonths(12).plusDays(1));
    if (periodFrom.isAfter(periodTo)) {
      throw new WebApplicationException(
          "'from' (" + periodFrom + ") is after 'to' (" + periodTo + ")", Status.BAD_REQUEST);
    }
    return asReportingService(() -> services.compliance().figures(periodFrom, periodTo, today));
  }

  @GET
  @Path("chronology")
  @Produces(MediaType.APPLICATION_JSON)
  public List<ChronologyEntry> chronology(
      @QueryParam("childId") String childId,
      @QueryParam("processInstanceId") String processInstanceId) {
    requireGroupIn(ReportingAccess.CHRONOLOGY, "a child's chronology");
    return asReportingService(
        () -> services.chronology().forChild(childOf(childId, processInstanceId)));
  }

  @GET
  @Path("notices")
  @Produces(MediaType.APPLICATION_JSON)
  public List<CaseNotice> notices(
      @QueryParam("childId") String childId,
      @QueryParam("processInstanceId") String processInstanceId) {
    requireGroupIn(ReportingAccess.CHRONOLOGY, "a child's notices");
    return asReportingService(
        () -> services.chronology().noticesForChild(childOf(childId, processInstanceId)));
  }

  @GET
  @Path("chronology.html")
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public Response printableChronology(
      @QueryParam("childId") String childId,
      @QueryParam("processInstanceId") String processInstanceId) {
    Authentication caller = requireGroupIn(ReportingAccess.CHRONOLOGY, "a child's chronology");
    String page =
        asReportingService(
            () -> {
              String child = childOf(childId, processInstanceId);
              List<ChronologyEntry> entries = services.chronology().forChild(child);
              List<CaseNotice> notices = services.chronology().noticesForChild(child);
              return PrintableChronology.render(
                  child,
                  childName(entries),
                  entries,
                  notices,
                  caller.getUserId(),
                  ZonedDateTime.ofInstant(
                      ClockUtil.getCurrentTime().toInstant(), StatutoryClock.ZONE),
                  // from .../cockpit/plugin/ehc-compliance/{engine}/ to the case file's own
                  // route in Tasklist's plugin API, in the same web app session
                  "../../../../tasklist/plugin/ehc-case-file/"
                      + URLEncoder.encode(getProcessEngine().getName(), StandardCharsets.UTF_8)
                      + "/documents/");
            });
    return Response.ok(page).header(PagePolicy.HEADER, PrintableChronology.POLICY).build();
  }

  /**
   * The child's tribunal bundle, as {@code GET /api/cases/{childId}/bundle.pdf} gives it, for a
   * manager or caseworker in their Cockpit session (a link, no HTTP Basic).
   */
  @GET
  @Path("bundle.pdf")
  @Produces("application/pdf")
  public Response bundle(
      @QueryParam("childId") String childId,
      @QueryParam("processInstanceId") String processInstanceId) {
    requireGroupIn(ReportingAccess.CHRONOLOGY, "a child's tribunal bundle");
    TribunalBundle.Built built =
        asReportingService(
            () -> {
              try {
                return services
                    .bundles()
                    .build(childOf(childId, processInstanceId))
                    .orElseThrow(
                        () ->
                            new WebApplicationException(
                                "no case is recorded for this child", Status.NOT_FOUND));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    StreamingOutput body =
        out -> {
          try (built) {
            built.copyTo(out);
          }
        };
    return Response.ok(body, "application/pdf")
        .header("Content-Length", built.size())
        .header("Content-Disposition", "attachment; filename=\"" + built.fileName() + "\"")
        .header("Cache-Control", "private, no-store")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  private String childOf(String childId, String processInstanceId) {
    if (childId != null && !childId.isBlank()) {
      return childId.trim();
    }
    if (processInstanceId == null || processInstanceId.isBlank()) {
      throw new WebApplicationException(
          "give a childId or a processInstanceId", Status.BAD_REQUEST);
    }
    String child = services.chronology().childIdOf(processInstanceId.trim());
    if (child == null || child.isBlank()) {
      throw new WebApplicationException(
          "no child is recorded for process instance " + processInstanceId.trim(),
          Status.NOT_FOUND);
    }
    return child;
  }

  /** The child's name as the latest of their cases recorded it, if any did. */
  private String childName(List<ChronologyEntry> entries) {
    String[] instances =
        entries.stream()
            .map(ChronologyEntry::processInstanceId)
            .filter(Objects::nonNull)
            .distinct()
            .toArray(String[]::new);
    if (instances.length == 0) {
      return null;
    }
    return getProcessEngine()
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instances)
        .variableName(CHILD_NAME.name())
        .list()
        .stream()
        .filter(v -> v.getValue() instanceof String name && !name.isBlank())
        .max((a, b) -> compareNullable(a.getCreateTime(), b.getCreateTime()))
        .map(HistoricVariableInstance::getValue)
        .map(CHILD_NAME::decode)
        .orElse(null);
  }

  private static <T extends Comparable<T>> int compareNullable(T a, T b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    return a.compareTo(b);
  }

  private Authentication requireGroupIn(Set<String> allowed, String what) {
    Authentication caller = getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      throw new WebApplicationException("log in to read " + what, Status.UNAUTHORIZED);
    }
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    if (!ReportingAccess.allows(allowed, groups)) {
      throw new WebApplicationException(
          "user '"
              + caller.getUserId()
              + "' may not read "
              + what
              + "; it is for the groups "
              + String.join(", ", allowed.stream().sorted().toList()),
          Status.FORBIDDEN);
    }
    return caller;
  }

  /**
   * Runs a report without the caller's engine authorizations; the caller has passed {@link
   * ReportingAccess}.
   */
  private <T> T asReportingService(Supplier<T> report) {
    IdentityService identity = getProcessEngine().getIdentityService();
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return report.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private static LocalDate date(String name, String value, LocalDate otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new WebApplicationException(
          "'" + name + "' must be a date as yyyy-MM-dd, not '" + value + "'", Status.BAD_REQUEST);
    }
  }
}
