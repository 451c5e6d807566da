package org.ehcflow.support.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Camunda Form as committed in {@code forms/}: the fields a person fills in, with their labels,
 * whether they are required, and the options of radios and selects. The browser tests compare the
 * rendered form against it, so a label or required marker lost in rendering is caught.
 */
public record FormSchema(String id, String file, List<Field> fields) {

  public record Field(
      String key,
      String type,
      String label,
      boolean required,
      boolean disabled,
      Map<String, String> options) {

    public boolean takesInput() {
      return !type.equals("text")
          && !type.equals("html")
          && !type.equals("spacer")
          && !type.equals("separator");
    }

    /** The value whose option is labelled so, for radios, selects and checklists. */
    public String optionLabel(String value) {
      String label = options.get(value);
      if (label == null) {
        throw new IllegalArgumentException(
            key + " has no option " + value + "; it has " + options.keySet());
      }
      return label;
    }
  }

  private static final Path FORMS = Path.of("forms");
  private static Map<String, FormSchema> byId;

  public static synchronized FormSchema byId(String formId) {
    if (byId == null) {
      byId = loadAll();
    }
    FormSchema schema = byId.get(formId);
    if (schema == null) {
      throw new IllegalArgumentException(
          "No form with id " + formId + " in " + FORMS.toAbsolutePath());
    }
    return schema;
  }

  public Field field(String key) {
    return fields.stream()
        .filter(field -> field.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(id + " has no field " + key));
  }

  private static Map<String, FormSchema> loadAll() {
    ObjectMapper json = new ObjectMapper();
    Map<String, FormSchema> forms = new HashMap<>();
    try (var files = Files.list(FORMS)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".form")).toList()) {
        JsonNode root = json.readTree(file.toFile());
        List<Field> fields = new ArrayList<>();
        collect(root.path("components"), fields);
        String id = root.path("id").asText();
        forms.put(id, new FormSchema(id, file.getFileName().toString(), List.copyOf(fields)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return forms;
  }

  private static void collect(JsonNode components, List<Field> fields) {
    for (JsonNode component : components) {
      if (component.has("components")) {
        collect(component.path("components"), fields);
        continue;
      }
      if (!component.has("key")) {
        continue;
      }
      Map<String, String> options = new java.util.LinkedHashMap<>();
      for (JsonNode option : component.path("values")) {
        options.put(option.path("value").asText(), option.path("label").asText());
      }
      String label =
          component.has("label")
              ? component.path("label").asText()
              : component.path("dateLabel").asText();
      fields.add(
          new Field(
              component.path("key").asText(),
              component.path("type").asText(),
              label,
              component.path("validate").path("required").asBoolean(false),
              component.path("disabled").asBoolean(false),
              options));
    }
  }
}
