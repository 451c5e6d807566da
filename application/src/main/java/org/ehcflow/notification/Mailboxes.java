package org.ehcflow.notification;

import org.springframework.stereotype.Component;

/** Group mailboxes for models' expressions, such as {@code ${mailboxes.of('health')}}. */
@Component("mailboxes")
public class Mailboxes {

  private final NotificationProperties properties;

  public Mailboxes(NotificationProperties properties) {
    this.properties = properties;
  }

  public String of(String group) {
    String address = properties.mailboxes() == null ? null : properties.mailboxes().get(group);
    if (address == null || address.isBlank()) {
      throw new IllegalStateException(
          "No mailbox configured for group '"
              + group
              + "' (ehc.notification.mailboxes."
              + group
              + ")");
    }
    return address;
  }

  /**
   * Two recipients for a multi-instance notice step: each is either an address (it has an
   * {@code @}) or a group whose mailbox is meant.
   */
  public java.util.List<String> both(String first, String second) {
    return java.util.List.of(resolve(first), resolve(second));
  }

  private String resolve(String addressOrGroup) {
    return addressOrGroup.contains("@") ? addressOrGroup : of(addressOrGroup);
  }

  /** The given address if the case has one, else the group's mailbox. */
  public String orGroup(Object address, String group) {
    return address != null && !address.toString().isBlank() ? address.toString() : of(group);
  }
}
