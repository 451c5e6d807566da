package org.ehcflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Case values in a notice: kept as typed in the plain-text body, never able to break the subject
 * header.
 */
class NoticeTemplatesTest {

  private final NoticeTemplates templates =
      new NoticeTemplates(
          new NotificationProperties("send@council.example", "Example Council", null, Map.of()));

  @Test
  void a_setting_name_on_two_lines_stays_on_the_subject_line_and_markup_stays_text_in_the_body()
      throws Exception {
    Map<String, Object> values = everyValueOf("final-plan-setting");
    values.put("namedSetting", "Brook Special School\r\n(hospital site)\nBcc: someone@example.org");
    values.put("childName", "<b>Sam</b> & \"Jo\"");

    NoticeTemplates.RenderedNotice notice = templates.render("final-plan-setting", values::get);

    assertThat(notice.subject())
        .doesNotContain("\r")
        .doesNotContain("\n")
        .contains("Brook Special School (hospital site) Bcc: someone@example.org");
    assertThat(notice.body()).contains("<b>Sam</b> & \"Jo\"");
  }

  /**
   * A value for every placeholder of the template, so the test follows the template as councils
   * edit it.
   */
  private static Map<String, Object> everyValueOf(String noticeType) throws Exception {
    String template =
        new String(
            new ClassPathResource("notices/" + noticeType + ".txt")
                .getInputStream()
                .readAllBytes());
    Map<String, Object> values = new HashMap<>();
    Matcher placeholder = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_]*)}").matcher(template);
    while (placeholder.find()) {
      values.put(placeholder.group(1), "value of " + placeholder.group(1));
    }
    return values;
  }
}
