package org.ehcflow.documents;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * HTML (well-formed XHTML) to an accessible PDF with openhtmltopdf: tagged (PDF/UA), the document's
 * language and title from the page, DejaVu Sans embedded (from the jasperreports-fonts jar on the
 * classpath) so every character a name or a letter holds is drawn with a font in the file.
 */
@Component
public class PdfRenderer {

  /** The family the pages ask for in their style: {@code font-family: 'DejaVu Sans'}. */
  private static final String FONT_FAMILY = "DejaVu Sans";

  private static final String FONTS = "net/sf/jasperreports/fonts/dejavu/";
  private static final Pattern HEAD = Pattern.compile("<head>", Pattern.CASE_INSENSITIVE);

  /**
   * @param html a whole XHTML page ({@code <html lang="en">}, a {@code <head>})
   * @param title the document's title, set where the page has no {@code <title>} of its own
   */
  public byte[] render(String html, String title) {
    String page = html;
    if (!page.contains("<title>") && title != null) {
      Matcher head = HEAD.matcher(page);
      if (head.find()) {
        page =
            page.substring(0, head.end())
                + "<title>"
                + escape(title)
                + "</title>"
                + page.substring(head.end());
      }
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024)) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.usePdfUaAccessbility(true);
      font(builder, "DejaVuSans.ttf", 400, PdfRendererBuilder.FontStyle.NORMAL);
      font(builder, "DejaVuSans-Bold.ttf", 700, PdfRendererBuilder.FontStyle.NORMAL);
      font(builder, "DejaVuSans-Oblique.ttf", 400, PdfRendererBuilder.FontStyle.ITALIC);
      font(builder, "DejaVuSans-BoldOblique.ttf", 700, PdfRendererBuilder.FontStyle.ITALIC);
      builder.withHtmlContent(page, null);
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("could not render the PDF '" + title + "'", e);
    }
  }

  private static void font(
      PdfRendererBuilder builder, String file, int weight, PdfRendererBuilder.FontStyle style) {
    builder.useFont(
        () -> {
          InputStream font = PdfRenderer.class.getClassLoader().getResourceAsStream(FONTS + file);
          if (font == null) {
            throw new IllegalStateException(
                "the font " + FONTS + file + " is not on the classpath");
          }
          return font;
        },
        FONT_FAMILY,
        weight,
        style,
        true);
  }

  private static String escape(String value) {
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
