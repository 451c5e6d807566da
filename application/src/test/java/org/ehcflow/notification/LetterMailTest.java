package org.ehcflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.casefile.CaseDocument;
import org.ehcflow.casefile.DocumentStore;
import org.ehcflow.casefile.SampleDocuments;
import org.ehcflow.review.AnnualReviewProcess;
import org.ehcflow.support.AssessmentCase;
import org.ehcflow.support.Cases;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.ReviewCase;
import org.ehcflow.support.TestMail;
import org.ehcflow.vocabulary.DocumentKind;
import org.ehcflow.vocabulary.NoticeDeliveryVariables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 24, item 2: a letter goes as HTML with a plain-text alternative, with the plan attached
 * where it serves or issues one, and whoever works the task reads it before it is sent.
 */
@EhcIntegrationTest
class LetterMailTest {

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired DocumentStore documents;
  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void the_final_plan_letter_is_html_and_plain_text_with_the_newest_final_plan_attached()
      throws Exception {
    AssessmentCase assessment = Cases.assessment(engine, mail).child("LET-1").atFinalPlan();
    assertThat(planOf("LET-1", DocumentKind.DRAFT_PLAN)).as("the draft served earlier").isNotNull();

    assessment.issued();
    CaseDocument newest = planOf("LET-1", DocumentKind.FINAL_PLAN);

    MimeMessage letter = mailTo("parent@example.org", "Final EHC plan for Child LET-1");
    assertThat(letter.getContentType()).startsWith("multipart/mixed");
    String text = TestMail.text(letter);
    String html = TestMail.html(letter);
    assertThat(text)
        .contains("Child LET-1")
        .contains("We have issued Child LET-1's final education, health and care (EHC) plan")
        .contains("Enclosed: " + newest.name())
        .contains("Example SENDIASS");
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<html lang=\"en\">")
        .contains("<title>Final EHC plan for Child LET-1</title>")
        .contains("Child LET-1")
        .contains("Example Council");
    List<BodyPart> attachments = TestMail.attachments(letter);
    assertThat(attachments).hasSize(1);
    assertThat(attachments.get(0).getFileName()).isEqualTo(newest.name());
    assertThat(attachments.get(0).getContentType()).startsWith("application/pdf");
    try (InputStream pdf = attachments.get(0).getInputStream();
        PDDocument opened = Loader.loadPDF(pdf.readAllBytes())) {
      assertThat(new PDFTextStripper().getText(opened))
          .contains("Education, Health and Care Plan")
          .contains("Final")
          .contains("Child LET-1")
          .contains("Oak Hill School");
    }

    String noticeId = letter.getHeader(NotificationService.NOTICE_ID_HEADER, null);
    Map<String, Object> kept =
        jdbc.queryForMap(
            "SELECT body, html, attachments FROM ehc_notice WHERE notice_id = ?", noticeId);
    assertThat(kept.get("BODY").toString().replace("\r\n", "\n"))
        .isEqualTo(text.replace("\r\n", "\n"));
    assertThat(kept.get("HTML").toString()).contains("Child LET-1");
    assertThat(kept.get("ATTACHMENTS")).isEqualTo(newest.id());

    MimeMessage toSetting =
        Arrays.stream(mail.getReceivedMessages())
            .filter(m -> subject(m).startsWith("Final EHC plan naming"))
            .findFirst()
            .orElseThrow();
    assertThat(TestMail.attachments(toSetting)).as("the named setting has the plan too").hasSize(1);
    MimeMessage considering = mailTo("parent@example.org", "considering");
    assertThat(TestMail.attachments(considering)).as("a letter with no plan").isEmpty();
    assertThat(TestMail.html(considering)).contains("Child LET-1");
  }

  @Test
  void the_draft_plan_letter_encloses_the_draft_the_caseworker_served() throws Exception {
    Cases.assessment(engine, mail).child("LET-5").draftServed();
    CaseDocument draft = planOf("LET-5", DocumentKind.DRAFT_PLAN);

    MimeMessage letter = mailTo("parent@example.org", "Draft EHC plan for Child LET-5");
    assertThat(TestMail.text(letter))
        .contains("is enclosed with this letter")
        .doesNotContain("not received a copy")
        .contains("Enclosed: " + draft.name());
    assertThat(TestMail.html(letter)).contains("is enclosed with this letter");
    List<BodyPart> attachments = TestMail.attachments(letter);
    assertThat(attachments).hasSize(1);
    assertThat(attachments.get(0).getFileName()).isEqualTo(draft.name());
    try (InputStream pdf = attachments.get(0).getInputStream();
        PDDocument opened = Loader.loadPDF(pdf.readAllBytes())) {
      String text = new PDFTextStripper().getText(opened);
      assertThat(text).contains("Draft").contains("Child LET-5").contains("Section K");
    }
  }

  @Test
  void a_plan_letter_the_mail_server_refused_is_delivered_later_with_the_same_plan()
      throws Exception {
    AssessmentCase assessment = Cases.assessment(engine, mail).child("LET-4").atFinalPlan();
    Task issue = assessment.task(AssessmentProcess.Elements.ISSUE_FINAL_PLAN);
    mail.stop();
    assessment.issued();
    CaseDocument plan = planOf("LET-4", DocumentKind.FINAL_PLAN);
    addPlan(
        assessment,
        issue,
        DocumentKind.FINAL_PLAN,
        2,
        "A later version, not the one the letter named");
    mail.start();

    ProcessInstance delivery =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(NoticeDelivery.KEY)
            .variableValueEquals(NoticeDeliveryVariables.NOTICE_TYPE.name(), "final-plan")
            .singleResult();
    assertThat(delivery).as("the parent's letter handed to its own delivery").isNotNull();
    Job job =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(delivery.getId())
            .singleResult();
    engine.getManagementService().executeJob(job.getId());

    MimeMessage letter = mailTo("parent@example.org", "Final EHC plan for Child LET-4");
    assertThat(TestMail.html(letter)).contains("Child LET-4");
    assertThat(TestMail.text(letter)).contains("Child LET-4");
    List<BodyPart> attachments = TestMail.attachments(letter);
    assertThat(attachments).hasSize(1);
    assertThat(attachments.get(0).getFileName()).isEqualTo(plan.name());
    try (InputStream pdf = attachments.get(0).getInputStream();
        PDDocument opened = Loader.loadPDF(pdf.readAllBytes())) {
      assertThat(new PDFTextStripper().getText(opened))
          .contains("Education, Health and Care Plan")
          .contains("Child LET-4")
          .doesNotContain("A later version");
    }
  }

  @Test
  void whoever_works_the_task_previews_its_letters_and_no_one_else_sees_them() throws Exception {
    AssessmentCase assessment = Cases.assessment(engine, mail).child("LET-2").atFinalPlan();
    CaseDocument plan =
        addPlan(assessment, DocumentKind.FINAL_PLAN, 1, "Final EHC plan for Child LET-2");
    Task issue = assessment.task(AssessmentProcess.Elements.ISSUE_FINAL_PLAN);

    ResponseEntity<String> caseworker = preview("caseworker", issue.getId());

    assertThat(caseworker.getStatusCode().value()).isEqualTo(200);
    JsonNode letters = JSON.readTree(caseworker.getBody());
    assertThat(letters).hasSize(3);
    JsonNode toParent = letters.get(0);
    assertThat(toParent.path("noticeType").asText()).isEqualTo("final-plan");
    assertThat(toParent.path("subject").asText()).isEqualTo("Final EHC plan for Child LET-2");
    assertThat(toParent.path("html").asText()).contains("Child LET-2");
    assertThat(toParent.path("text").asText()).contains("Child LET-2");
    assertThat(toParent.path("attachment").asText()).isEqualTo(plan.name());
    assertThat(toParent.path("missing").toString())
        .as("the date the task records, not known before it is completed")
        .contains("finalPlanIssuedDate");
    assertThat(toParent.path("text").asText()).contains("[not yet known: finalPlanIssuedDate]");

    ResponseEntity<String> proposed =
        http.withBasicAuth("caseworker", "demo")
            .getForEntity(
                "/api/tasks/"
                    + issue.getId()
                    + "/letter-preview?finalPlanIssuedDate=2026-06-01&unrelated=x",
                String.class);
    assertThat(JSON.readTree(proposed.getBody()).get(0).path("text").asText())
        .as("the value the form would submit")
        .contains("2026-06-01");

    assertThat(preview("ep", issue.getId()).getStatusCode().value())
        .as("an adviser, not offered the task")
        .isEqualTo(404);
    assertThat(preview("panel", issue.getId()).getStatusCode().value()).isEqualTo(404);
    assertThat(preview("caseworker", "no-such-task").getStatusCode().value()).isEqualTo(404);
    assertThat(preview("caseworker", issue.getId()).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void the_review_decisions_cease_letter_shows_the_reason_typed_into_the_decision()
      throws Exception {
    ReviewCase review = Cases.review(engine, mail).child("LET-5").atDecision();
    Task decide = review.task(AnnualReviewProcess.Elements.DECIDE_OUTCOME);

    ResponseEntity<String> answer =
        http.withBasicAuth("caseworker", "demo")
            .getForEntity(
                "/api/tasks/"
                    + decide.getId()
                    + "/letter-preview?reviewDecisionReason=Starting university in September",
                String.class);

    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    JsonNode considering = null;
    for (JsonNode letter : JSON.readTree(answer.getBody())) {
      if (letter.path("noticeType").asText().equals("cease-considering")) {
        considering = letter;
      }
    }
    assertThat(considering).isNotNull();
    assertThat(considering.path("text").asText())
        .as("the cease case is given the review's reason as its ceaseProposalReason")
        .contains("Why we are considering this: Starting university in September");
    assertThat(considering.path("missing").toString()).doesNotContain("ceaseProposalReason");
  }

  @Test
  void a_task_that_sends_no_letter_has_no_preview() {
    AssessmentCase assessment = Cases.assessment(engine, mail).child("LET-3").atAdvice();
    Task advice = assessment.adviceTask("educational-psychology");

    ResponseEntity<String> answer = preview("ep", advice.getId());

    assertThat(answer.getStatusCode().value()).isEqualTo(404);
    assertThat(answer.getBody()).contains("sends no letter");
  }

  /** The newest plan of a kind in the child's case file, as the case itself stored it. */
  private CaseDocument planOf(String childId, DocumentKind kind) {
    return documents.ofChild(childId).stream()
        .filter(document -> document.kind() == kind)
        .findFirst()
        .orElse(null);
  }

  private ResponseEntity<String> preview(String user, String taskId) {
    return http.withBasicAuth(user, "demo")
        .getForEntity("/api/tasks/" + taskId + "/letter-preview", String.class);
  }

  private CaseDocument addPlan(
      AssessmentCase assessment, DocumentKind kind, int version, String text) {
    return addPlan(
        assessment,
        assessment.task(AssessmentProcess.Elements.ISSUE_FINAL_PLAN),
        kind,
        version,
        text);
  }

  private CaseDocument addPlan(
      AssessmentCase assessment, Task issue, DocumentKind kind, int version, String text) {
    byte[] pdf = SampleDocuments.pdf(text);
    CaseDocument document =
        new CaseDocument(
            UUID.randomUUID().toString(),
            String.valueOf(assessment.variable("childId")),
            assessment.id(),
            null,
            issue.getId(),
            issue.getTaskDefinitionKey(),
            issue.getName(),
            List.of("la-caseworker"),
            kind.code() + "-" + version + ".pdf",
            text,
            "application/pdf",
            pdf.length,
            SampleDocuments.sha256(pdf),
            "system",
            Instant.parse("2026-03-01T10:00:00Z").plusSeconds(version),
            kind,
            version);
    documents.add(document, pdf);
    return document;
  }

  private MimeMessage mailTo(String address, String subjectPart) throws Exception {
    for (MimeMessage message : mail.getReceivedMessages()) {
      if (Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address))
          && subject(message).contains(subjectPart)) {
        return message;
      }
    }
    throw new AssertionError("no mail to " + address + " about " + subjectPart);
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
