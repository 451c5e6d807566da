package org.ehcflow.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields of a Camunda Form, as a task's completion may set them: those a person fills in, those
 * only shown (disabled or read-only, which Tasklist may send back unchanged), and those whose value
 * is a list (a checklist), the only ones that may arrive as JSON.
 */
record FormFields(Set<String> filled, Set<String> shown, Set<String> lists) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> LIST_TYPES = Set.of("checklist", "taglist", "dynamiclist");

  static final FormFields NONE = new FormFields(Set.of(), Set.of(), Set.of());

  static FormFields read(InputStream form) throws IOException {
    Set<String> filled = new TreeSet<>();
    Set<String> shown = new TreeSet<>();
    Set<String> lists = new TreeSet<>();
    collect(JSON.readTree(form).path("components"), filled, shown, lists);
    shown.removeAll(filled);
    return new FormFields(Set.copyOf(filled), Set.copyOf(shown), Set.copyOf(lists));
  }

  private static void collect(
      JsonNode components, Set<String> filled, Set<String> shown, Set<String> lists) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      String key =
          component.hasNonNull("key")
              ? component.get("key").asText()
              : type.equals("dynamiclist") ? component.path("path").asText(null) : null;
      if (key != null && !key.isBlank()) {
        // Only a literal true keeps a field out of a person's hands; a FEEL condition may not.
        boolean displayOnly =
            component.path("disabled").asBoolean(false) && component.path("disabled").isBoolean()
                || component.path("readonly").isBoolean() && component.path("readonly").asBoolean();
        (displayOnly ? shown : filled).add(key);
        if (LIST_TYPES.contains(type)) {
          lists.add(key);
        }
      }
      if (component.has("components") && !type.equals("dynamiclist")) {
        collect(component.get("components"), filled, shown, lists);
      }
    }
  }
}
