package org.ehcflow.vocabulary;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One process variable: its contract name and its type. Reading and writing go through here, so a
 * date is a {@code LocalDate} in code and a {@code yyyy-MM-dd} string in the engine, on the wire
 * and in Cockpit, and a code list value is an enum in code and its code in the engine.
 *
 * @param <T> the type code works with
 */
public final class Variable<T> {

  private final String name;
  private final Class<T> type;
  private final Function<Object, T> fromEngine;
  private final Function<T, Object> toEngine;

  private Variable(
      String name, Class<T> type, Function<Object, T> fromEngine, Function<T, Object> toEngine) {
    this.name = name;
    this.type = type;
    this.fromEngine = fromEngine;
    this.toEngine = toEngine;
  }

  public static Variable<String> text(String name) {
    return new Variable<>(name, String.class, raw -> (String) raw, value -> value);
  }

  public static Variable<Boolean> flag(String name) {
    return new Variable<>(name, Boolean.class, raw -> (Boolean) raw, value -> value);
  }

  /** A count or a small number; the REST API may deliver it as an integer, long or short. */
  public static Variable<Integer> number(String name) {
    return new Variable<>(name, Integer.class, raw -> ((Number) raw).intValue(), value -> value);
  }

  /** A calendar date, kept in the engine as the contract's {@code yyyy-MM-dd} string. */
  public static Variable<LocalDate> date(String name) {
    return new Variable<>(name, LocalDate.class, Variable::parseDate, LocalDate::toString);
  }

  /** A value of a code list, kept in the engine as its code. */
  public static <E extends Enum<E> & Code> Variable<E> code(String name, Class<E> list) {
    return new Variable<>(name, list, raw -> Code.parse(list, (String) raw), Code::code);
  }

  /**
   * A value the engine keeps in its own form (a JSON document, a list for a multi-instance
   * collection); code that reads it knows its shape.
   */
  public static Variable<Object> engineValue(String name) {
    return new Variable<>(name, Object.class, raw -> raw, value -> value);
  }

  public String name() {
    return name;
  }

  public Class<T> type() {
    return type;
  }

  /** The value in this scope or its parents, or null when none is set. */
  public T get(VariableScope scope) {
    return decode(scope.getVariable(name));
  }

  public T getLocal(VariableScope scope) {
    return decode(scope.getVariableLocal(name));
  }

  /** The value, which the case must have by now: its absence is a fault in the model. */
  public T require(VariableScope scope) {
    T value = get(scope);
    if (value == null) {
      throw new IllegalStateException("the case has no " + name);
    }
    return value;
  }

  public T get(Map<String, ?> variables) {
    return decode(variables.get(name));
  }

  public boolean isSet(VariableScope scope) {
    return scope.getVariable(name) != null;
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, encode(value));
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, encode(value));
  }

  public void put(Map<String, Object> variables, T value) {
    variables.put(name, encode(value));
  }

  /** The value as the engine keeps it. */
  public Object encode(T value) {
    return value == null ? null : toEngine.apply(value);
  }

  /** A value as the engine kept it (also a historic one), in this variable's type. */
  public T decode(Object raw) {
    if (raw == null) {
      return null;
    }
    try {
      return fromEngine.apply(raw);
    } catch (ClassCastException | IllegalArgumentException | DateTimeParseException e) {
      throw new IllegalStateException(
          name + " holds " + raw + ", which is not a " + type.getSimpleName(), e);
    }
  }

  public static Set<String> names(Variable<?>... variables) {
    return Arrays.stream(variables)
        .map(Variable::name)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static LocalDate parseDate(Object raw) {
    return LocalDate.parse((String) raw);
  }

  @Override
  public String toString() {
    return name;
  }
}
