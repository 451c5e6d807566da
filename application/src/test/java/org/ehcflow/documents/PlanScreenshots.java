package org.ehcflow.documents;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ehcflow.vocabulary.DocumentKind;

/**
 * Draws the pictures of a sample draft plan in {@code docs/documents/}: its first page (the
 * council, the plan's status, the child, sections A and B) and the page listing the advice in
 * section K; and the first page of an amended plan (what it amends, the amendments). Run from the
 * repository's root when the plan's template changes:
 *
 * <pre>{@code
 * ./mvnw -q -o test-compile -pl application
 * java -cp application/target/classes:application/target/test-classes:$(./mvnw -q -o -pl application \
 *     dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test) \
 *     org.ehcflow.documents.PlanScreenshots
 * }</pre>
 */
public final class PlanScreenshots {

  private static final float DPI = 110;

  private PlanScreenshots() {}

  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args.length > 0 ? args[0] : "docs/documents");
    Files.createDirectories(folder);
    byte[] pdf =
        SamplePlans.renderer("classpath:council/logo.png")
            .render(DocumentKind.DRAFT_PLAN, 1, SamplePlans.plan(SamplePlans.sections()));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFRenderer pages = new PDFRenderer(document);
      write(pages.renderImageWithDPI(0, DPI), folder.resolve("plan-page-1.png"));
      int advicePage = pageWith(document, "Section K:");
      write(pages.renderImageWithDPI(advicePage, DPI), folder.resolve("plan-page-section-k.png"));
      System.out.println(
          "plan of "
              + document.getNumberOfPages()
              + " pages: page 1 and page "
              + (advicePage + 1)
              + " written to "
              + folder);
    }
    PlanDocuments plans = SamplePlans.renderer("classpath:council/logo.png");
    PlanContent sample = SamplePlans.plan(SamplePlans.sections());
    PlanContent amended =
        new PlanContent(
            sample.childId(),
            sample.childName(),
            sample.dateOfBirth(),
            sample.nhsNumber(),
            LocalDate.of(2027, 1, 22),
            sample.sections(),
            "Hillside Secondary School (mainstream academy)",
            "Section F: speech and language therapy, 6 sessions a term, added.\n\n"
                + "Section I: Hillside Secondary School named from September 2027.",
            sample.advice());
    String html =
        plans.html(
            DocumentKind.AMENDED_PLAN,
            2,
            amended,
            "This plan amends the Amended EHC plan (version 1) of 15 December 2026. Sections it"
                + " does not change are as they were in that plan.");
    try (PDDocument document =
        Loader.loadPDF(
            new PdfRenderer().render(html, PlanDocuments.title(DocumentKind.AMENDED_PLAN, 2)))) {
      write(
          new PDFRenderer(document).renderImageWithDPI(0, DPI),
          folder.resolve("amended-plan-page-1.png"));
    }
  }

  private static int pageWith(PDDocument document, String text) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    for (int page = 1; page <= document.getNumberOfPages(); page++) {
      stripper.setStartPage(page);
      stripper.setEndPage(page);
      if (stripper.getText(document).contains(text)) {
        return page - 1;
      }
    }
    return 0;
  }

  private static void write(BufferedImage image, Path file) throws IOException {
    ImageIO.write(image, "png", file.toFile());
  }
}
