package org.ehcflow.vocabulary;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A value of a code list, as the models, forms and decision tables write it. Each list is one enum
 * in this package; {@code VocabularyMatchesModelsTest} proves each is exactly the set the BPMN
 * conditions, form options and DMN outputs use.
 */
public interface Code {

  /** The value as stored in the case and written in the models. */
  String code();

  /**
   * Whether people pick this value on a form. A value the engine records itself (a consultation
   * that went unanswered) or a decision table gives (advice the parent asked for) is a code of the
   * list but never one of a form's options.
   */
  default boolean chosenByPeople() {
    return true;
  }

  static <E extends Enum<E> & Code> E parse(Class<E> list, String code) {
    for (E value : list.getEnumConstants()) {
      if (value.code().equals(code)) {
        return value;
      }
    }
    throw new IllegalArgumentException("'" + code + "' is not one of " + codes(list));
  }

  /** The codes people pick on a form, in the order forms offer them. */
  static <E extends Enum<E> & Code> Set<String> chosenCodes(Class<E> list) {
    return Arrays.stream(list.getEnumConstants())
        .filter(Code::chosenByPeople)
        .map(Code::code)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** The codes in declaration order, which is the order forms offer them. */
  static <E extends Enum<E> & Code> Set<String> codes(Class<E> list) {
    return Arrays.stream(list.getEnumConstants())
        .map(Code::code)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
