package org.ehcflow.documents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.ehcflow.casefile.CaseDocument;
import org.ehcflow.casefile.DocumentStore;
import org.ehcflow.vocabulary.DocumentKind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The EHC plan as a document: each draft, final and amended plan a pathway serves or issues is
 * rendered from the case's values ({@code templates/plan/ehc-plan.html}) and kept in the case file
 * as a new version of its kind, never in place of an earlier one.
 *
 * <p>It is stored by the task listener of the task that serves or issues the plan, so in the same
 * transaction as the task's completion: a completion that fails stores no plan, and a stored plan
 * is always the one the case went on with. The pathways build the {@link PlanContent} from their
 * own variables; this class knows none of them.
 */
@Service
public class PlanDocuments {

  public static final String TEMPLATE = "plan/ehc-plan";

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final String SYSTEM = "system";

  private final Templates templates;
  private final PdfRenderer renderer;
  private final CouncilProperties council;
  private final CouncilLogo logo;
  private final DocumentStore store;
  private final boolean storePlans;
  private final JsonMapper json =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  public PlanDocuments(
      Templates templates,
      PdfRenderer renderer,
      CouncilProperties council,
      CouncilLogo logo,
      DocumentStore store,
      @Value("${ehc.documents.store-plans:true}") boolean storePlans) {
    this.templates = templates;
    this.renderer = renderer;
    this.council = council;
    this.logo = logo;
    this.store = store;
    this.storePlans = storePlans;
  }

  /**
   * Renders the plan and stores it as the next version of its kind in the task's case, as done by
   * whoever completes the task (or "system"), with the task's groups, who may read it as well as
   * the council's people.
   */
  public Optional<CaseDocument> issue(DocumentKind kind, PlanContent content, DelegateTask task) {
    if (kind == DocumentKind.UPLOAD) {
      throw new IllegalArgumentException("an upload is not a plan");
    }
    if (!storePlans) {
      return Optional.empty();
    }
    return Optional.of(store(kind, content, null, task));
  }

  /**
   * Issues an amended plan: the plan in force for the child (their last final or amended plan in
   * the case file) with the amendment's date, named setting and amendments, every section it does
   * not change carried forward as it was. Without an earlier plan in the case file (a plan made
   * before EHC Flow held its text) the document says so and holds the amendments alone.
   */
  public Optional<CaseDocument> issueAmendment(PlanAmendment amendment, DelegateTask task) {
    if (!storePlans) {
      return Optional.empty();
    }
    Optional<DocumentStore.StoredPlan> inForce = store.planInForce(amendment.childId());
    PlanContent earlier = inForce.map(plan -> read(plan.content())).orElse(null);
    PlanContent amended =
        new PlanContent(
            amendment.childId(),
            amendment.childName(),
            amendment.dateOfBirth(),
            amendment.nhsNumber(),
            amendment.issued(),
            earlier == null ? Map.of() : earlier.sections(),
            amendment.namedSetting(),
            amendment.amendments(),
            earlier == null ? List.of() : earlier.advice());
    String amends =
        inForce
            .map(
                plan ->
                    "This plan amends the "
                        + plan.document().title()
                        + Optional.ofNullable(earlier.date())
                            .map(date -> " of " + day(date))
                            .orElse("")
                        + ". Sections it does not change are as they were in that plan.")
            .orElse(
                "The text of the plan this amends is not held in EHC Flow (it was made before"
                    + " EHC Flow kept plans): this document sets out the amendments and the named"
                    + " setting, and the other sections are as in the plan the family holds.");
    return Optional.of(store(DocumentKind.AMENDED_PLAN, amended, amends, task));
  }

  private CaseDocument store(
      DocumentKind kind, PlanContent content, String amends, DelegateTask task) {
    String processInstanceId = task.getProcessInstanceId();
    int version = store.latestVersion(content.childId(), processInstanceId, kind) + 1;
    byte[] pdf = renderer.render(html(kind, version, content, amends), title(kind, version));
    CaseDocument document =
        new CaseDocument(
            UUID.randomUUID().toString(),
            content.childId(),
            processInstanceId,
            task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey(),
            task.getId(),
            task.getTaskDefinitionKey(),
            task.getName(),
            groupsOf(task),
            fileName(kind, version, content.childId()),
            title(kind, version),
            "application/pdf",
            pdf.length,
            sha256(pdf),
            completedBy(task),
            ClockUtil.getCurrentTime().toInstant(),
            kind,
            version);
    store.add(document, pdf, write(content));
    return document;
  }

  /** The plan as a PDF, as version {@code version} of its kind. */
  public byte[] render(DocumentKind kind, int version, PlanContent content) {
    return renderer.render(html(kind, version, content), title(kind, version));
  }

  /** The plan's page, before it is a PDF. */
  public String html(DocumentKind kind, int version, PlanContent content) {
    return html(kind, version, content, null);
  }

  /**
   * The plan's page, before it is a PDF, with {@code amends} saying which plan an amended plan
   * amends (or null).
   */
  String html(DocumentKind kind, int version, PlanContent content, String amends) {
    Map<String, Object> model = new HashMap<>();
    Map<String, Object> councilView = new HashMap<>();
    councilView.put("name", council.name());
    councilView.put("address", blankIsNull(council.address()));
    councilView.put("email", blankIsNull(council.email()));
    councilView.put("phone", blankIsNull(council.phone()));
    model.put("council", councilView);
    model.put("logo", logo.dataUri().orElse(null));
    model.put("status", status(kind));
    model.put("title", title(kind, version));
    model.put("version", version);
    model.put("draft", kind == DocumentKind.DRAFT_PLAN);
    model.put("dated", day(content.date()));
    model.put("datedAs", kind == DocumentKind.DRAFT_PLAN ? "date of the draft" : "date of issue");
    Map<String, Object> child = new HashMap<>();
    child.put("childId", blankIsNull(content.childId()));
    child.put("childName", blankIsNull(content.childName()));
    child.put("nhsNumber", blankIsNull(content.nhsNumber()));
    model.put("child", child);
    model.put("dateOfBirth", day(content.dateOfBirth()));
    model.put("amendments", paragraphs(content.amendments()));
    model.put("amends", amends);
    model.put("sections", sections(kind, content));
    model.put(
        "advice",
        content.advice().stream()
            .map(
                advice ->
                    Map.of(
                        "kind", orNotRecorded(advice.kind()),
                        "givenBy", orNotRecorded(advice.givenBy()),
                        "received", orNotRecorded(day(advice.received())),
                        "documents", advice.documents()))
            .toList());
    return templates.html(TEMPLATE, model);
  }

  /** What the plan said, kept with it so the next amendment can start from it. */
  String write(PlanContent content) {
    try {
      return json.writeValueAsString(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a plan's content is always JSON", e);
    }
  }

  PlanContent read(String content) {
    try {
      return json.readValue(content, PlanContent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the plan in the case file could not be read back", e);
    }
  }

  /** "Draft EHC plan (version 1)". */
  public static String title(DocumentKind kind, int version) {
    return status(kind) + " EHC plan (version " + version + ")";
  }

  /** "EHC-plan-draft-v1-C1234.pdf": the child's id kept to what is safe in a file name. */
  public static String fileName(DocumentKind kind, int version, String childId) {
    String child =
        childId == null || childId.isBlank()
            ? "case"
            : childId.strip().replaceAll("[^A-Za-z0-9._-]", "-");
    if (child.length() > 100) {
      child = child.substring(0, 100);
    }
    return "EHC-plan-"
        + status(kind).toLowerCase(Locale.ROOT)
        + "-v"
        + version
        + "-"
        + child
        + ".pdf";
  }

  static String status(DocumentKind kind) {
    return switch (kind) {
      case DRAFT_PLAN -> "Draft";
      case FINAL_PLAN -> "Final";
      case AMENDED_PLAN -> "Amended";
      case UPLOAD -> throw new IllegalArgumentException("an upload is not a plan");
    };
  }

  private static List<Map<String, Object>> sections(DocumentKind kind, PlanContent content) {
    List<Map<String, Object>> sections = new ArrayList<>();
    for (PlanSection section : PlanSection.values()) {
      Map<String, Object> view = new HashMap<>();
      view.put("id", "section-" + section.letter().toLowerCase(Locale.ROOT));
      view.put("letter", section.letter());
      view.put("heading", section.heading());
      List<String> text = paragraphs(content.section(section));
      String note = null;
      if (section == PlanSection.I) {
        if (kind == DocumentKind.DRAFT_PLAN) {
          // CoP 9.62: a draft plan must not name a school or other institution.
          text = List.of();
          note =
              "Left blank in a draft plan: the school or other institution is named in the final"
                  + " plan, after the parent or young person has said which they would prefer.";
        } else {
          List<String> named = new ArrayList<>();
          if (content.namedSetting() != null && !content.namedSetting().isBlank()) {
            named.add(content.namedSetting().strip());
          }
          named.addAll(text);
          text = named;
        }
      }
      view.put("paragraphs", text);
      view.put("note", note);
      view.put("adviceList", section == PlanSection.K);
      sections.add(view);
    }
    return sections;
  }

  /** A text as paragraphs, split at blank lines; null or blank is none. */
  static List<String> paragraphs(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<String> paragraphs = new ArrayList<>();
    for (String paragraph : text.replace("\r\n", "\n").split("\n\\s*\n")) {
      if (!paragraph.isBlank()) {
        paragraphs.add(paragraph.strip());
      }
    }
    return paragraphs;
  }

  private static String day(LocalDate date) {
    return date == null ? null : DAY.format(date);
  }

  private static String blankIsNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String orNotRecorded(String value) {
    return value == null || value.isBlank() ? "Not recorded" : value;
  }

  private static List<String> groupsOf(DelegateTask task) {
    return task.getCandidates().stream()
        .map(IdentityLink::getGroupId)
        .filter(Objects::nonNull)
        .distinct()
        .sorted()
        .toList();
  }

  /** The person completing the task: the logged-in user, else its assignee, else the system. */
  private static String completedBy(DelegateTask task) {
    CommandContext command = Context.getCommandContext();
    String user = command == null ? null : command.getAuthenticatedUserId();
    if (user == null) {
      user = task.getAssignee();
    }
    return user == null ? SYSTEM : user;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
