package org.ehcflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.casefile.CaseDocument;
import org.ehcflow.casefile.DocumentStore;
import org.ehcflow.casefile.SampleDocuments;
import org.ehcflow.notification.Letters;
import org.ehcflow.support.AssessmentCase;
import org.ehcflow.support.Cases;
import org.ehcflow.vocabulary.DocumentKind;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 24, item 2: the caseworker reads in Tasklist the letter a task will send before completing
 * it; and the HTML letter as a parent's mail program shows it. The screenshots are the ones in
 * docs/letters.
 */
class LetterPreviewBrowserTest extends BrowserJourney {

  @Autowired DocumentStore documents;
  @Autowired Letters letters;

  @Test
  void the_caseworker_reads_the_final_plan_letter_in_the_task_before_issuing_it() throws Exception {
    openBrowser("letter-preview");
    AssessmentCase assessment = Cases.assessment(engine, mail).child("LETTER-B1").atFinalPlan();
    caseId = assessment.id();
    Task issue = openTask(AssessmentProcess.Elements.ISSUE_FINAL_PLAN);
    byte[] pdf = SampleDocuments.pdf("Final EHC plan for Child LETTER-B1");
    documents.add(
        new CaseDocument(
            UUID.randomUUID().toString(),
            "LETTER-B1",
            caseId,
            null,
            issue.getId(),
            issue.getTaskDefinitionKey(),
            issue.getName(),
            List.of("la-caseworker"),
            "final-plan-1.pdf",
            "Final EHC plan, version 1",
            "application/pdf",
            pdf.length,
            SampleDocuments.sha256(pdf),
            "system",
            Instant.parse("2026-03-01T10:00:00Z"),
            DocumentKind.FINAL_PLAN,
            1),
        pdf);

    findTask("caseworker", issue, "Child LETTER-B1", "issue-final-plan");
    browser.click(
        By.xpath(
            "//ul[contains(@class,'nav-tabs')]//a[contains(translate(normalize-space(.),"
                + "'LETRPVIW','letrpviw'),'letter preview')]"));
    WebElement first = browser.visible(By.cssSelector(".ehc-letter-preview-letter"));
    assertThat(first.getText())
        .contains("Final EHC plan for Child LETTER-B1")
        .contains("with final-plan-1.pdf attached")
        .contains("Not known yet");
    assertThat(browser.driver().findElements(By.cssSelector(".ehc-letter-preview-letter")))
        .as("to the parent, the named setting and the health commissioner")
        .hasSize(3);
    browser.scrollTo(first);
    browser.screenshot("letter-preview-tab");

    browser.driver().switchTo().frame(first.findElement(By.tagName("iframe")));
    try {
      assertThat(browser.driver().findElement(By.tagName("body")).getText())
          .contains("Dear parent or carer")
          .contains("Child LETTER-B1")
          .contains("Example Council")
          .contains("Enclosed: final-plan-1.pdf");
    } finally {
      browser.driver().switchTo().defaultContent();
    }

    // The draft plan letter as the parent's mail program shows its HTML.
    Letters.Written draft =
        letters.write(
            "draft-plan",
            caseId,
            name -> engine.getRuntimeService().getVariable(caseId, name),
            null,
            false);
    Path page = Path.of("target", "letters", "draft-plan.html").toAbsolutePath();
    Files.createDirectories(page.getParent());
    Files.writeString(page, draft.letter().html());
    browser.driver().get(page.toUri().toString());
    WebElement body = browser.visible(By.tagName("body"));
    assertThat(body.getText())
        .contains("The draft plan was served", "Child LETTER-B1", "Example SENDIASS");
    browser.screenshotWhole("draft-plan-letter", body);
  }
}
