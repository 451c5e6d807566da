package org.ehcflow.notification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * The letters, from Thymeleaf templates a council can edit: for each notice type, {@code
 * templates/letters/<type>.txt} (first line {@code Subject: ...}, a blank line, then the plain-text
 * letter) and {@code templates/letters/<type>.html} (the same letter as HTML), sharing the
 * letterhead, signature and SENDIASS parts ({@code _layout.html}, {@code _letterhead.txt}, {@code
 * _signature.txt}, {@code _sendiass.txt}). A council's folder ({@code
 * ehc.notification.template-dir}, holding {@code letters/...}) overrides the built-in files one by
 * one.
 *
 * <p>A template names a case value as {@code ${name}}: {@code [[${name}]]} in HTML, which escapes
 * it, and {@code [(${name})]} in plain text. Every case value a letter names is required: a case
 * that lacks one fails the step (an incident), so a letter with a hole in it is never sent. The
 * values the product gives itself ({@link #OURS}: the council, today's date, the subject, the logo,
 * the enclosed documents) are not case values.
 */
@Component
public class NoticeTemplates {

  /** The values every letter has, given by the product rather than the case. */
  public static final Set<String> OURS =
      Set.of("council", "councilName", "today", "subject", "logoSrc", "attachments");

  static final String FOLDER = "letters/";
  private static final String SUBJECT_PREFIX = "Subject:";

  /** A private-use character standing for a case value's line break while the text is written. */
  private static final char LINE_MARK = '\uE000';

  private static final Pattern LINE_BREAKS = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]+");
  private static final Pattern VALUE = Pattern.compile("\\$\\{\\s*([A-Za-z][A-Za-z0-9_]*)");
  private static final Pattern LOCAL =
      Pattern.compile("th:(?:with|each)=\"\\s*([A-Za-z][A-Za-z0-9_]*)\\s*[=:]");

  private final NotificationProperties properties;
  private final TemplateEngine engine = new TemplateEngine();

  public NoticeTemplates(NotificationProperties properties) {
    this.properties = properties;
    if (councilFolder() != null) {
      FileTemplateResolver council = new FileTemplateResolver();
      council.setPrefix(councilFolder().toString() + "/");
      configure(council, 1);
      // A council's edit shows in the next letter, without a restart.
      council.setCacheable(false);
      engine.addTemplateResolver(council);
    }
    ClassLoaderTemplateResolver builtIn = new ClassLoaderTemplateResolver();
    builtIn.setPrefix("templates/");
    configure(builtIn, 2);
    engine.addTemplateResolver(builtIn);
  }

  private static void configure(AbstractConfigurableTemplateResolver resolver, int order) {
    resolver.setOrder(order);
    resolver.setCheckExistence(true);
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resolver.setHtmlTemplateModePatterns(Set.of("*.html"));
    resolver.setTextTemplateModePatterns(Set.of("*.txt"));
  }

  /**
   * Writes a letter.
   *
   * @param ours the product's values ({@link #OURS})
   * @param caseValue the case's value of a name; asked only for the names the templates use, so a
   *     case's other values (lists kept as JSON) are never read
   * @param missing what to print for a case value the case lacks (a preview); null when a missing
   *     value must fail the letter
   */
  public RenderedNotice render(
      String noticeType,
      Map<String, ?> ours,
      Function<String, ?> caseValue,
      Function<String, ?> missing) {
    Map<String, Object> values = new LinkedHashMap<>(ours);
    for (String name : caseValueNames(noticeType)) {
      if (values.containsKey(name)) {
        continue;
      }
      Object value = caseValue.apply(name);
      if (value == null && missing != null) {
        value = missing.apply(name);
      }
      if (value == null) {
        throw new IllegalStateException(
            "Notice '" + noticeType + "' needs '" + name + "', which this case does not have");
      }
      values.put(name, value);
    }
    // A case value's line breaks are marked while the plain text is written, so the subject line
    // ends where the template ends it: a value with a line break (a setting's two-line name) must
    // not break the subject header in two, and keeps its lines in the body.
    Map<String, Object> marked = new LinkedHashMap<>(values);
    marked.replaceAll(
        (name, value) ->
            value instanceof String text && !ours.containsKey(name)
                ? text.replace("\r\n", "\n").replace('\r', '\n').replace('\n', LINE_MARK)
                : value);
    String written =
        tidy(engine.process(FOLDER + noticeType + ".txt", new Context(Locale.UK, marked)));
    int firstBreak = written.indexOf('\n');
    String subjectLine = firstBreak < 0 ? written : written.substring(0, firstBreak);
    if (!subjectLine.startsWith(SUBJECT_PREFIX)) {
      throw new IllegalStateException(
          "Notice template '" + noticeType + ".txt' must start with 'Subject:'");
    }
    String subject =
        LINE_BREAKS
            .matcher(subjectLine.substring(SUBJECT_PREFIX.length()).replace(LINE_MARK, ' '))
            .replaceAll(" ")
            .replaceAll(" {2,}", " ")
            .trim();
    String text =
        tidy(firstBreak < 0 ? "" : written.substring(firstBreak + 1).replace(LINE_MARK, '\n'))
            + "\n";
    Context context = new Context(Locale.UK, values);
    context.setVariable("subject", subject);
    String html = engine.process(FOLDER + noticeType + ".html", context);
    return new RenderedNotice(subject, text, html);
  }

  /**
   * The case values a notice's two templates name, in the order they first appear: every {@code
   * ${name...}} but the product's own values and the templates' local variables.
   */
  public Set<String> caseValueNames(String noticeType) {
    Set<String> names = new LinkedHashSet<>();
    Set<String> locals = new LinkedHashSet<>();
    for (String source : new String[] {source(noticeType + ".txt"), source(noticeType + ".html")}) {
      Matcher value = VALUE.matcher(source);
      while (value.find()) {
        names.add(value.group(1));
      }
      Matcher local = LOCAL.matcher(source);
      while (local.find()) {
        locals.add(local.group(1));
      }
    }
    names.removeAll(locals);
    names.removeAll(OURS);
    return names;
  }

  /** Whether both templates of a notice type exist. */
  public boolean exists(String noticeType) {
    try {
      source(noticeType + ".txt");
      source(noticeType + ".html");
      return true;
    } catch (IllegalStateException | IllegalArgumentException e) {
      return false;
    }
  }

  private String source(String fileName) {
    if (!fileName.matches("[a-z0-9-]+\\.(txt|html)")) {
      throw new IllegalArgumentException(
          "Notice type must be lower-case words and hyphens: " + fileName);
    }
    try {
      Path folder = councilFolder();
      if (folder != null) {
        Path councilTemplate = folder.resolve(FOLDER + fileName);
        if (Files.isRegularFile(councilTemplate)) {
          return Files.readString(councilTemplate, StandardCharsets.UTF_8);
        }
      }
      ClassPathResource builtIn = new ClassPathResource("templates/" + FOLDER + fileName);
      if (!builtIn.exists()) {
        throw new IllegalStateException("No notice template " + FOLDER + fileName);
      }
      try (InputStream in = builtIn.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Notice template " + fileName + " cannot be read", e);
    }
  }

  private Path councilFolder() {
    String folder = properties.templateDir();
    return folder == null || folder.isBlank() ? null : Path.of(folder).toAbsolutePath();
  }

  /** No trailing blanks, and at most one empty line in a row (left where a part printed none). */
  private static String tidy(String text) {
    return text.replace("\r\n", "\n")
        .replaceAll("[ \\t]+\n", "\n")
        .replaceAll("\n{3,}", "\n\n")
        .strip();
  }

  /**
   * @param body the plain-text letter
   * @param html the same letter as HTML
   */
  public record RenderedNotice(String subject, String body, String html) {}
}
