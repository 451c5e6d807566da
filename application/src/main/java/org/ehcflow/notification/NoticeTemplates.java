package org.ehcflow.notification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Plain-text notice templates a council can edit: {@code <type>.txt}, first line {@code Subject:
 * ...}, a blank line, then the body. {@code ${name}} stands for a case value. A council's folder
 * ({@code ehc.notification.template-dir}) overrides the built-in templates one by one. A template
 * that names a value the case lacks fails the step (an incident), so a letter with a hole in it is
 * never sent.
 */
@Component
public class NoticeTemplates {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_]*)}");
  private static final String SUBJECT_PREFIX = "Subject:";
  private static final Pattern LINE_BREAKS = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]+");

  private final NotificationProperties properties;

  public NoticeTemplates(NotificationProperties properties) {
    this.properties = properties;
  }

  public RenderedNotice render(String noticeType, Function<String, ?> values) {
    String template = load(noticeType);
    int firstBreak = template.indexOf('\n');
    String subjectLine = firstBreak < 0 ? template : template.substring(0, firstBreak);
    if (!subjectLine.startsWith(SUBJECT_PREFIX)) {
      throw new IllegalStateException(
          "Notice template '" + noticeType + "' must start with 'Subject:'");
    }
    // A value with a line break (a setting's two-line name) must not break the subject header in
    // two.
    String subject =
        LINE_BREAKS
            .matcher(
                fill(noticeType, subjectLine.substring(SUBJECT_PREFIX.length()).trim(), values))
            .replaceAll(" ");
    String body = fill(noticeType, template.substring(firstBreak + 1).strip(), values);
    return new RenderedNotice(subject, body + "\n");
  }

  private String load(String noticeType) {
    if (!noticeType.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException(
          "Notice type must be lower-case words and hyphens: " + noticeType);
    }
    String fileName = noticeType + ".txt";
    try {
      if (properties.templateDir() != null && !properties.templateDir().isBlank()) {
        Path councilTemplate = Path.of(properties.templateDir(), fileName);
        if (Files.isRegularFile(councilTemplate)) {
          return Files.readString(councilTemplate, StandardCharsets.UTF_8);
        }
      }
      ClassPathResource builtIn = new ClassPathResource("notices/" + fileName);
      if (!builtIn.exists()) {
        throw new IllegalStateException("No notice template for '" + noticeType + "'");
      }
      try (InputStream in = builtIn.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Notice template '" + noticeType + "' cannot be read", e);
    }
  }

  private static String fill(String noticeType, String text, Function<String, ?> values) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      Object value = values.apply(name);
      if (value == null) {
        throw new IllegalStateException(
            "Notice '" + noticeType + "' needs '" + name + "', which this case does not have");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value.toString()));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  public record RenderedNotice(String subject, String body) {}
}
