package org.ehcflow.reporting.bundle;

import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;

/**
 * The foot of every page of a bundle: what the bundle is on the left, "Page n of N" on the right,
 * on a white band so the text stays readable over a scanned page. Drawn after the page's own
 * content, whatever state that content leaves, and upright however the page is rotated.
 */
final class PageStamps {

  static final float SIZE = 8;
  private static final float BAND = 16;
  private static final float MARGIN = 28;
  private static final String FONT = "net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";

  private final PDFont font;

  private PageStamps(PDFont font) {
    this.font = font;
  }

  /** DejaVu Sans, embedded in the bundle as a subset: a child's name in any script is drawn. */
  static PageStamps in(PDDocument bundle) throws IOException {
    try (InputStream ttf = PageStamps.class.getClassLoader().getResourceAsStream(FONT)) {
      if (ttf == null) {
        throw new IllegalStateException("the font " + FONT + " is not on the classpath");
      }
      return new PageStamps(PDType0Font.load(bundle, ttf, true));
    }
  }

  PDFont font() {
    return font;
  }

  void stamp(PDDocument bundle, PDPage page, String left, int number, int total)
      throws IOException {
    PDRectangle box = page.getCropBox();
    int rotation = ((page.getRotation() % 360) + 360) % 360;
    boolean sideways = rotation == 90 || rotation == 270;
    float width = sideways ? box.getHeight() : box.getWidth();
    String right = "Page " + number + " of " + total;
    try (PDPageContentStream content =
        new PDPageContentStream(bundle, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
      // The band and page number are pagination, not part of the document: a screen reader skips
      // an artifact.
      COSDictionary pagination = new COSDictionary();
      pagination.setItem(COSName.TYPE, COSName.getPDFName("Pagination"));
      pagination.setItem(COSName.SUBTYPE, COSName.getPDFName("Footer"));
      content.beginMarkedContent(COSName.ARTIFACT, PDPropertyList.create(pagination));
      content.transform(upright(box, rotation));
      content.setNonStrokingColor(1f, 1f, 1f);
      content.addRect(0, 0, width, BAND + 6);
      content.fill();
      content.setNonStrokingColor(0.1f, 0.1f, 0.1f);
      float rightWidth = font.getStringWidth(right) / 1000 * SIZE;
      String shown = fit(left, width - 2 * MARGIN - rightWidth - 12);
      content.beginText();
      content.setFont(font, SIZE);
      content.newLineAtOffset(MARGIN, BAND - SIZE);
      content.showText(shown);
      content.endText();
      content.beginText();
      content.setFont(font, SIZE);
      content.newLineAtOffset(width - MARGIN - rightWidth, BAND - SIZE);
      content.showText(right);
      content.endText();
      content.endMarkedContent();
    }
  }

  /** Text the font can draw, cut with an ellipsis to fit {@code room} points. */
  String fit(String text, float room) throws IOException {
    StringBuilder drawable = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              String one = new String(Character.toChars(c));
              try {
                font.encode(one);
                drawable.append(one);
              } catch (IOException | IllegalArgumentException notInFont) {
                drawable.append('?');
              }
            });
    String shown = drawable.toString();
    if (width(shown) <= room) {
      return shown;
    }
    while (!shown.isEmpty() && width(shown + "…") > room) {
      shown = shown.substring(0, shown.length() - 1);
    }
    return shown + "…";
  }

  private float width(String text) throws IOException {
    return font.getStringWidth(text) / 1000 * SIZE;
  }

  /** From the page's user space to its upright view, with the origin at its lower left. */
  private static Matrix upright(PDRectangle box, int rotation) {
    float x = box.getLowerLeftX();
    float y = box.getLowerLeftY();
    return switch (rotation) {
      case 90 -> new Matrix(0, 1, -1, 0, x + box.getWidth(), y);
      case 180 -> new Matrix(-1, 0, 0, -1, x + box.getWidth(), y + box.getHeight());
      case 270 -> new Matrix(0, -1, 1, 0, x, y + box.getHeight());
      default -> new Matrix(1, 0, 0, 1, x, y);
    };
  }
}
