package org.ehcflow.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.ehcflow.vocabulary.CaseEventVariables;
import org.ehcflow.vocabulary.ChildVariables;
import org.ehcflow.vocabulary.Code;
import org.ehcflow.vocabulary.NhsNumber;
import org.ehcflow.vocabulary.Variable;

/**
 * Checks the variables a person or a system hands to a process, collecting every problem so the
 * caller can fix them in one go. A refusal is a {@link BadUserRequestException}, which the REST API
 * answers with HTTP 400 and the message, naming each variable, and which rolls back the whole start
 * so nothing is left behind.
 */
public final class CaseData {

  private static final Pattern EMAIL =
      Pattern.compile("^[^@\\s<>\"(),;:]+@[^@\\s<>\"(),;:]+\\.[A-Za-z]{2,}$");
  private static final int DEFAULT_MAX_LENGTH = 500;

  /** Ten digits with spaces or hyphens between the groups, as people write them. */
  private static final int NHS_NUMBER_MAX_TYPED = 20;

  /**
   * A child's name and the ids are one line: they head every notice's subject and are looked up by
   * value. Other text (a setting's name and address, reasons, notes) may have line breaks.
   */
  private static final Set<String> ONE_LINE =
      Variable.names(
          ChildVariables.CHILD_ID,
          ChildVariables.CHILD_NAME,
          ChildVariables.NHS_NUMBER,
          CaseEventVariables.CASE_BUSINESS_KEY);

  /**
   * No case date is this old or this far ahead; such a year is a typing slip or a probe, not a
   * date.
   */
  private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  private static final LocalDate LATEST = LocalDate.of(2199, 12, 31);
  private static final Pattern LINE_BREAK_OR_CONTROL =
      Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]");
  private static final Pattern CONTROL_BUT_LINE_BREAK =
      Pattern.compile("[\\p{Cntrl}&&[^\\t\\r\\n]]");

  private final Map<String, Object> variables;

  /** The names read so far, when the values are read one by one from a case; else null. */
  private final Set<String> read;

  private final List<String> problems = new ArrayList<>();
  private final Map<String, Object> cleaned = new java.util.LinkedHashMap<>();
  private final LocalDate today;

  private CaseData(Map<String, Object> variables, Set<String> read) {
    this.variables = variables;
    this.read = read;
    this.today = EngineClock.today();
  }

  /** All of these variables, for a start that must refuse names it does not know. */
  public static CaseData of(Map<String, Object> variables) {
    return new CaseData(variables, null);
  }

  /**
   * The case's variables, each read when checked: a task's checks need the few values its form
   * sets, not every value of the case (reading a list kept as JSON is a query of its own).
   */
  public static CaseData of(VariableScope scope) {
    Set<String> read = new java.util.HashSet<>();
    Map<String, Object> lazy =
        new java.util.AbstractMap<>() {
          @Override
          public Object get(Object name) {
            read.add((String) name);
            return scope.getVariable((String) name);
          }

          @Override
          public boolean containsKey(Object name) {
            return scope.hasVariable((String) name);
          }

          @Override
          public Set<Entry<String, Object>> entrySet() {
            return scope.getVariables().entrySet();
          }
        };
    return new CaseData(lazy, read);
  }

  public LocalDate today() {
    return today;
  }

  public String requiredString(String name, int maxLength) {
    Object value = variables.get(name);
    if (value == null || value.toString().isBlank()) {
      return missing(name);
    }
    return string(name, value, maxLength);
  }

  public String requiredString(String name) {
    return requiredString(name, DEFAULT_MAX_LENGTH);
  }

  public String optionalString(String name, int maxLength) {
    Object value = variables.get(name);
    return value == null || value.toString().isBlank() ? null : string(name, value, maxLength);
  }

  public String requiredOneOf(String name, Set<String> allowed) {
    String value = requiredString(name, 100);
    return value == null ? null : oneOf(name, value, allowed);
  }

  public String optionalOneOf(String name, Set<String> allowed) {
    String value = optionalString(name, 100);
    return value == null ? null : oneOf(name, value, allowed);
  }

  public String requiredEmail(String name) {
    String value = requiredString(name, 320);
    if (value != null && !EMAIL.matcher(value).matches()) {
      return problem(name, "'" + value + "' is not a valid email address");
    }
    return value;
  }

  public String optionalEmail(String name) {
    String value = optionalString(name, 320);
    if (value != null && !EMAIL.matcher(value).matches()) {
      return problem(name, "'" + value + "' is not a valid email address");
    }
    return value;
  }

  public LocalDate requiredDate(String name) {
    Object value = variables.get(name);
    if (value == null || value.toString().isBlank()) {
      return missing(name);
    }
    return date(name, value);
  }

  public LocalDate optionalDate(String name) {
    Object value = variables.get(name);
    return value == null || value.toString().isBlank() ? null : date(name, value);
  }

  public LocalDate notInTheFuture(String name, LocalDate date) {
    if (date != null && date.isAfter(today)) {
      problem(name, "must not be in the future (" + date + " is after today, " + today + ")");
    }
    return date;
  }

  public Integer optionalInteger(String name, int min, int max) {
    Object value = variables.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number number)
        || number.doubleValue() != Math.rint(number.doubleValue())) {
      return problem(name, "must be a whole number");
    }
    long whole = number.longValue();
    if (whole < min || whole > max) {
      return problem(name, "must be between " + min + " and " + max + ", not " + whole);
    }
    return (int) whole;
  }

  public Boolean optionalBoolean(String name) {
    Object value = variables.get(name);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    return problem(name, "must be true or false");
  }

  // Typed forms of the checks, by the variable's declaration in the case vocabulary.

  public String requiredString(Variable<String> variable, int maxLength) {
    return requiredString(variable.name(), maxLength);
  }

  public String requiredString(Variable<String> variable) {
    return requiredString(variable.name());
  }

  public String optionalString(Variable<String> variable, int maxLength) {
    return optionalString(variable.name(), maxLength);
  }

  /**
   * An NHS number kept as ten digits, however it was typed ("943 476 5919"), so a search by the
   * number finds every case of the child.
   */
  public String requiredNhsNumber(Variable<String> variable) {
    return nhsNumber(variable, requiredString(variable, NHS_NUMBER_MAX_TYPED));
  }

  public String optionalNhsNumber(Variable<String> variable) {
    return nhsNumber(variable, optionalString(variable, NHS_NUMBER_MAX_TYPED));
  }

  private String nhsNumber(Variable<String> variable, String typed) {
    if (typed == null) {
      return null;
    }
    if (!NhsNumber.isValid(typed)) {
      return problem(
          variable,
          "'" + typed + "' is not a valid NHS number (10 digits with a correct check digit)");
    }
    String digits = NhsNumber.normalise(typed);
    if (!digits.equals(variables.get(variable.name()))) {
      cleaned.put(variable.name(), digits);
    }
    return digits;
  }

  public String requiredEmail(Variable<String> variable) {
    return requiredEmail(variable.name());
  }

  public String optionalEmail(Variable<String> variable) {
    return optionalEmail(variable.name());
  }

  public LocalDate requiredDate(Variable<LocalDate> variable) {
    return requiredDate(variable.name());
  }

  public LocalDate optionalDate(Variable<LocalDate> variable) {
    return optionalDate(variable.name());
  }

  public LocalDate notInTheFuture(Variable<LocalDate> variable, LocalDate date) {
    return notInTheFuture(variable.name(), date);
  }

  public Integer optionalInteger(Variable<Integer> variable, int min, int max) {
    return optionalInteger(variable.name(), min, max);
  }

  public Boolean optionalBoolean(Variable<Boolean> variable) {
    return optionalBoolean(variable.name());
  }

  /**
   * One of the variable's code list, or null (with the problem noted) when missing or not in it.
   */
  public <E extends Enum<E> & Code> E requiredCode(Variable<E> variable) {
    String code = requiredOneOf(variable.name(), Code.codes(variable.type()));
    return code == null ? null : Code.parse(variable.type(), code);
  }

  public <E extends Enum<E> & Code> E optionalCode(Variable<E> variable) {
    String code = optionalOneOf(variable.name(), Code.codes(variable.type()));
    return code == null ? null : Code.parse(variable.type(), code);
  }

  public <T> T problem(Variable<?> variable, String what) {
    return problem(variable.name(), what);
  }

  public static <T> void setIfChanged(VariableScope scope, Variable<T> variable, T value) {
    setIfChanged(scope, variable.name(), variable.encode(value));
  }

  /** Refuses variables nobody documented, so a misspelt name is never silently ignored. */
  public void noOtherVariablesThan(Collection<String> allowed) {
    Set<String> unknown = new TreeSet<>(variables.keySet());
    unknown.removeAll(allowed);
    unknown.forEach(
        name -> problem(name, "is not a variable of this process (check the spelling)"));
  }

  public <T> T problem(String name, String what) {
    problems.add(name + ": " + what);
    return null;
  }

  /** Throws if anything was wrong. */
  public void check(String what) {
    if (!problems.isEmpty()) {
      throw new CaseDataException("Invalid " + what + ". " + String.join("; ", problems));
    }
  }

  /**
   * Sets a variable only if the case does not hold that value already. A listener that writes back
   * a value as it was submitted would otherwise record a second, identical change in the case's
   * history (and its audit trail) and rewrite the variable for nothing. An absent variable is
   * always set, so that a model's expressions find it, null or not.
   */
  public static void setIfChanged(VariableScope scope, String name, Object value) {
    if (!scope.hasVariable(name) || !java.util.Objects.equals(scope.getVariable(name), value)) {
      scope.setVariable(name, value);
    }
  }

  /**
   * Keeps text as checked: without the spaces around it, and blank optional values as absent, so a
   * later lookup by value (a child's id, an NHS number) finds it. Text already as checked is not
   * written again.
   */
  public void applyTo(VariableScope scope) {
    cleaned.forEach(scope::setVariable);
    if (read != null) {
      for (String name : List.copyOf(read)) {
        if (!cleaned.containsKey(name)
            && variables.get(name) instanceof String text
            && text.isBlank()) {
          scope.setVariable(name, null);
        }
      }
      return;
    }
    for (Map.Entry<String, Object> variable : variables.entrySet()) {
      if (variable.getValue() instanceof String text && text.isBlank()) {
        scope.setVariable(variable.getKey(), null);
      }
    }
  }

  private String string(String name, Object value, int maxLength) {
    if (!(value instanceof String text)) {
      return problem(name, "must be text");
    }
    String trimmed = text.strip();
    if (trimmed.length() > maxLength) {
      return problem(name, "is longer than " + maxLength + " characters");
    }
    // A line break in a name would reach a mail's subject header; a NUL byte cannot be stored in
    // PostgreSQL.
    boolean oneLine = ONE_LINE.contains(name);
    if ((oneLine ? LINE_BREAK_OR_CONTROL : CONTROL_BUT_LINE_BREAK).matcher(trimmed).find()) {
      return problem(
          name,
          oneLine
              ? "must be one line of text without control characters"
              : "must not contain control characters");
    }
    if (!trimmed.equals(text)) {
      cleaned.put(name, trimmed);
    }
    return trimmed;
  }

  private String oneOf(String name, String value, Set<String> allowed) {
    if (!allowed.contains(value)) {
      return problem(name, "must be one of " + new TreeSet<>(allowed) + ", not '" + value + "'");
    }
    return value;
  }

  private LocalDate date(String name, Object value) {
    if (!(value instanceof String text)) {
      return problem(name, "must be a date written yyyy-MM-dd");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      return problem(name, "'" + shortened(text) + "' is not a date written yyyy-MM-dd");
    }
    if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
      return problem(
          name,
          "'"
              + date
              + "' is not a plausible date (the year must be between "
              + EARLIEST.getYear()
              + " and "
              + LATEST.getYear()
              + ")");
    }
    return date;
  }

  /** A value echoed in a message is cut short, so a huge value cannot make a huge answer. */
  private static String shortened(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }

  private <T> T missing(String name) {
    return problem(name, "is required");
  }
}
