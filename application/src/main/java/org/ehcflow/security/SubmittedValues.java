package org.ehcflow.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The values a request hands to the engine, in the REST API's shape ({@code {"name": {"value": ...,
 * "type": ...}}}), checked before the engine builds anything from them. Only plain values come from
 * outside: text, numbers, true/false, dates. An {@code Object} value names a Java class the engine
 * would load and build (by JSON mapping or Java serialisation), {@code File} and {@code Bytes} are
 * documents without a record, {@code Xml} is parsed by the engine; none of them is a case fact, and
 * one planted {@code Object} made every later read of its case fail. JSON is taken only for a field
 * whose form submits a list.
 */
final class SubmittedValues {

  private static final Set<String> PLAIN_TYPES =
      Set.of("string", "boolean", "integer", "long", "short", "double", "date", "null");

  private final List<String> problems = new ArrayList<>();

  /**
   * Checks every value of a map of variables; {@code mayBeJson} says which names may hold a list.
   */
  SubmittedValues variables(JsonNode variables, Predicate<String> mayBeJson) {
    if (variables == null || variables.isNull() || variables.isMissingNode()) {
      return this;
    }
    if (!variables.isObject()) {
      problems.add("variables: must be an object of named values");
      return this;
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = variables.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      value(field.getKey(), field.getValue(), mayBeJson.test(field.getKey()));
    }
    return this;
  }

  /** Checks one typed value ({@code {"value": ..., "type": ...}}). */
  SubmittedValues value(String name, JsonNode typed, boolean mayBeJson) {
    if (typed == null || !typed.isObject()) {
      problems.add(name + ": must be sent as {\"value\": ..., \"type\": ...}");
      return this;
    }
    String type =
        typed.path("type").isTextual() ? typed.get("type").asText().toLowerCase(Locale.ROOT) : null;
    JsonNode value = typed.path("value");
    JsonNode valueInfo = typed.path("valueInfo");
    if (!valueInfo.isMissingNode()
        && !valueInfo.isNull()
        && !(valueInfo.isObject() && valueInfo.isEmpty())) {
      problems.add(
          name
              + ": valueInfo is not accepted (values are plain text, numbers, true/false or dates)");
    } else if (type == null || type.isBlank()) {
      if (value.isContainerNode()) {
        problems.add(
            name
                + ": a list or object is not accepted here; send plain text, a number, true/false or a date");
      }
    } else if (type.equals("json")) {
      if (!mayBeJson) {
        problems.add(
            name + ": values of type Json are accepted only for a field that takes a list");
      }
    } else if (!PLAIN_TYPES.contains(type)) {
      problems.add(
          name
              + ": values of type "
              + typed.get("type").asText()
              + " are not accepted from outside; send plain"
              + " text, a number, true/false or a date");
    } else if (value.isContainerNode()) {
      problems.add(
          name + ": a list or object is not a value of type " + typed.get("type").asText());
    }
    return this;
  }

  SubmittedValues problem(String problem) {
    problems.add(problem);
    return this;
  }

  boolean hasProblems() {
    return !problems.isEmpty();
  }

  List<String> problems() {
    return List.copyOf(problems);
  }
}
