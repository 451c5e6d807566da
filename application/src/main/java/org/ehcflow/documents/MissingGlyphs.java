package org.ehcflow.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.Locale;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Writes the symbols the document's font cannot draw (emoji above all: a family's or a young
 * person's own words may hold them) as their Unicode names in brackets, "[grinning face]", so the
 * printed plan keeps what was said instead of showing an empty box, and a screen reader reads the
 * same words. Only symbols are named: letters of a script the font lacks stay as they are (still in
 * the text layer, so copied text keeps them), since spelling out each letter of a name would be
 * worse than a box.
 *
 * <p>Emoji modifiers (skin tones), variation selectors and the zero-width joiner only shape the
 * emoji before them and are dropped with it (the figures of a joined sequence are each named); a
 * pair of regional indicators is a flag, "[flag GB]".
 */
final class MissingGlyphs {

  private static final int ZERO_WIDTH_JOINER = 0x200D;
  private static final int REGIONAL_A = 0x1F1E6;
  private static final int REGIONAL_Z = 0x1F1FF;

  private final BitSet drawable = new BitSet(0x110000);

  MissingGlyphs(byte[] trueTypeFont) {
    try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(trueTypeFont))) {
      CmapLookup cmap = font.getUnicodeCmapLookup();
      for (int codePoint = 0; codePoint < 0x110000; codePoint++) {
        if (cmap.getGlyphId(codePoint) != 0) {
          drawable.set(codePoint);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the document font could not be read", e);
    }
  }

  /** Every text node under {@code node}, with its undrawable symbols named. */
  void nameIn(Node node) {
    if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
      String text = node.getNodeValue();
      String named = name(text);
      if (!named.equals(text)) {
        node.setNodeValue(named);
      }
      return;
    }
    NodeList children = node.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      nameIn(children.item(i));
    }
  }

  /** The text with each symbol the font cannot draw written as "[its name]". */
  String name(String text) {
    StringBuilder out = null;
    int namedEnd = -1;
    int i = 0;
    while (i < text.length()) {
      int codePoint = text.codePointAt(i);
      int next = i + Character.charCount(codePoint);
      boolean afterName = out != null && out.length() == namedEnd;
      boolean shaping =
          isShaping(codePoint) && (afterName || !drawable.get(codePoint))
              || codePoint == ZERO_WIDTH_JOINER
                  && (!drawable.get(codePoint)
                      || afterName && next < text.length() && isNamed(text.codePointAt(next)));
      if (!shaping && !isNamed(codePoint)) {
        if (out != null) {
          out.appendCodePoint(codePoint);
        }
        i = next;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length() + 32).append(text, 0, i);
      }
      if (shaping) {
        // drawn as nothing: it only changes how the symbol beside it would look
      } else if (isRegional(codePoint)
          && next < text.length()
          && isRegional(text.codePointAt(next))) {
        int second = text.codePointAt(next);
        out.append("[flag ")
            .append((char) ('A' + codePoint - REGIONAL_A))
            .append((char) ('A' + second - REGIONAL_A))
            .append(']');
        next += Character.charCount(second);
      } else {
        String name = Character.getName(codePoint);
        out.append('[')
            .append(
                name == null
                    ? "symbol U+" + Integer.toHexString(codePoint).toUpperCase(Locale.ROOT)
                    : name.toLowerCase(Locale.ROOT))
            .append(']');
      }
      if (!shaping) {
        namedEnd = out.length();
      }
      i = next;
    }
    return out == null ? text : out.toString();
  }

  private boolean isNamed(int codePoint) {
    if (drawable.get(codePoint)) {
      return false;
    }
    int type = Character.getType(codePoint);
    return type == Character.OTHER_SYMBOL || type == Character.MATH_SYMBOL;
  }

  /**
   * A variation selector, skin tone, keycap or tag: it shapes the emoji before it and has nothing
   * of its own to say, so it goes with a symbol written as its name, and wherever the font cannot
   * draw it. (A joiner goes between two names, or wherever the font cannot draw it.)
   */
  private static boolean isShaping(int codePoint) {
    return (codePoint >= 0xFE00 && codePoint <= 0xFE0F)
        || (codePoint >= 0x1F3FB && codePoint <= 0x1F3FF)
        || codePoint == 0x20E3
        || (codePoint >= 0xE0020 && codePoint <= 0xE007F);
  }

  private static boolean isRegional(int codePoint) {
    return codePoint >= REGIONAL_A && codePoint <= REGIONAL_Z;
  }
}
