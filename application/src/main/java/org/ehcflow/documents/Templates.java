package org.ehcflow.documents;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The documents' and letters' templates: Thymeleaf files under {@code templates/} in the
 * application's resources, HTML ({@code plan/ehc-plan} is {@code templates/plan/ehc-plan.html}) and
 * plain text ({@code .txt}). Values are escaped as they go in, so text a person typed is always
 * shown as text. Templates are parsed once and kept.
 */
@Component
public class Templates {

  private static final Locale UK = Locale.UK;

  private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
  private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

  /** An HTML template filled in with the model. */
  public String html(String template, Map<String, Object> model) {
    return html.process(template, new Context(UK, model));
  }

  /** A plain-text template filled in with the model. */
  public String text(String template, Map<String, Object> model) {
    return text.process(template, new Context(UK, model));
  }

  private static TemplateEngine engine(TemplateMode mode, String suffix) {
    ClassLoaderTemplateResolver resolver =
        new ClassLoaderTemplateResolver(Templates.class.getClassLoader());
    resolver.setPrefix("templates/");
    resolver.setSuffix(suffix);
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    resolver.setCheckExistence(true);
    TemplateEngine engine = new TemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
