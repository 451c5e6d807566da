package org.ehcflow.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcflow.amendment.AmendPlanProcess.Elements.ISSUE_AMENDED_PLAN;
import static org.ehcflow.amendment.AmendPlanProcess.Elements.RECORD_AMENDMENT_RESPONSE;
import static org.ehcflow.assessment.AssessmentProcess.Elements.DRAFT_PLAN;
import static org.ehcflow.assessment.AssessmentProcess.Elements.SERVE_DRAFT_PLAN;
import static org.ehcflow.review.AnnualReviewProcess.Elements.DECIDE_OUTCOME;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.casefile.CaseDocument;
import org.ehcflow.casefile.CaseFile;
import org.ehcflow.casefile.DocumentStore;
import org.ehcflow.casefile.SampleDocuments;
import org.ehcflow.support.AssessmentCase;
import org.ehcflow.support.Cases;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.PhaseTransferCase;
import org.ehcflow.support.ReviewCase;
import org.ehcflow.support.TestCase;
import org.ehcflow.support.TestMail;
import org.ehcflow.vocabulary.DocumentKind;
import org.ehcflow.vocabulary.Pathways;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Issue 24, item 1: the draft, final and amended plans are rendered from the case's values as
 * tagged PDFs and kept in the case file, each a new version of its kind, stored as the task that
 * serves or issues it completes. The PDFs are opened with PDFBox and their text read.
 */
@EhcIntegrationTest
class PlanDocumentTest {

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] HEADINGS = {
    "Section A:", "Section B:", "Section C:", "Section D:", "Section E:", "Section F:",
    "Section G:", "Section H1:", "Section H2:", "Section I:", "Section J:", "Section K:"
  };

  @Autowired ProcessEngine engine;
  @Autowired DocumentStore store;
  @Autowired CaseFile caseFile;
  @Autowired PlanDocuments plans;
  @Autowired TestRestTemplate http;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void the_served_draft_is_version_1_of_the_draft_plan_and_a_second_draft_never_replaces_it()
      throws Exception {
    AssessmentCase assessment = Cases.assessment(engine, mail).child("C-PLAN-PDF").atAdvice();
    Task epTask = assessment.adviceTask("educational-psychology");
    caseFile.attach(
        new CaseFile.Person("ep", List.of("educational-psychology")),
        epTask.getId(),
        "Educational psychology report.pdf",
        "Psychological advice",
        new ByteArrayInputStream(SampleDocuments.pdf("Educational psychology advice")));
    engine.getIdentityService().setAuthentication("ep", List.of("educational-psychology"));
    engine
        .getTaskService()
        .complete(epTask.getId(), Map.of("adviceSummary", "Needs structured literacy teaching."));
    engine.getIdentityService().clearAuthentication();
    assessment
        .submitting(
            DRAFT_PLAN,
            Map.of(
                "sectionA", "She likes drawing and wants to read chapter books.",
                "sectionB", "Reading two years behind; autism diagnosis.",
                "sectionF", "Daily structured literacy teaching, one to one.",
                "sectionE", "She will read a book of her choice by July 2027.",
                "sectionK", "Advice considered in writing this plan."))
        .draftServed();

    List<CaseDocument> drafts = plansOf(assessment.id(), DocumentKind.DRAFT_PLAN);
    assertThat(drafts).hasSize(1);
    CaseDocument first = drafts.get(0);
    assertThat(first.version()).isEqualTo(1);
    assertThat(first.name()).isEqualTo("EHC-plan-draft-v1-C-PLAN-PDF.pdf");
    assertThat(first.title()).isEqualTo("Draft EHC plan (version 1)");
    assertThat(first.contentType()).isEqualTo("application/pdf");
    assertThat(first.childId()).isEqualTo("C-PLAN-PDF");
    assertThat(first.caseKey()).isEqualTo("EHCNA-C-PLAN-PDF");
    assertThat(first.taskDefinitionKey()).isEqualTo(SERVE_DRAFT_PLAN);
    assertThat(first.taskGroups()).containsExactly("la-caseworker");
    assertThat(first.uploadedBy())
        .as("completed by the test as no one: the system")
        .isEqualTo("system");
    assertThat(first.uploadedAt().toString()).startsWith("2026-04-01T");
    byte[] firstBytes = store.content(first.id());
    assertThat(sha256(firstBytes)).isEqualTo(first.sha256());
    assertThat(first.size()).isEqualTo(firstBytes.length);

    PlanPdf draft = new PlanPdf(firstBytes);
    draft.isAccessible();
    assertThat(draft.title).isEqualTo("Draft EHC plan (version 1)");
    draft.hasInOrder(
        "Example Council",
        "Education, Health and Care Plan",
        "Draft",
        "Version 1, date of the draft: 1 April 2026",
        "Child C-PLAN-PDF",
        "14 March 2016",
        "C-PLAN-PDF");
    draft.hasInOrder(HEADINGS);
    assertThat(draft.flat())
        .contains(
            "Section A: The views, interests and aspirations of the child and their parents or"
                + " the young person")
        .contains("Section B: The child or young person's special educational needs")
        .contains("She likes drawing and wants to read chapter books.");
    assertThat(draft.between("Section D:", "Section E:")).contains("Not recorded");
    String sectionI = draft.between("Section I:", "Section J:");
    assertThat(sectionI).contains("Left blank in a draft plan").doesNotContain("Oak Hill");
    String sectionK = draft.flat().substring(draft.flat().indexOf("Section K:"));
    assertThat(sectionK)
        .contains("Advice considered in writing this plan.")
        .contains("Educational psychology report.pdf")
        .contains("(Psychological advice)")
        .contains("Ep Educational psychology")
        .contains("10 February 2026");
    assertThat(sectionK.split("None attached", -1))
        .as("the three advisers who attached nothing")
        .hasSize(4);

    JsonNode listed =
        JSON.readTree(
            http.withBasicAuth("caseworker", "demo")
                .getForEntity("/api/cases/C-PLAN-PDF/documents", String.class)
                .getBody());
    JsonNode plan = null;
    for (JsonNode document : listed) {
      if ("draft-plan".equals(document.path("kind").asText())) {
        plan = document;
      }
    }
    assertThat(plan).as("the draft in the case file's list").isNotNull();
    assertThat(plan.path("version").asInt()).isEqualTo(1);
    assertThat(plan.path("name").asText()).isEqualTo("EHC-plan-draft-v1-C-PLAN-PDF.pdf");
    assertThat(
            http.withBasicAuth("caseworker", "demo")
                .getForEntity("/api/documents/" + first.id(), byte[].class)
                .getBody())
        .isEqualTo(firstBytes);

    // The draft is changed after the parent's comments and served again: version 2.
    engine.getRuntimeService().setVariable(assessment.id(), "sectionB", "Reading; autism; speech.");
    engine
        .getRuntimeService()
        .createProcessInstanceModification(assessment.id())
        .startBeforeActivity(SERVE_DRAFT_PLAN)
        .execute();
    assessment.on("2026-04-08T10:00");
    engine.getIdentityService().setAuthentication("caseworker", List.of("la-caseworker"));
    engine
        .getTaskService()
        .complete(
            assessment.task(SERVE_DRAFT_PLAN).getId(), Map.of("draftServedDate", "2026-04-08"));
    engine.getIdentityService().clearAuthentication();

    drafts = plansOf(assessment.id(), DocumentKind.DRAFT_PLAN);
    assertThat(drafts).extracting(CaseDocument::version).containsExactly(1, 2);
    CaseDocument second = drafts.get(1);
    assertThat(second.name()).isEqualTo("EHC-plan-draft-v2-C-PLAN-PDF.pdf");
    assertThat(second.uploadedBy()).isEqualTo("caseworker");
    PlanPdf redrafted = new PlanPdf(store.content(second.id()));
    assertThat(redrafted.flat())
        .contains("Version 2, date of the draft: 8 April 2026")
        .contains("Reading; autism; speech.");
    assertThat(drafts.get(0)).isEqualTo(first);
    assertThat(store.content(first.id())).as("version 1 unchanged").isEqualTo(firstBytes);
    assertThat(sha256(store.content(first.id()))).isEqualTo(first.sha256());
  }

  @Test
  void the_final_plan_names_the_setting_in_section_i() {
    AssessmentCase assessment = Cases.assessment(engine, mail).child("C-PLAN-FINAL").issued();

    assertThat(plansOf(assessment.id(), DocumentKind.DRAFT_PLAN))
        .extracting(CaseDocument::version)
        .containsExactly(1);
    List<CaseDocument> finals = plansOf(assessment.id(), DocumentKind.FINAL_PLAN);
    assertThat(finals).hasSize(1);
    CaseDocument issued = finals.get(0);
    assertThat(issued.version()).isEqualTo(1);
    assertThat(issued.title()).isEqualTo("Final EHC plan (version 1)");
    assertThat(issued.name()).isEqualTo("EHC-plan-final-v1-C-PLAN-FINAL.pdf");
    assertThat(issued.taskDefinitionKey()).isEqualTo("userTask_issueFinalPlan");

    PlanPdf plan = new PlanPdf(store.content(issued.id()));
    plan.isAccessible();
    plan.hasInOrder("Example Council", "Education, Health and Care Plan", "Final");
    plan.hasInOrder("Version 1, date of issue: 20 May 2026");
    plan.hasInOrder(HEADINGS);
    assertThat(plan.flat()).doesNotContain("This is a draft plan");
    assertThat(plan.between("Section I:", "Section J:")).contains("Oak Hill School");
    assertThat(plan.between("Section A:", "Section B:")).contains("Text of sectionA");
    assertThat(plan.between("Section C:", "Section D:")).contains("Not recorded");
  }

  @Test
  void an_annual_review_that_amends_the_plan_stores_the_amended_plan() {
    ReviewCase review = Cases.review(engine, mail).child("C-PLAN-AMEND").atDecision();
    String amendment = amendOn15December(review);

    assertThat(plansOf(review.id(), DocumentKind.AMENDED_PLAN))
        .as("stored by the amendment the review called")
        .isEmpty();
    List<CaseDocument> amended = plansOf(amendment, DocumentKind.AMENDED_PLAN);
    assertThat(amended).hasSize(1);
    assertThat(amended.get(0).version()).isEqualTo(1);
    assertThat(amended.get(0).title()).isEqualTo("Amended EHC plan (version 1)");
    PlanPdf plan = new PlanPdf(store.content(amended.get(0).id()));
    plan.isAccessible();
    plan.hasInOrder("Amended", "Version 1, date of issue: 15 December 2026", "Child C-PLAN-AMEND");
    plan.hasInOrder(HEADINGS);
    assertThat(plan.flat())
        .as("a plan from before EHC Flow: the amendment says its text is not held here")
        .contains("The text of the plan this amends is not held in EHC Flow");
    assertThat(plan.flat()).contains("add speech and language therapy, 6 sessions a term");
    assertThat(plan.between("Section I:", "Section J:")).contains("Hillside Primary");
  }

  @Test
  void
      an_amended_plan_carries_forward_the_plan_it_amends_and_versions_count_across_the_childs_cases() {
    String child = "C-PLAN-CARRY";
    AssessmentCase assessment = Cases.assessment(engine, mail).child(child).issued();
    CaseDocument finalPlan = plansOf(assessment.id(), DocumentKind.FINAL_PLAN).get(0);

    ReviewCase review = Cases.review(engine, mail).child(child).atDecision();
    String amendment = amendOn15December(review);
    CaseDocument firstAmendment = plansOf(amendment, DocumentKind.AMENDED_PLAN).get(0);

    PhaseTransferCase transfer = Cases.phaseTransfer(engine, mail).child(child).issued();
    CaseDocument secondAmendment = plansOf(transfer.id(), DocumentKind.AMENDED_PLAN).get(0);

    assertThat(finalPlan.version()).isEqualTo(1);
    assertThat(firstAmendment.version()).isEqualTo(1);
    assertThat(firstAmendment.title()).isEqualTo("Amended EHC plan (version 1)");
    assertThat(secondAmendment.version())
        .as("the transfer's amendment follows the review's, though in another process")
        .isEqualTo(2);
    assertThat(secondAmendment.name()).isEqualTo("EHC-plan-amended-v2-C-PLAN-CARRY.pdf");

    PlanPdf first = new PlanPdf(store.content(firstAmendment.id()));
    first.isAccessible();
    first.hasInOrder(
        "Amended",
        "Version 1, date of issue: 15 December 2026",
        "This plan amends the Final EHC plan (version 1) of 20 May 2026.",
        "Amendments made in this version",
        "add speech and language therapy, 6 sessions a term");
    first.hasInOrder(HEADINGS);
    assertThat(first.between("Section A:", "Section B:"))
        .as("carried forward from the final plan")
        .contains("Text of sectionA")
        .doesNotContain("Not recorded");
    assertThat(first.between("Section F:", "Section G:")).contains("Text of sectionF");
    assertThat(first.between("Section I:", "Section J:")).contains("Hillside Primary");
    String finalAdvice = new PlanPdf(store.content(finalPlan.id())).after("Section K:");
    String header = "Documents attached";
    assertThat(finalAdvice).contains(header);
    String firstAdvice =
        finalAdvice
            .substring(finalAdvice.indexOf(header) + header.length())
            .strip()
            .substring(0, 30);
    assertThat(first.after("Section K:"))
        .as("the advice listed in section K stays as the final plan listed it")
        .contains(header, firstAdvice);

    PlanPdf second = new PlanPdf(store.content(secondAmendment.id()));
    second.hasInOrder(
        "Amended", "This plan amends the Amended EHC plan (version 1) of 15 December 2026.");
    assertThat(second.between("Section A:", "Section B:")).contains("Text of sectionA");
    assertThat(second.flat())
        .as("each version lists only its own amendments")
        .doesNotContain("6 sessions a term");
    String named = String.valueOf(transfer.variable("namedSetting"));
    assertThat(second.between("Section I:", "Section J:")).contains(named);
  }

  @Test
  void a_phase_transfer_stores_the_amended_plan_naming_the_next_setting() {
    PhaseTransferCase transfer =
        Cases.phaseTransfer(engine, mail).child("C-PLAN-TRANSFER").issued();

    List<CaseDocument> amended = plansOf(transfer.id(), DocumentKind.AMENDED_PLAN);
    assertThat(amended).hasSize(1);
    assertThat(amended.get(0).version()).isEqualTo(1);
    assertThat(amended.get(0).taskDefinitionKey()).isEqualTo("userTask_issueTransferPlan");
    PlanPdf plan = new PlanPdf(store.content(amended.get(0).id()));
    plan.hasInOrder(HEADINGS);
    String named = String.valueOf(transfer.variable("namedSetting"));
    assertThat(plan.between("Section I:", "Section J:")).contains(named);
  }

  @Test
  void long_right_to_left_and_emoji_text_renders_with_emoji_written_as_their_names() {
    StringBuilder longText = new StringBuilder();
    int paragraph = 0;
    while (longText.length() < 20_000) {
      paragraph++;
      longText
          .append("Paragraph ")
          .append(paragraph)
          .append(": she needs a quiet place to work, visual prompts and time to answer. ")
          .append(paragraph % 5 == 0 ? "\n\n" : "");
    }
    String sectionB = longText.substring(0, 20_000);
    Map<PlanSection, String> sections = SamplePlans.sections();
    sections.put(PlanSection.B, sectionB);
    sections.put(
        PlanSection.A,
        "Her mother writes in Arabic: مرحبا بكم في المدرسة\n\nand in Hebrew: שלום לכולם\n\n"
            + "She says 😀 when she is happy 🎨.");
    sections.put(PlanSection.J, "x".repeat(3_000));

    PlanPdf plan =
        new PlanPdf(plans.render(DocumentKind.DRAFT_PLAN, 1, SamplePlans.plan(sections)));

    assertThat(plan.pages).as("the long section runs over pages").isGreaterThanOrEqualTo(6);
    plan.isAccessible();
    plan.hasInOrder(HEADINGS);
    assertThat(plan.flat())
        .contains("Paragraph 1: she needs a quiet place")
        .contains("Paragraph " + (paragraph - 1) + ": she needs")
        .contains("Her mother writes in Arabic:")
        .contains("She says 😀 when she is happy [artist palette].")
        .contains("when she is happy");
    assertThat(plan.text).containsAnyOf("שלום", "םולש");
    assertThat(plan.text).containsAnyOf("مرحبا", "ابحرم", "ﻣﺮﺣﺒﺎ");
  }

  /**
   * The review decides on 20 November 2026 to add speech and language therapy to section F, the
   * parent agrees, and the amended plan naming Hillside Primary is issued on 15 December.
   */
  private static String amendOn15December(ReviewCase review) {
    review.on("2026-11-20T10:00");
    review.complete(
        DECIDE_OUTCOME,
        Map.of(
            "reviewDecision", "amend",
            "reviewDecisionReason", "Needs changed",
            "reviewDecisionDate", "2026-11-20",
            "proposedAmendments", "Section F: add speech and language therapy, 6 sessions a term"));
    review.on("2026-11-25T10:00");
    TestCase amendment = review.called(Pathways.AMEND_PLAN);
    amendment.complete(RECORD_AMENDMENT_RESPONSE, Map.of("parentAmendmentComments", "Agree"));
    review.on("2026-12-15T10:00");
    amendment.complete(
        ISSUE_AMENDED_PLAN,
        Map.of(
            "amendmentDecision",
            "amend",
            "finalAmendedPlanIssuedDate",
            "2026-12-15",
            "namedSetting",
            "Hillside Primary"));
    return amendment.id();
  }

  @Test
  void a_missing_logo_leaves_the_council_name_only() {
    PlanPdf withLogo =
        new PlanPdf(
            SamplePlans.renderer("classpath:council/logo.png")
                .render(DocumentKind.FINAL_PLAN, 1, SamplePlans.plan(SamplePlans.sections())));
    PlanPdf noLogo =
        new PlanPdf(
            SamplePlans.renderer("classpath:council/no-such-logo.png")
                .render(DocumentKind.FINAL_PLAN, 1, SamplePlans.plan(SamplePlans.sections())));
    PlanPdf blankLogo =
        new PlanPdf(
            SamplePlans.renderer("")
                .render(DocumentKind.FINAL_PLAN, 1, SamplePlans.plan(SamplePlans.sections())));

    assertThat(withLogo.imagesPerPage.get(0)).isEqualTo(1);
    for (PlanPdf plan : List.of(noLogo, blankLogo)) {
      assertThat(plan.imagesPerPage.get(0)).isZero();
      plan.isAccessible();
      plan.hasInOrder("Example Council", "Education, Health and Care Plan", "Final");
      plan.hasInOrder(HEADINGS);
      assertThat(plan.between("Section I:", "Section J:")).contains("Oak Hill School");
    }
  }

  @Test
  void a_plan_with_no_advice_and_no_sections_says_not_recorded_in_each_section() {
    PlanContent empty =
        new PlanContent("C-EMPTY", null, null, null, null, Map.of(), null, null, List.of());

    PlanPdf plan = new PlanPdf(plans.render(DocumentKind.FINAL_PLAN, 3, empty));

    plan.hasInOrder(HEADINGS);
    assertThat(plan.flat().split("Not recorded", -1).length - 1)
        .as("name, date of birth and the twelve sections")
        .isEqualTo(14);
    assertThat(plan.title).isEqualTo("Final EHC plan (version 3)");
  }

  private List<CaseDocument> plansOf(String processInstanceId, DocumentKind kind) {
    return store.ofCases(List.of(processInstanceId)).stream()
        .filter(document -> document.kind() == kind)
        .sorted(java.util.Comparator.comparing(CaseDocument::version))
        .toList();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
