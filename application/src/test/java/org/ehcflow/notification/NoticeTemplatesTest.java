package org.ehcflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.ehcflow.documents.CouncilProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The letters' templates: every notice the models send has both, each renders with a full and with
 * a minimal case and council without a placeholder left, and case values stay text.
 */
class NoticeTemplatesTest {

  private static final CouncilProperties MINIMAL_COUNCIL =
      new CouncilProperties("Example Council", null, null, null, null, null);

  private final NoticeTemplates templates =
      new NoticeTemplates(
          new NotificationProperties("send@council.example", "Example Council", null, Map.of()));

  @TempDir Path folder;

  @Test
  void every_notice_the_models_send_has_an_html_and_a_text_template() throws IOException {
    Set<String> sent = noticeTypesOfTheModels();

    assertThat(sent).hasSizeGreaterThan(40);
    assertThat(sent).allSatisfy(type -> assertThat(templates.exists(type)).as(type).isTrue());
  }

  @Test
  void every_template_renders_with_a_full_case_and_a_minimal_case_without_a_placeholder_left()
      throws IOException {
    Letters full = letters(fullCouncil());
    Letters minimal = letters(MINIMAL_COUNCIL);
    Set<String> types = letterTemplates();
    assertThat(types).hasSizeGreaterThan(40);

    for (String type : types) {
      Map<String, Object> everyValue = new HashMap<>(everyValueOfTheVocabulary());
      Map<String, Object> required = new HashMap<>();
      for (String name : templates.caseValueNames(type)) {
        everyValue.putIfAbsent(name, sample(name));
        required.put(name, sample(name));
      }

      NoticeTemplates.RenderedNotice fullLetter =
          full.write(type, "case-1", everyValue::get, null, false).letter();
      NoticeTemplates.RenderedNotice minimalLetter =
          minimal.write(type, "case-1", required::get, null, true).letter();

      for (NoticeTemplates.RenderedNotice letter : List.of(fullLetter, minimalLetter)) {
        for (String written : List.of(letter.subject(), letter.body(), letter.html())) {
          assertThat(written)
              .as(type)
              .doesNotContain("${")
              .doesNotContain("[[")
              .doesNotContain("[(")
              .doesNotContain("[#")
              .doesNotContain("[/]")
              .doesNotContainPattern("\\bth:[a-z]+")
              .doesNotContainPattern("\\bnull\\b");
        }
        assertThat(letter.subject()).as(type).isNotBlank().doesNotContain("\n");
        assertThat(letter.body()).as(type).contains("Example Council");
        assertThat(letter.html())
            .as(type)
            .contains("<html lang=\"en\"")
            .contains("Example Council");
        if (required.containsKey("childName")) {
          assertThat(letter.body()).as(type).contains("Amelia Test");
          assertThat(letter.html()).as(type).contains("Amelia Test");
        }
      }
      assertThat(fullLetter.html())
          .as(type + ": the letterhead's logo, in the page")
          .contains("src=\"data:image/png;base64,");
      assertThat(fullLetter.body()).as(type).contains("1 High Street");
      assertThat(minimalLetter.html()).as(type + ": no logo configured").doesNotContain("<img");
      assertThat(minimalLetter.body()).as(type).doesNotContain("Telephone");
      if (fullLetter.body().contains("Dear parent")) {
        assertThat(fullLetter.body()).as(type).contains("Exampleshire SENDIASS, telephone 0300");
        assertThat(fullLetter.html()).as(type).contains("Exampleshire SENDIASS");
        assertThat(minimalLetter.body()).as(type).doesNotContain("Exampleshire SENDIASS");
      }
    }
  }

  @Test
  void case_values_stay_text_in_the_html_letter() {
    Map<String, Object> values = everyValueOf("decision-to-assess");
    values.put("childName", "<script>alert('x')</script> & \"Jo\"");

    NoticeTemplates.RenderedNotice letter =
        letters(MINIMAL_COUNCIL).write("decision-to-assess", "c", values::get, null, true).letter();

    assertThat(letter.html())
        .doesNotContain("<script")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Jo&quot;");
    assertThat(letter.body()).contains("<script>alert('x')</script> & \"Jo\"");
  }

  @Test
  void a_setting_name_on_two_lines_stays_on_the_subject_line_and_markup_stays_text_in_the_body() {
    Map<String, Object> values = everyValueOf("final-plan-setting");
    values.put("namedSetting", "Brook Special School\r\n(hospital site)\nBcc: someone@example.org");
    values.put("childName", "<b>Sam</b> & \"Jo\"");

    NoticeTemplates.RenderedNotice notice =
        letters(MINIMAL_COUNCIL).write("final-plan-setting", "c", values::get, null, true).letter();

    assertThat(notice.subject())
        .doesNotContain("\r")
        .doesNotContain("\n")
        .contains("Brook Special School (hospital site) Bcc: someone@example.org");
    assertThat(notice.body()).contains("<b>Sam</b> & \"Jo\"");
  }

  @Test
  void a_letter_naming_a_value_the_case_lacks_is_not_written_but_a_preview_shows_the_gap() {
    Map<String, Object> values = everyValueOf("refusal-to-assess");
    values.remove("assessDecisionReason");
    Letters letters = letters(MINIMAL_COUNCIL);

    assertThatThrownBy(() -> letters.write("refusal-to-assess", "c", values::get, null, true))
        .hasMessageContaining("assessDecisionReason");
    assertThat(
            letters
                .write("refusal-to-assess", "c", values::get, name -> "[" + name + "]", false)
                .letter()
                .body())
        .contains("[assessDecisionReason]");
  }

  @Test
  void a_councils_folder_overrides_a_template_and_keeps_the_shared_parts() throws IOException {
    Files.createDirectories(folder.resolve("letters"));
    Files.writeString(
        folder.resolve("letters/withdrawal-confirmed.txt"),
        "Subject: Withdrawn: [(${childName})]\n\nOur own words for [(${childName})].\n\n"
            + "[# th:insert=\"~{letters/_signature.txt}\" /]\n");
    NoticeTemplates council =
        new NoticeTemplates(
            new NotificationProperties(
                "send@council.example", "Example Council", folder.toString(), Map.of()));
    Map<String, Object> values = Map.of("childName", "Amelia Test");

    NoticeTemplates.RenderedNotice letter =
        council.render(
            "withdrawal-confirmed",
            Map.of(
                "council",
                MINIMAL_COUNCIL,
                "councilName",
                "Example Council",
                "today",
                "2026-03-02",
                "attachments",
                List.of()),
            name -> values.get(name) == null ? "x" : values.get(name),
            null);

    assertThat(letter.subject()).isEqualTo("Withdrawn: Amelia Test");
    assertThat(letter.body())
        .contains("Our own words for Amelia Test.")
        .contains("SEND team, Example Council");
    assertThat(letter.html()).as("the built-in HTML letter").contains("Amelia Test");
  }

  private Letters letters(CouncilProperties council) {
    return new Letters(
        templates,
        council,
        new LetterProperties(Map.of(), Map.of()),
        null,
        new DefaultResourceLoader());
  }

  private CouncilProperties fullCouncil() throws IOException {
    Path logo = folder.resolve("logo.png");
    ImageIO.write(new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB), "png", logo.toFile());
    return new CouncilProperties(
        "Example Council",
        "SEND team, Town Hall\n1 High Street\nExampleton EX1 1AA",
        logo.toUri().toString(),
        "send@council.example",
        "01234 567890",
        new CouncilProperties.Sendiass(
            "Exampleshire SENDIASS", "0300 123 4567", "https://sendiass.example"));
  }

  /** The notice types the pathways' models send, from their steps' properties and inputs. */
  static Set<String> noticeTypesOfTheModels() throws IOException {
    Set<String> types = new TreeSet<>();
    Pattern property = Pattern.compile("name=\"noticeType\" value=\"([a-z0-9-]+)\"");
    Pattern input =
        Pattern.compile("<camunda:inputParameter name=\"noticeType\">([a-z0-9-]+)</camunda");
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        String xml = Files.readString(model);
        for (Pattern pattern : List.of(property, input)) {
          Matcher found = pattern.matcher(xml);
          while (found.find()) {
            types.add(found.group(1));
          }
        }
      }
    }
    return types;
  }

  /** The built-in letters: every {@code templates/letters/*.txt} but the shared parts. */
  static Set<String> letterTemplates() throws IOException {
    Set<String> types = new TreeSet<>();
    for (var resource :
        new PathMatchingResourcePatternResolver()
            .getResources("classpath*:templates/letters/*.txt")) {
      String name = resource.getFilename();
      if (!name.startsWith("_") && !name.equals("test-notice.txt")) {
        types.add(name.substring(0, name.length() - ".txt".length()));
      }
    }
    return types;
  }

  /** A value for each case variable a letter might name, as a full case would have it. */
  private static Map<String, Object> everyValueOfTheVocabulary() {
    return Map.of(
        "childName", "Amelia Test",
        "childId", "C-1001",
        "dateOfBirth", "2018-04-12",
        "parentEmail", "parent@example.org");
  }

  private Map<String, Object> everyValueOf(String type) {
    Map<String, Object> values = new HashMap<>();
    templates.caseValueNames(type).forEach(name -> values.put(name, sample(name)));
    return values;
  }

  private static Object sample(String name) {
    if (name.equals("childName")) {
      return "Amelia Test";
    }
    if (name.equals("childId")) {
      return "C-1001";
    }
    String lower = name.toLowerCase();
    if (lower.endsWith("date")
        || lower.endsWith("due")
        || lower.endsWith("ends")
        || lower.endsWith("by")
        || lower.endsWith("deadline")
        || lower.equals("dateofbirth")) {
      return "2026-05-01";
    }
    return "value of " + name;
  }
}
