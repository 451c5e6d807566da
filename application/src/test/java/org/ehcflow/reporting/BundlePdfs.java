package org.ehcflow.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ehcflow.casefile.CaseDocument;
import org.ehcflow.casefile.DocumentStore;
import org.ehcflow.casefile.SampleDocuments;
import org.ehcflow.vocabulary.DocumentKind;

/** Makes the documents a bundle test puts in a case file, and reads the bundle that comes back. */
public final class BundlePdfs {

  private BundlePdfs() {}

  /** A PDF of {@code pages} A4 pages, each saying "{marker} page {n}". */
  public static byte[] pages(String marker, int pages) {
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (int n = 1; n <= pages; n++) {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
          content.newLineAtOffset(72, 760);
          content.showText(marker + " page " + n);
          content.endText();
        }
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A PDF of {@code pages} A4 pages of running text (about 45 lines each), each page opening with
   * "{marker} page {n}": a report as an adviser writes one.
   */
  public static byte[] report(String marker, int pages) {
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int n = 1; n <= pages; n++) {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(font, 10);
          content.setLeading(15);
          content.newLineAtOffset(60, 780);
          content.showText(marker + " page " + n);
          for (int line = 1; line <= 45; line++) {
            content.newLine();
            content.showText(
                "Line "
                    + line
                    + ": the child needs structured literacy teaching daily, in a small group,"
                    + " reviewed each half term.");
          }
          content.endText();
        }
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stores a document straight into the case file, as imported or legacy data arrives. */
  public static CaseDocument store(
      DocumentStore store,
      String childId,
      String processInstanceId,
      String name,
      String title,
      String contentType,
      byte[] content,
      Instant at,
      DocumentKind kind,
      Integer version) {
    CaseDocument document =
        new CaseDocument(
            UUID.randomUUID().toString(),
            childId,
            processInstanceId,
            "EHCNA-" + childId,
            "imported",
            "imported",
            "Imported document",
            List.of("la-caseworker"),
            name,
            title,
            contentType,
            content.length,
            SampleDocuments.sha256(content),
            "caseworker",
            at,
            kind,
            version);
    store.add(document, content);
    return document;
  }

  /** A bundle as read back: its pages' text, and its index as title -> first page (or null). */
  public record Read(List<String> pages, String index, int indexPages) {

    public int size() {
      return pages.size();
    }

    /** The text of page {@code n} (1-based). */
    public String page(int n) {
      return pages.get(n - 1);
    }

    /** The index line of a document, as the index prints it. */
    public String line(String title) {
      for (String line : index.split("\\R")) {
        if (line.contains(title)) {
          return line.trim();
        }
      }
      throw new AssertionError("the index names no '" + title + "':\n" + index);
    }

    /** The first pages of a section's documents, in the index's order. */
    public List<Integer> sectionPages(String section) {
      List<Integer> found = new ArrayList<>();
      for (String line : index.split("\\R")) {
        Matcher page = Pattern.compile(" (\\d+)$").matcher(line.trim());
        if (line.startsWith(section + " ") && page.find()) {
          found.add(Integer.parseInt(page.group(1)));
        }
      }
      return found;
    }

    /** The first page the index gives a document. */
    public int pageOf(String title) {
      Matcher page = Pattern.compile("(\\d+)$").matcher(line(title));
      if (!page.find()) {
        throw new AssertionError("no page number for '" + title + "': " + line(title));
      }
      return Integer.parseInt(page.group(1));
    }
  }

  public static Read read(byte[] pdf) {
    try (PDDocument bundle = Loader.loadPDF(pdf)) {
      PDFTextStripper text = new PDFTextStripper();
      text.setSortByPosition(true);
      List<String> pages = new ArrayList<>();
      for (int n = 1; n <= bundle.getNumberOfPages(); n++) {
        text.setStartPage(n);
        text.setEndPage(n);
        pages.add(text.getText(bundle));
      }
      // The index runs from page 2 to the chronology, which opens section A.
      StringBuilder index = new StringBuilder();
      int indexPages = 0;
      for (int n = 2; n <= pages.size() && !pages.get(n - 1).contains("A. Chronology of"); n++) {
        index.append(pages.get(n - 1));
        indexPages++;
      }
      return new Read(pages, index.toString(), indexPages);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
