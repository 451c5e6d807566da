package org.ehcflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;

/**
 * A tagged PDF as a screen reader gets it: the structure tree walked in order, each element's text
 * read from the marked content it points at on its page. Reading it checks the tree holds together:
 * every element's page is one of the document's, every marked-content id it names is on that page,
 * and each page's key in the parent tree leads back to the elements of its content.
 */
record TaggedPdf(
    boolean marked,
    boolean displaysTitle,
    String language,
    List<String> parts,
    List<Element> elements,
    int pagesWithStructure) {

  /** One element: its type, its text, and the page (from 1) its first content is on. */
  record Element(String type, String text, int page) {}

  static TaggedPdf read(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDStructureTreeRoot root = document.getDocumentCatalog().getStructureTreeRoot();
      assertThat(root).as("a structure tree").isNotNull();
      Map<String, String> contents = new HashMap<>();
      Map<Integer, Integer> highestId = new HashMap<>();
      int structured = 0;
      for (int n = 0; n < document.getNumberOfPages(); n++) {
        PDPage page = document.getPage(n);
        PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
        extractor.processPage(page);
        for (PDMarkedContent content : extractor.getMarkedContents()) {
          collect(n, content, contents, highestId);
        }
        if (page.getStructParents() >= 0) {
          structured++;
          COSBase entry = parentTreeEntry(root, page.getStructParents());
          assertThat(entry)
              .as("page %d's key %d in the parent tree", n + 1, page.getStructParents())
              .isNotNull();
          if (entry instanceof COSArray array) {
            assertThat(array.size())
                .as("page %d: an element for each of its marked contents", n + 1)
                .isGreaterThan(highestId.getOrDefault(n, -1));
          }
        }
      }
      List<Element> elements = new ArrayList<>();
      List<String> parts = new ArrayList<>();
      List<Object> top = root.getKids();
      assertThat(top).hasSize(1);
      PDStructureElement whole = (PDStructureElement) top.get(0);
      assertThat(whole.getStructureType()).isEqualTo("Document");
      for (Object kid : whole.getKids()) {
        if (kid instanceof PDStructureElement part) {
          parts.add(part.getStructureType());
          walk(document, part, null, contents, elements);
        }
      }
      var info = document.getDocumentCatalog().getMarkInfo();
      var preferences = document.getDocumentCatalog().getViewerPreferences();
      return new TaggedPdf(
          info != null && info.isMarked(),
          preferences != null && preferences.displayDocTitle(),
          document.getDocumentCatalog().getLanguage(),
          parts,
          elements,
          structured);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The headings (H1 to H6) in reading order. */
  List<String> headings() {
    return elements.stream()
        .filter(element -> element.type().matches("H[1-6]"))
        .map(Element::text)
        .toList();
  }

  private static void collect(
      int page,
      PDMarkedContent content,
      Map<String, String> contents,
      Map<Integer, Integer> highestId) {
    if (content.getMCID() >= 0) {
      StringBuilder text = new StringBuilder();
      for (Object item : content.getContents()) {
        if (item instanceof TextPosition glyph) {
          text.append(glyph.getUnicode());
        }
      }
      contents.merge(page + ":" + content.getMCID(), text.toString(), String::concat);
      highestId.merge(page, content.getMCID(), Math::max);
    }
    for (Object item : content.getContents()) {
      if (item instanceof PDMarkedContent inner) {
        collect(page, inner, contents, highestId);
      }
    }
  }

  /** An element's text, its kids' included; every page and id it names checked on the way. */
  private static String walk(
      PDDocument document,
      PDStructureElement element,
      PDPage inherited,
      Map<String, String> contents,
      List<Element> elements) {
    PDPage page = element.getPage() != null ? element.getPage() : inherited;
    int at = elements.size();
    elements.add(null);
    StringBuilder text = new StringBuilder();
    int firstPage = -1;
    for (Object kid : element.getKids()) {
      if (kid instanceof PDStructureElement child) {
        text.append(walk(document, child, page, contents, elements));
      } else if (kid instanceof Integer mcid) {
        int index = pageIndex(document, page, element);
        firstPage = firstPage < 0 ? index : firstPage;
        text.append(marked(contents, index, mcid, element));
      } else if (kid instanceof PDMarkedContentReference reference) {
        PDPage referenced = reference.getPage() != null ? reference.getPage() : page;
        int index = pageIndex(document, referenced, element);
        firstPage = firstPage < 0 ? index : firstPage;
        text.append(marked(contents, index, reference.getMCID(), element));
      }
    }
    String all = text.toString().replaceAll("\\s+", " ").strip();
    elements.set(at, new Element(element.getStructureType(), all, firstPage + 1));
    return text.toString();
  }

  private static int pageIndex(PDDocument document, PDPage page, PDStructureElement element) {
    assertThat(page).as("the page of a %s element", element.getStructureType()).isNotNull();
    int index = document.getPages().indexOf(page);
    assertThat(index)
        .as("the page of a %s element is a page of the document", element.getStructureType())
        .isGreaterThanOrEqualTo(0);
    return index;
  }

  private static String marked(
      Map<String, String> contents, int page, int mcid, PDStructureElement element) {
    String text = contents.get(page + ":" + mcid);
    assertThat(text)
        .as(
            "marked content %d on page %d, named by a %s element",
            mcid, page + 1, element.getStructureType())
        .isNotNull();
    return text;
  }

  private static COSBase parentTreeEntry(PDStructureTreeRoot root, int key) {
    return find(root.getCOSObject().getCOSDictionary(COSName.PARENT_TREE), key);
  }

  private static COSBase find(COSDictionary node, int key) {
    if (node == null) {
      return null;
    }
    COSArray numbers = node.getCOSArray(COSName.NUMS);
    if (numbers != null) {
      for (int i = 0; i + 1 < numbers.size(); i += 2) {
        if (numbers.getObject(i) instanceof COSInteger number && number.intValue() == key) {
          return numbers.getObject(i + 1);
        }
      }
    }
    COSArray kids = node.getCOSArray(COSName.KIDS);
    if (kids != null) {
      for (int i = 0; i < kids.size(); i++) {
        COSBase found = find((COSDictionary) kids.getObject(i), key);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
