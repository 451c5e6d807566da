package org.ehcflow.vocabulary;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Who a case is about. A pathway that starts another hands the child on with {@link
 * #toVariables()}, so the same child is the same in every case.
 *
 * @param nhsNumber may be null: not every child is known to health
 */
public record ChildIdentity(
    String childId, String childName, LocalDate dateOfBirth, String nhsNumber) {

  public static ChildIdentity of(VariableScope scope) {
    return new ChildIdentity(
        ChildVariables.CHILD_ID.get(scope),
        ChildVariables.CHILD_NAME.get(scope),
        ChildVariables.DATE_OF_BIRTH.get(scope),
        ChildVariables.NHS_NUMBER.get(scope));
  }

  /** The identity as start variables; an unknown NHS number is left out rather than set to null. */
  public Map<String, Object> toVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    ChildVariables.CHILD_ID.put(variables, childId);
    ChildVariables.CHILD_NAME.put(variables, childName);
    ChildVariables.DATE_OF_BIRTH.put(variables, dateOfBirth);
    if (nhsNumber != null) {
      ChildVariables.NHS_NUMBER.put(variables, nhsNumber);
    }
    return variables;
  }
}
