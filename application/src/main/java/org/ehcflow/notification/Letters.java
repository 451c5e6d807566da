package org.ehcflow.notification;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcflow.casefile.CaseDocument;
import org.ehcflow.casefile.DocumentStore;
import org.ehcflow.documents.CouncilProperties;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.vocabulary.Code;
import org.ehcflow.vocabulary.DocumentKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Writes a case's letter: the templates ({@link NoticeTemplates}) filled with the case's values and
 * the product's own (the council from {@code ehc.council.*}, today's date, the logo, the plan that
 * goes with the letter). One place, so a letter sent and a letter previewed are the same letter.
 */
@Component
public class Letters {

  /** The logo's content id in a mail: the HTML letter shows it as {@code cid:council-logo}. */
  public static final String LOGO_CONTENT_ID = "council-logo";

  /**
   * In {@code ehc.letters.plan-attached}: the child's plan now in force, whichever case made it,
   * rather than a plan of the sending case.
   */
  public static final String PLAN_IN_FORCE = "plan-in-force";

  private static final String CHILD_ID = "childId";

  private static final Logger log = LoggerFactory.getLogger(Letters.class);

  private final NoticeTemplates templates;
  private final CouncilProperties council;
  private final LetterProperties letters;
  private final DocumentStore documents;
  private final ResourceLoader resources;

  public Letters(
      NoticeTemplates templates,
      CouncilProperties council,
      LetterProperties letters,
      DocumentStore documents,
      ResourceLoader resources) {
    this.templates = templates;
    this.council = council;
    this.letters = letters;
    this.documents = documents;
    this.resources = resources;
  }

  /** A letter as written, with the case file documents that go with it. */
  public record Written(NoticeTemplates.RenderedNotice letter, List<CaseDocument> attachments) {}

  /**
   * @param forMail true for a mail (the logo as an inline part), false for a page (the logo in the
   *     page)
   * @param missing what to print for a value the case lacks; null to fail instead
   */
  public Written write(
      String noticeType,
      String processInstanceId,
      Function<String, ?> caseValue,
      Function<String, ?> missing,
      boolean forMail) {
    List<CaseDocument> attachments =
        plan(noticeType, processInstanceId, caseValue).stream().toList();
    Map<String, Object> ours = new LinkedHashMap<>();
    ours.put("council", council);
    ours.put("councilName", council.name());
    ours.put("today", today().toString());
    ours.put(
        "logoSrc",
        logo().map(logo -> forMail ? "cid:" + LOGO_CONTENT_ID : dataUri(logo)).orElse(null));
    ours.put("attachments", attachments.stream().map(CaseDocument::name).toList());
    return new Written(templates.render(noticeType, ours, caseValue, missing), attachments);
  }

  /**
   * The plan that goes with a notice type on this case: the newest version of the kind {@code
   * ehc.letters.plan-attached} names for it, if the case file has one.
   */
  public Optional<CaseDocument> plan(String noticeType, String processInstanceId) {
    return plan(noticeType, processInstanceId, name -> null);
  }

  private Optional<CaseDocument> plan(
      String noticeType, String processInstanceId, Function<String, ?> caseValue) {
    String kind = letters.planAttached().get(noticeType);
    if (PLAN_IN_FORCE.equals(kind)) {
      // A plan that moves to another council was made by an earlier case of the child (the
      // assessment or a review), not by the case that sends it.
      Object childId = caseValue.apply(CHILD_ID);
      return childId == null
          ? Optional.empty()
          : documents.planInForce(childId.toString()).map(DocumentStore.StoredPlan::document);
    }
    if (kind == null || processInstanceId == null) {
      return Optional.empty();
    }
    DocumentKind wanted = Code.parse(DocumentKind.class, kind);
    return documents.ofCases(List.of(processInstanceId)).stream()
        .filter(document -> document.kind() == wanted)
        .max(
            Comparator.comparing(
                    (CaseDocument document) -> document.version() == null ? 0 : document.version())
                .thenComparing(CaseDocument::uploadedAt));
  }

  public Optional<CaseDocument> document(String documentId) {
    return documents.find(documentId);
  }

  public byte[] content(String documentId) {
    return documents.content(documentId);
  }

  /** The notice types a task's completion may send, as {@code ehc.letters.previews} lists them. */
  public List<String> previewsOf(String taskDefinitionKey) {
    return letters.previews().getOrDefault(taskDefinitionKey, List.of());
  }

  public NoticeTemplates templates() {
    return templates;
  }

  /** The council's logo, when one is configured and can be read; otherwise the name alone. */
  public Optional<Resource> logo() {
    if (council.logo() == null || council.logo().isBlank()) {
      return Optional.empty();
    }
    Resource logo = resources.getResource(council.logo());
    if (!logo.exists() || !logo.isReadable()) {
      log.warn("The council's logo {} cannot be read; letters show the name only", council.logo());
      return Optional.empty();
    }
    return Optional.of(logo);
  }

  private static String dataUri(Resource logo) {
    try (InputStream in = logo.getInputStream()) {
      String name = logo.getFilename() == null ? "" : logo.getFilename().toLowerCase();
      String type = name.endsWith(".jpg") || name.endsWith(".jpeg") ? "image/jpeg" : "image/png";
      return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(in.readAllBytes());
    } catch (IOException e) {
      return null;
    }
  }

  private static LocalDate today() {
    // The engine's clock, so letters written in a test or a simulation carry its date.
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), StatutoryClock.ZONE);
  }
}
