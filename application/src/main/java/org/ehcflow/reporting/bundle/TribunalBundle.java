package org.ehcflow.reporting.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationPopup;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.ehcflow.casefile.CaseDocument;
import org.ehcflow.casefile.DocumentStore;
import org.ehcflow.casefile.DocumentTypes;
import org.ehcflow.documents.PdfRenderer;
import org.ehcflow.platform.EngineClock;
import org.ehcflow.reporting.CaseChronology;
import org.ehcflow.reporting.CaseNotice;
import org.ehcflow.reporting.ChronologyEntry;
import org.ehcflow.reporting.DocumentTitles;
import org.ehcflow.reporting.bundle.BundlePages.IndexLine;
import org.ehcflow.statutory.StatutoryClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * A child's tribunal bundle as one PDF, as the First-tier Tribunal (SEND) asks for it: a title
 * page, an index (section, document, date, first page), then A the chronology, B every letter and
 * notice, C every plan version, D every other document of the case file in the order it came,
 * paginated continuously with "Page n of N" on every page.
 *
 * <p>Held apart from the heap: each document is copied from the database to a temporary file one at
 * a time and opened from there, PDFBox keeps what it reads and writes in temporary files ({@link
 * IOUtils#createTempFileOnlyStreamCache()}), the bundle's pages point into those files until the
 * bundle is saved, and the bundle is saved to a file the caller streams out. A document that cannot
 * be placed (a damaged or encrypted PDF, a Word or OpenDocument file) is named in the index as not
 * included, with the reason, and never stops the bundle.
 */
@Service
public class TribunalBundle {

  static final String CHRONOLOGY = "A Chronology";
  static final String LETTERS = "B Decision letters and notices";
  static final String PLANS = "C EHC plans";
  static final String DOCUMENTS = "D Advice, reports and other documents";

  private static final float A4_MARGIN = 40;
  private static final Logger LOG = LoggerFactory.getLogger(TribunalBundle.class);

  private final CaseChronology chronology;
  private final DocumentStore documents;
  private final PdfRenderer renderer;
  private final String council;

  public TribunalBundle(
      CaseChronology chronology,
      DocumentStore documents,
      PdfRenderer renderer,
      @Value("${ehc.council.name:Example Council}") String council) {
    this.chronology = chronology;
    this.documents = documents;
    this.renderer = renderer;
    this.council = council;
  }

  /** A bundle saved to a temporary file; closing it deletes the file. */
  public record Built(Path file, int pages, String fileName) implements AutoCloseable {

    public long size() {
      try {
        return Files.size(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public void copyTo(OutputStream out) throws IOException {
      Files.copy(file, out);
    }

    @Override
    public void close() {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        file.toFile().deleteOnExit();
      }
    }
  }

  /**
   * One part of the bundle: a rendered page set or a case file document, with where it comes in the
   * index. Exactly one of {@code pdf}, {@code image} and {@code notIncluded} is set.
   */
  private static final class Part {
    final String section;
    final String title;
    final String detail;
    final String date;
    PDDocument pdf;
    int from;
    int to;
    PDImageXObject image;
    String notIncluded;

    Part(String section, String title, String detail, String date) {
      this.section = section;
      this.title = title;
      this.detail = detail;
      this.date = date;
    }

    /** All of {@code document}'s pages. */
    void whole(PDDocument document) {
      range(document, 0, document.getNumberOfPages());
    }

    /** Pages {@code from} (included) to {@code to} (excluded) of {@code document}, from 0. */
    void range(PDDocument document, int from, int to) {
      this.pdf = document;
      this.from = from;
      this.to = to;
    }

    int pages() {
      return pdf != null ? to - from : image != null ? 1 : 0;
    }
  }

  /** The bundle of a child; empty when no case of the child is recorded. */
  public Optional<Built> build(String childId) throws IOException {
    long started = System.nanoTime();
    List<ChronologyEntry> entries = chronology.forChild(childId);
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    List<CaseNotice> notices = chronology.noticesForChild(childId);
    List<CaseDocument> files = chronology.documentsForChild(childId);
    String childName = chronology.childName(childId);
    String who = BundlePages.who(childName, childId);
    LocalDate today = EngineClock.today();

    Path work = Files.createTempDirectory("ehc-bundle-");
    List<PDDocument> opened = new ArrayList<>();
    try (PDDocument bundle = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
      PageStamps stamps = PageStamps.in(bundle);
      List<Part> parts = new ArrayList<>();

      // The chronology and the letters: one rendering, each letter from a new page, found again
      // by its bookmark.
      List<String> headings = new ArrayList<>();
      for (int n = 1; n <= notices.size(); n++) {
        headings.add("B" + n + ". " + notices.get(n - 1).subject());
      }
      long casesRead = System.nanoTime();
      PDDocument record =
          rendered(
              BundlePages.caseRecord("A. Chronology of " + who, entries, headings, notices),
              "Chronology and letters: " + who,
              opened);
      List<Integer> starts = bookmarkedPages(record);
      if (starts.size() != notices.size() + 1 || starts.get(0) != 0) {
        throw new IllegalStateException(
            "the chronology and letters rendered "
                + starts.size()
                + " bookmarks, not "
                + (notices.size() + 1));
      }
      starts.add(record.getNumberOfPages());
      Part chronologyPart =
          new Part(CHRONOLOGY, "Chronology of the child's cases", null, day(today));
      chronologyPart.range(record, starts.get(0), starts.get(1));
      parts.add(chronologyPart);
      for (int n = 1; n <= notices.size(); n++) {
        CaseNotice notice = notices.get(n - 1);
        Part part =
            new Part(
                LETTERS,
                notice.subject(),
                "to " + notice.recipient(),
                BundlePages.day(notice.sentAt() != null ? notice.sentAt() : notice.createdAt()));
        part.range(record, starts.get(n), starts.get(n + 1));
        parts.add(part);
      }

      long recordRendered = System.nanoTime();
      List<CaseDocument> plans =
          files.stream()
              .filter(DocumentTitles::isPlan)
              .sorted(
                  Comparator.comparing((CaseDocument d) -> d.kind().ordinal())
                      .thenComparing(
                          CaseDocument::version, Comparator.nullsFirst(Comparator.naturalOrder()))
                      .thenComparing(CaseDocument::uploadedAt))
              .toList();
      for (CaseDocument plan : plans) {
        parts.add(document(PLANS, plan, work, bundle, opened));
      }
      for (CaseDocument upload :
          files.stream().filter(document -> !DocumentTitles.isPlan(document)).toList()) {
        parts.add(document(DOCUMENTS, upload, work, bundle, opened));
      }

      long documentsRead = System.nanoTime();
      // The index's own length moves every page after it: lay the title page and the index out
      // for a length, count the pages they took, and again until the two agree.
      int frontPages = 2;
      PDDocument front = null;
      for (int attempt = 0; attempt < 6; attempt++) {
        List<IndexLine> lines = indexLines(parts, frontPages + 1);
        front =
            rendered(
                BundlePages.front(council, childName, childId, today, parts.size(), lines),
                "Tribunal bundle: " + who,
                opened);
        if (front.getNumberOfPages() == frontPages) {
          break;
        }
        frontPages = front.getNumberOfPages();
      }
      if (front.getNumberOfPages() != frontPages) {
        throw new IllegalStateException("the index's length did not settle");
      }

      long indexLaidOut = System.nanoTime();
      BundleStructure structure = new BundleStructure();
      append(bundle, structure, front, 0, front.getNumberOfPages());
      // Bookmarks as the tribunal's electronic bundles have them: the index, then each section
      // with its documents, each opening the document's first page.
      PDDocumentOutline outline = new PDDocumentOutline();
      bundle.getDocumentCatalog().setDocumentOutline(outline);
      outline.addLast(bookmark("Index", bundle.getPage(front.getNumberOfPages() > 1 ? 1 : 0)));
      PDOutlineItem section = null;
      for (Part part : parts) {
        int first = bundle.getNumberOfPages();
        if (part.pdf != null) {
          append(bundle, structure, part.pdf, part.from, part.to);
        } else if (part.image != null) {
          imagePage(bundle, structure, part, stamps);
        } else {
          continue;
        }
        if (section == null || !section.getTitle().equals(part.section)) {
          section = bookmark(part.section, bundle.getPage(first));
          outline.addLast(section);
        }
        section.addLast(bookmark(part.title, bundle.getPage(first)));
      }

      int total = bundle.getNumberOfPages();
      String left = "Tribunal bundle: " + who;
      int number = 0;
      for (PDPage page : bundle.getPages()) {
        stamps.stamp(bundle, page, left, ++number, total);
      }

      PDDocumentInformation information = bundle.getDocumentInformation();
      information.setTitle("Tribunal bundle: " + who);
      information.setAuthor(council);
      information.setSubject(BundlePages.TRIBUNAL);
      information.setCreator("EHC Flow");
      bundle.getDocumentCatalog().setLanguage("en-GB");
      structure.finish(bundle);

      Path out = Files.createTempFile("ehc-bundle-" + safe(childId) + "-", ".pdf");
      try {
        bundle.save(out.toFile(), CompressParameters.NO_COMPRESSION);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(out);
        throw e;
      }
      long saved = System.nanoTime();
      LOG.info(
          "Tribunal bundle of {} pages, {} documents ({} not included): {} ms (case records {},"
              + " chronology and letters {}, documents {}, title and index {}, pages and save {})",
          total,
          files.size(),
          parts.stream().filter(part -> part.notIncluded != null).count(),
          millis(started, saved),
          millis(started, casesRead),
          millis(casesRead, recordRendered),
          millis(recordRendered, documentsRead),
          millis(documentsRead, indexLaidOut),
          millis(indexLaidOut, saved));
      return Optional.of(new Built(out, total, "bundle-" + safe(childId) + ".pdf"));
    } finally {
      for (PDDocument document : opened) {
        try {
          document.close();
        } catch (IOException ignored) {
          // a temporary file PDFBox could not close is deleted with the folder below
        }
      }
      deleteAll(work);
    }
  }

  /** The index lines, each document's first page counted from {@code firstPage}. */
  private static List<IndexLine> indexLines(List<Part> parts, int firstPage) {
    List<IndexLine> lines = new ArrayList<>();
    int page = firstPage;
    for (Part part : parts) {
      if (part.notIncluded != null) {
        lines.add(
            new IndexLine(
                part.section,
                part.title,
                joined(part.detail, "not included: " + part.notIncluded),
                part.date,
                null));
      } else {
        lines.add(new IndexLine(part.section, part.title, part.detail, part.date, page));
        page += part.pages();
      }
    }
    return lines;
  }

  private static String joined(String a, String b) {
    return a == null || a.isBlank() ? b : a + "; " + b;
  }

  /** A case file document: copied to a file of its own and opened from there, or why it cannot. */
  private Part document(
      String section, CaseDocument document, Path work, PDDocument bundle, List<PDDocument> opened)
      throws IOException {
    String title = DocumentTitles.of(document);
    String detail = title.equals(document.name()) ? null : document.name();
    Part part = new Part(section, title, detail, BundlePages.day(at(document)));
    String type = document.contentType();
    boolean pdf = DocumentTypes.PDF.equals(type);
    boolean image = DocumentTypes.PNG.equals(type) || DocumentTypes.JPEG.equals(type);
    if (!pdf && !image) {
      part.notIncluded =
          DocumentTypes.describe(List.of(type))
              + " cannot be placed in a PDF bundle; save it as PDF and attach it again to include"
              + " it";
      return part;
    }
    Path file = work.resolve(document.id() + (pdf ? ".pdf" : ".img"));
    try (OutputStream out = Files.newOutputStream(file)) {
      if (documents.copyContent(document.id(), out) < 0) {
        part.notIncluded = "its content is missing from the case file";
        return part;
      }
    }
    if (image) {
      try {
        part.image = PDImageXObject.createFromFileByContent(file.toFile(), bundle);
      } catch (IOException | RuntimeException e) {
        part.notIncluded = "the image could not be read (damaged file)";
      }
      return part;
    }
    PDDocument loaded;
    try {
      loaded = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache());
    } catch (InvalidPasswordException e) {
      part.notIncluded = "the PDF is encrypted (password-protected)";
      return part;
    } catch (IOException | RuntimeException e) {
      part.notIncluded = "the PDF could not be read (damaged file)";
      return part;
    }
    opened.add(loaded);
    if (loaded.isEncrypted()) {
      part.notIncluded = "the PDF is encrypted (password-protected)";
    } else if (loaded.getNumberOfPages() == 0) {
      part.notIncluded = "the PDF has no pages";
    } else {
      part.whole(loaded);
    }
    return part;
  }

  private static long millis(long from, long to) {
    return (to - from) / 1_000_000;
  }

  private static PDOutlineItem bookmark(String title, PDPage page) {
    PDPageFitDestination destination = new PDPageFitDestination();
    destination.setPage(page);
    PDOutlineItem item = new PDOutlineItem();
    item.setTitle(title);
    item.setDestination(destination);
    return item;
  }

  /** The page (from 0) each top-level bookmark of a rendered document points at, in order. */
  private static List<Integer> bookmarkedPages(PDDocument document) throws IOException {
    List<Integer> pages = new ArrayList<>();
    PDDocumentOutline outline = document.getDocumentCatalog().getDocumentOutline();
    if (outline == null) {
      return pages;
    }
    for (PDOutlineItem item : outline.children()) {
      PDPage page = item.findDestinationPage(document);
      pages.add(page == null ? -1 : document.getPages().indexOf(page));
    }
    return pages;
  }

  private PDDocument rendered(String html, String title, List<PDDocument> opened)
      throws IOException {
    PDDocument document =
        Loader.loadPDF(
            renderer.render(html, title),
            null,
            null,
            null,
            IOUtils.createTempFileOnlyStreamCache());
    opened.add(document);
    return document;
  }

  /**
   * Every page of {@code source} at the end of the bundle, its content as the source wrote it (not
   * decoded and written again). The pages keep reading their content from the source's file, so the
   * source stays open until the bundle is saved. What ties a page to the rest of its own document
   * is left behind: links, which point into it, and the references of comments and form fields to
   * their page and field tree (a form's fields are first drawn into the page, so what was typed
   * into them stays on it).
   */
  private static void append(
      PDDocument bundle, BundleStructure structure, PDDocument source, int from, int to)
      throws IOException {
    PDAcroForm form = from == 0 ? source.getDocumentCatalog().getAcroForm(null) : null;
    if (form != null && !form.getFields().isEmpty()) {
      try {
        form.flatten();
      } catch (IOException | RuntimeException e) {
        // the form's widgets are kept below as annotations with their appearance
      }
    }
    for (int n = from; n < to; n++) {
      PDPage page = source.getPage(n);
      COSDictionary copy = new COSDictionary(page.getCOSObject());
      for (COSName link :
          List.of(COSName.PARENT, COSName.ANNOTS, COSName.B, COSName.STRUCT_PARENTS)) {
        copy.removeItem(link);
      }
      PDPage imported = new PDPage(copy);
      imported.setMediaBox(page.getMediaBox());
      imported.setCropBox(page.getCropBox());
      imported.setRotation(page.getRotation());
      if (page.getResources() != null) {
        imported.setResources(page.getResources());
      }
      COSArray annotations = new COSArray();
      for (PDAnnotation annotation : page.getAnnotations()) {
        if (annotation instanceof PDAnnotationLink || annotation instanceof PDAnnotationPopup) {
          continue;
        }
        COSDictionary kept = new COSDictionary(annotation.getCOSObject());
        for (COSName link :
            List.of(
                COSName.P,
                COSName.PARENT,
                COSName.POPUP,
                COSName.IRT,
                COSName.A,
                COSName.AA,
                COSName.STRUCT_PARENT)) {
          kept.removeItem(link);
        }
        annotations.add(kept);
      }
      if (annotations.size() > 0) {
        copy.setItem(COSName.ANNOTS, annotations);
      }
      bundle.addPage(imported);
      structure.copied(source, page, imported);
    }
  }

  /** An image on an A4 page of its own, its title above it, scaled to fit the page. */
  private static void imagePage(
      PDDocument bundle, BundleStructure structure, Part part, PageStamps stamps)
      throws IOException {
    PDImageXObject image = part.image;
    boolean landscape = image.getWidth() > image.getHeight();
    PDRectangle a4 =
        landscape
            ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth())
            : PDRectangle.A4;
    PDPage page = new PDPage(a4);
    bundle.addPage(page);
    float captionSize = 11;
    float top = a4.getHeight() - A4_MARGIN;
    float roomWidth = a4.getWidth() - 2 * A4_MARGIN;
    float roomHeight = top - captionSize * 2 - A4_MARGIN - 20;
    float scale = Math.min(roomWidth / image.getWidth(), roomHeight / image.getHeight());
    float width = image.getWidth() * scale;
    float height = image.getHeight() * scale;
    structure.figure(page, part.title);
    try (PDPageContentStream content = new PDPageContentStream(bundle, page)) {
      content.beginMarkedContent(
          COSName.getPDFName("Figure"), PDPropertyList.create(BundleStructure.figureContent()));
      content.beginText();
      content.setFont(stamps.font(), captionSize);
      content.newLineAtOffset(A4_MARGIN, top - captionSize);
      content.showText(stamps.fit(part.title, roomWidth * PageStamps.SIZE / captionSize));
      content.endText();
      content.drawImage(
          image,
          A4_MARGIN + (roomWidth - width) / 2,
          top - captionSize * 2 - height,
          width,
          height);
      content.endMarkedContent();
    }
  }

  private static String at(CaseDocument document) {
    return LocalDateTime.ofInstant(document.uploadedAt(), StatutoryClock.ZONE).toString();
  }

  private static String day(LocalDate date) {
    return BundlePages.day(date.toString());
  }

  /** A child id fit for a file name: letters, digits, dot, dash and underscore. */
  static String safe(String childId) {
    return childId.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static void deleteAll(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      folder.toFile().deleteOnExit();
    }
  }
}
