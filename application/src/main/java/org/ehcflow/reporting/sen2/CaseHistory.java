package org.ehcflow.reporting.sen2;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ehcflow.vocabulary.Variable;

/**
 * One process instance as history holds it: the values each case-level variable has taken, in the
 * order they were recorded (from ACT_HI_DETAIL), and the value it holds now (from ACT_HI_VARINST).
 * SEN2 reports the first recorded outcome, never a later one.
 */
final class CaseHistory {

  /** A value as recorded, with the engine time it was recorded at. */
  record Recorded(Object value, Date time) {}

  private final String processInstanceId;
  private final String businessKey;
  private final String processKey;
  private final Date startTime;
  private final Map<String, Object> current = new HashMap<>();
  private final Map<String, List<Recorded>> recorded = new HashMap<>();

  CaseHistory(String processInstanceId, String businessKey, String processKey, Date startTime) {
    this.processInstanceId = processInstanceId;
    this.businessKey = businessKey;
    this.processKey = processKey;
    this.startTime = startTime;
  }

  String processInstanceId() {
    return processInstanceId;
  }

  /** The business key, or the process instance id for a case started without one. */
  String key() {
    return businessKey == null || businessKey.isBlank() ? processInstanceId : businessKey;
  }

  String processKey() {
    return processKey;
  }

  Date startTime() {
    return startTime;
  }

  void holdsNow(String name, Object value) {
    current.put(name, value);
  }

  void recorded(String name, Object value, Date time) {
    recorded.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(new Recorded(value, time));
  }

  /** The first value ever recorded, or (where history has no detail) the value held now. */
  <T> T first(Variable<T> variable) {
    List<Recorded> values = recorded.get(variable.name());
    return decode(
        variable,
        values == null || values.isEmpty() ? current.get(variable.name()) : values.get(0).value());
  }

  /** When the first value was recorded (engine time), if history has it. */
  Date firstRecordedAt(Variable<?> variable) {
    List<Recorded> values = recorded.get(variable.name());
    return values == null || values.isEmpty() ? null : values.get(0).time();
  }

  /** The value held now (or last recorded, for a variable since deleted). */
  <T> T latest(Variable<T> variable) {
    if (current.containsKey(variable.name())) {
      return decode(variable, current.get(variable.name()));
    }
    List<Recorded> values = recorded.get(variable.name());
    return values == null || values.isEmpty()
        ? null
        : decode(variable, values.get(values.size() - 1).value());
  }

  /** Whether a value recorded after the first differs from it: a reversal of an outcome. */
  boolean changedAfterFirst(Variable<?> variable) {
    List<Recorded> values = recorded.get(variable.name());
    if (values == null || values.size() < 2) {
      return false;
    }
    Object first = values.get(0).value();
    return values.stream().skip(1).anyMatch(v -> !Objects.equals(text(v.value()), text(first)));
  }

  /**
   * A value as history holds it, in the variable's type; a blank is no value. A date that is not
   * one (an imported case's) counts as none, as the return cannot report it.
   */
  private static <T> T decode(Variable<T> variable, Object raw) {
    String text = text(raw);
    if (text == null) {
      return null;
    }
    if (variable.type() == LocalDate.class) {
      try {
        return variable.decode(text.trim());
      } catch (IllegalStateException e) {
        return null;
      }
    }
    return variable.decode(raw);
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString();
    return text.isBlank() ? null : text;
  }
}
