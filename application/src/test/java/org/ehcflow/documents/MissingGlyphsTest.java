package org.ehcflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the plan prints for symbols DejaVu Sans cannot draw. */
class MissingGlyphsTest {

  private static MissingGlyphs glyphs;

  @BeforeAll
  static void readFont() throws IOException {
    try (InputStream font =
        MissingGlyphsTest.class
            .getClassLoader()
            .getResourceAsStream("net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf")) {
      glyphs = new MissingGlyphs(font.readAllBytes());
    }
  }

  @Test
  void an_emoji_the_font_lacks_is_written_as_its_name_and_one_it_draws_stays() {
    // DejaVu Sans draws the emoticons block (U+1F600 on), not the pictographs around it.
    assertThat(glyphs.name("She says 😀 when she is happy 🎨 and likes 🦄."))
        .isEqualTo("She says 😀 when she is happy [artist palette] and likes [unicorn face].");
  }

  @Test
  void skin_tones_and_variation_selectors_go_with_the_emoji_they_shape() {
    assertThat(glyphs.name("Thumbs 👍🏽 up.")).isEqualTo("Thumbs [thumbs up sign] up.");
    assertThat(glyphs.name("Rocket 🚀\uFE0F.")).isEqualTo("Rocket [rocket].");
    assertThat(glyphs.name("❤\uFE0F"))
        .as("a heart the font draws keeps its selector")
        .isEqualTo("❤\uFE0F");
  }

  @Test
  void a_joined_sequence_is_named_figure_by_figure_and_a_flag_by_its_country() {
    assertThat(glyphs.name("👨\u200D👩\u200D👧")).isEqualTo("[man][woman][girl]");
    assertThat(glyphs.name("Born in 🇬🇧")).isEqualTo("Born in [flag GB]");
  }

  @Test
  void what_the_font_draws_and_letters_of_other_scripts_stay_as_written() {
    String drawn = "Café, naïve, ½, →, ★, ☺, مرحبا, שלום";
    assertThat(glyphs.name(drawn)).isSameAs(drawn);
    assertThat(glyphs.name("王小明")).isEqualTo("王小明");
  }
}
