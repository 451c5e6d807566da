package org.ehcflow.documents;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.bidi.support.ICUBreakers;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.util.XRLog;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Turns a document written as XHTML into an accessible PDF with openhtmltopdf: tagged PDF/UA
 * (headings, paragraphs, lists and tables as structure, in reading order) and PDF/A-3u, language
 * British English unless the page says otherwise, the title given as the document's title, and
 * every glyph from the DejaVu Sans fonts, embedded (subset). Right-to-left text (Arabic, Hebrew) is
 * split, shaped and reordered with ICU. A symbol the font cannot draw (most emoji) is written as
 * its name ({@link MissingGlyphs}); a letter of a script the font lacks is drawn as the font's
 * missing-glyph box and stays in the text layer.
 *
 * <p>A page refers to nothing outside itself: images come as {@code data:} URIs, and any other
 * address (a file, a web address) is refused, so a template or a value can never make the server
 * read a file or call out.
 */
@Component
public class PdfRenderer {

  /** The font family every document uses; the stylesheet names it. */
  public static final String FONT_FAMILY = "DejaVu Sans";

  private static final String FONTS = "net/sf/jasperreports/fonts/dejavu/";

  /** Characters XML 1.0 does not allow, which a pasted text may still carry. */
  private static final Pattern NOT_XML =
      Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

  private record Face(String file, int weight, FontStyle style) {}

  private static final List<Face> FACES =
      List.of(
          new Face("DejaVuSans.ttf", 400, FontStyle.NORMAL),
          new Face("DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL),
          new Face("DejaVuSans-Oblique.ttf", 400, FontStyle.ITALIC),
          new Face("DejaVuSans-BoldOblique.ttf", 700, FontStyle.ITALIC));

  /**
   * How many sets of parsed faces are kept for renders running at the same time; a render that
   * finds none free parses its own.
   */
  private static final int KEPT_FACE_SETS = 4;

  private final List<byte[]> fonts = FACES.stream().map(face -> resource(face.file())).toList();

  /**
   * The faces parsed once and kept between renders: parsing the four files again for every plan
   * cost a fifth of its rendering time. fontbox reads a parsed font's tables as they are first
   * asked for, so a set serves one render at a time; each document still gets its own subset of
   * each face it uses.
   */
  private final BlockingQueue<List<TrueTypeFont>> parsedFaces =
      new ArrayBlockingQueue<>(KEPT_FACE_SETS);

  private final MissingGlyphs missingGlyphs = new MissingGlyphs(fonts.get(0));
  private final byte[] colourProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

  static {
    // openhtmltopdf logs through java.util.logging by default, and says a great deal at INFO.
    XRLog.listRegisteredLoggers()
        .forEach(logger -> XRLog.setLevel(logger, java.util.logging.Level.WARNING));
  }

  /**
   * @param html a complete XHTML page ({@code <html><head>...</head><body>...</body></html>})
   * @param title the document's title, as a reader's window and a screen reader announce it
   */
  public byte[] render(String html, String title) {
    Document page = parse(NOT_XML.matcher(html).replaceAll(""));
    Element root = page.getDocumentElement();
    if (root.getAttribute("lang").isBlank()) {
      root.setAttribute("lang", "en-GB");
    }
    setTitle(page, title);
    missingGlyphs.nameIn(root);
    List<TrueTypeFont> faces = borrowFaces();
    boolean rendered = false;
    try (PDDocument document = new PDDocument()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.usePDDocument(document);
      builder.useFastMode();
      builder.usePdfUaAccessibility(true);
      builder.usePdfAConformance(PdfAConformance.PDFA_3_U);
      builder.useColorProfile(colourProfile);
      for (int i = 0; i < FACES.size(); i++) {
        Face face = FACES.get(i);
        builder.useFont(
            new FaceInDocument(document, faces.get(i)),
            FONT_FAMILY,
            face.weight(),
            face.style(),
            true);
      }
      builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
      builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
      builder.useUnicodeLineBreaker(new ICUBreakers.ICULineBreaker(Locale.UK));
      builder.useUnicodeCharacterBreaker(new ICUBreakers.ICUCharacterBreaker(Locale.UK));
      builder.useExternalResourceAccessControl(
          (uri, type) -> uri != null && uri.startsWith("data:"),
          ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
      builder.useExternalResourceAccessControl(
          (uri, type) -> uri != null && uri.startsWith("data:"),
          ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
      builder.withProducer("EHC Flow");
      builder.withW3cDocument(page, "about:blank");
      builder.toStream(out);
      builder.run();
      rendered = true;
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("the document '" + title + "' could not be rendered", e);
    } finally {
      returnFaces(faces, rendered);
    }
  }

  /**
   * One face as a font of one document, made only when the page first uses it: an unused face costs
   * nothing and is not embedded.
   */
  private static final class FaceInDocument extends PDFontSupplier {

    private final PDDocument document;
    private final TrueTypeFont face;
    private PDFont font;

    FaceInDocument(PDDocument document, TrueTypeFont face) {
      super(null);
      this.document = document;
      this.face = face;
    }

    @Override
    public PDFont supply() {
      if (font == null) {
        try {
          // Embedded as a subset; the parsed face stays open for the next render.
          font = PDType0Font.load(document, face, true);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return font;
    }
  }

  private List<TrueTypeFont> borrowFaces() {
    List<TrueTypeFont> kept = parsedFaces.poll();
    if (kept != null) {
      return kept;
    }
    return fonts.stream().map(PdfRenderer::parseFace).toList();
  }

  /** A set from a render that failed is not kept, in case the failure was the font's own. */
  private void returnFaces(List<TrueTypeFont> faces, boolean rendered) {
    if (rendered && parsedFaces.offer(faces)) {
      return;
    }
    for (TrueTypeFont face : faces) {
      try {
        face.close();
      } catch (IOException e) {
        // Only memory is held; nothing to tell.
      }
    }
  }

  private static TrueTypeFont parseFace(byte[] file) {
    try {
      return new TTFParser().parse(new RandomAccessReadBuffer(file));
    } catch (IOException e) {
      throw new UncheckedIOException("a DejaVu Sans face could not be read", e);
    }
  }

  private static void setTitle(Document page, String title) {
    NodeList heads = page.getElementsByTagName("head");
    Element head;
    if (heads.getLength() == 0) {
      head = page.createElement("head");
      page.getDocumentElement().insertBefore(head, page.getDocumentElement().getFirstChild());
    } else {
      head = (Element) heads.item(0);
    }
    NodeList titles = head.getElementsByTagName("title");
    Element element;
    if (titles.getLength() == 0) {
      element = page.createElement("title");
      head.insertBefore(element, head.getFirstChild());
    } else {
      element = (Element) titles.item(0);
    }
    element.setTextContent(title);
  }

  private static Document parse(String html) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setExpandEntityReferences(false);
      factory.setXIncludeAware(false);
      factory.setNamespaceAware(true);
      DocumentBuilder parser = factory.newDocumentBuilder();
      parser.setErrorHandler(null);
      return parser.parse(new InputSource(new StringReader(html)));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalArgumentException("the page is not well-formed XHTML: " + e.getMessage(), e);
    }
  }

  private static byte[] resource(String file) {
    try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(FONTS + file)) {
      if (in == null) {
        throw new IllegalStateException(
            "the font " + FONTS + file + " is not on the class path (jasperreports-fonts)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
