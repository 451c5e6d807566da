package org.ehcflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;

/** A produced PDF, opened with PDFBox: its text, its structure and its fonts. */
final class PlanPdf {

  final int pages;
  final String text;
  final String language;
  final String title;
  final boolean marked;
  final boolean hasStructureTree;
  final List<String> structureTypes;
  final List<String> fonts;
  final List<String> fontsNotEmbedded;
  final List<Integer> imagesPerPage;

  PlanPdf(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      pages = document.getNumberOfPages();
      text = new PDFTextStripper().getText(document);
      language = document.getDocumentCatalog().getLanguage();
      title = document.getDocumentInformation().getTitle();
      marked =
          document.getDocumentCatalog().getMarkInfo() != null
              && document.getDocumentCatalog().getMarkInfo().isMarked();
      hasStructureTree = document.getDocumentCatalog().getStructureTreeRoot() != null;
      structureTypes = new ArrayList<>();
      if (hasStructureTree) {
        collect(document.getDocumentCatalog().getStructureTreeRoot(), structureTypes);
      }
      fonts = new ArrayList<>();
      fontsNotEmbedded = new ArrayList<>();
      imagesPerPage = new ArrayList<>();
      for (PDPage page : document.getPages()) {
        int images = fontsAndImages(page.getResources());
        imagesPerPage.add(images);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int fontsAndImages(PDResources resources) throws IOException {
    if (resources == null) {
      return 0;
    }
    for (COSName name : resources.getFontNames()) {
      PDFont font = resources.getFont(name);
      fonts.add(font.getName());
      if (!font.isEmbedded()) {
        fontsNotEmbedded.add(font.getName());
      }
    }
    int images = 0;
    for (COSName name : resources.getXObjectNames()) {
      if (resources.isImageXObject(name)) {
        images++;
      } else if (resources.getXObject(name) instanceof PDFormXObject form) {
        images += fontsAndImages(form.getResources());
      }
    }
    return images;
  }

  private static void collect(PDStructureNode node, List<String> types) {
    for (Object kid : node.getKids()) {
      if (kid instanceof PDStructureElement element) {
        types.add(element.getStructureType());
        collect(element, types);
      }
    }
  }

  /** The text with line breaks as spaces, so a heading wrapped over two lines reads whole. */
  String flat() {
    return text.replaceAll("\\s+", " ");
  }

  /** The text between two markers (the first of each, in order). */
  String between(String from, String to) {
    String flat = flat();
    int start = flat.indexOf(from);
    int end = flat.indexOf(to, start + from.length());
    assertThat(start).as("'%s' in the text", from).isGreaterThanOrEqualTo(0);
    assertThat(end).as("'%s' after '%s' in the text", to, from).isGreaterThan(start);
    return flat.substring(start + from.length(), end);
  }

  /** The text after a marker (its first occurrence) to the end. */
  String after(String from) {
    String flat = flat();
    int start = flat.indexOf(from);
    assertThat(start).as("'%s' in the text", from).isGreaterThanOrEqualTo(0);
    return flat.substring(start + from.length());
  }

  /** Each of the strings is in the text, in this order. */
  void hasInOrder(String... parts) {
    String flat = flat();
    int at = -1;
    for (String part : parts) {
      int next = flat.indexOf(part, at + 1);
      assertThat(next).as("'%s' after position %d in: %s", part, at, flat).isGreaterThan(at);
      at = next;
    }
  }

  /** Tagged PDF/UA as far as PDFBox reads it: marked, structured, headed, language, fonts. */
  void isAccessible() {
    assertThat(marked).as("tagged (MarkInfo /Marked true)").isTrue();
    assertThat(hasStructureTree).as("structure tree").isTrue();
    assertThat(structureTypes).as("real headings").contains("H1", "H2");
    assertThat(language).isEqualTo("en-GB");
    assertThat(fonts).as("fonts used").isNotEmpty();
    assertThat(fontsNotEmbedded).as("fonts not embedded").isEmpty();
  }
}
