package org.ehcflow.notification;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * What a notice step sends and to whom, read from the step's extension properties (the Modeler's
 * "Extension properties" panel). It is model configuration, not case data, so it never becomes a
 * process variable and never adds rows to a case's history.
 *
 * <ul>
 *   <li>{@code noticeType}: the letter, {@code templates/letters/<noticeType>.html} and {@code
 *       .txt}, required;
 *   <li>the recipient, one of: {@code recipientVariable} (a case value holding an address), then
 *       {@code recipientGroup} (a group's mailbox, used when the variable is empty or not given),
 *       or {@code recipientGroupVariable} (a case value naming the group);
 *   <li>optionally {@code noticeKey} (a fixed word) or {@code noticeKeyVariable} (a case value),
 *       which tells apart repeated sends of one step to one recipient on one case.
 * </ul>
 *
 * <p>A step without a {@code noticeType} property is one of the first versions' steps, which passed
 * these as input parameters; {@link #fromInputParameters} reads those, so cases started on an older
 * deployment still send their notices.
 */
public record NoticeStep(
    String noticeType,
    String recipientVariable,
    String recipientGroup,
    String recipientGroupVariable,
    String noticeKey,
    String noticeKeyVariable) {

  static final String NOTICE_TYPE = "noticeType";
  static final String RECIPIENT_VARIABLE = "recipientVariable";
  static final String RECIPIENT_GROUP = "recipientGroup";
  static final String RECIPIENT_GROUP_VARIABLE = "recipientGroupVariable";
  static final String NOTICE_KEY = "noticeKey";
  static final String NOTICE_KEY_VARIABLE = "noticeKeyVariable";
  static final Set<String> PROPERTIES =
      Set.of(
          NOTICE_TYPE,
          RECIPIENT_VARIABLE,
          RECIPIENT_GROUP,
          RECIPIENT_GROUP_VARIABLE,
          NOTICE_KEY,
          NOTICE_KEY_VARIABLE);

  /** A first version's step: the delegate reads its input parameters instead. */
  static final NoticeStep FROM_INPUT_PARAMETERS =
      new NoticeStep(null, null, null, null, null, null);

  /**
   * @return the step's notice properties, or {@link #FROM_INPUT_PARAMETERS} when it has none
   * @throws IllegalStateException naming the step when its properties cannot work
   */
  public static NoticeStep of(BaseElement step) {
    Map<String, String> properties = properties(step);
    if (!properties.containsKey(NOTICE_TYPE)) {
      return FROM_INPUT_PARAMETERS;
    }
    NoticeStep notice =
        new NoticeStep(
            properties.get(NOTICE_TYPE),
            properties.get(RECIPIENT_VARIABLE),
            properties.get(RECIPIENT_GROUP),
            properties.get(RECIPIENT_GROUP_VARIABLE),
            properties.get(NOTICE_KEY),
            properties.get(NOTICE_KEY_VARIABLE));
    String problem = notice.problem();
    if (problem != null) {
      throw new IllegalStateException("The notice step '" + step.getId() + "' " + problem);
    }
    return notice;
  }

  /** Why these properties cannot send a notice, or null when they can. */
  private String problem() {
    if (noticeType == null || noticeType.isBlank()) {
      return "has no extension property 'noticeType'";
    }
    if (recipientVariable == null && recipientGroup == null && recipientGroupVariable == null) {
      return "names no recipient (recipientVariable, recipientGroup or recipientGroupVariable)";
    }
    if (recipientGroupVariable != null && (recipientVariable != null || recipientGroup != null)) {
      return "names its recipient twice: recipientGroupVariable goes alone";
    }
    if (noticeKey != null && noticeKeyVariable != null) {
      return "has both noticeKey and noticeKeyVariable";
    }
    return null;
  }

  public boolean fromInputParameters() {
    return noticeType == null;
  }

  /**
   * @param caseValue the step's variables, local first
   * @return the address, or null when the case holds none where the step says
   */
  String recipient(Function<String, ?> caseValue, Mailboxes mailboxes) {
    if (recipientGroupVariable != null) {
      Object group = caseValue.apply(recipientGroupVariable);
      return group == null || group.toString().isBlank() ? null : mailboxes.of(group.toString());
    }
    if (recipientVariable != null) {
      Object address = caseValue.apply(recipientVariable);
      if (address != null && !address.toString().isBlank()) {
        return address.toString();
      }
    }
    return recipientGroup == null ? null : mailboxes.of(recipientGroup);
  }

  String key(Function<String, ?> caseValue) {
    if (noticeKey != null) {
      return noticeKey;
    }
    Object key = noticeKeyVariable == null ? null : caseValue.apply(noticeKeyVariable);
    return key == null ? null : key.toString();
  }

  static Map<String, String> properties(BaseElement step) {
    Map<String, String> found = new HashMap<>();
    ExtensionElements extensions = step.getExtensionElements();
    if (extensions == null) {
      return found;
    }
    for (CamundaProperties group : extensions.getChildElementsByType(CamundaProperties.class)) {
      for (CamundaProperty property : group.getCamundaProperties()) {
        if (property.getCamundaName() != null && PROPERTIES.contains(property.getCamundaName())) {
          found.put(property.getCamundaName(), property.getCamundaValue());
        }
      }
    }
    return found;
  }
}
