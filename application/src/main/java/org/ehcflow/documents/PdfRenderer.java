package org.ehcflow.documents;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.bidi.support.ICUBreakers;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.util.XRLog;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
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

  private final List<byte[]> fonts = FACES.stream().map(face -> resource(face.file())).toList();
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
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.usePdfUaAccessibility(true);
    builder.usePdfAConformance(PdfAConformance.PDFA_3_U);
    builder.useColorProfile(colourProfile);
    for (int i = 0; i < FACES.size(); i++) {
      byte[] font = fonts.get(i);
      Face face = FACES.get(i);
      builder.useFont(
          () -> new ByteArrayInputStream(font), FONT_FAMILY, face.weight(), face.style(), true);
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
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("the document '" + title + "' could not be rendered", e);
    }
    return out.toByteArray();
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
