package org.ehcflow.notification;

import java.util.List;

/**
 * One notice to one recipient, written and ready to send.
 *
 * @param body the plain-text letter
 * @param html the same letter as HTML; null on notices recorded before letters had one
 * @param attachmentIds the case file documents that go with it (a plan), by id
 */
public record Notice(
    String noticeId,
    String processInstanceId,
    String businessKey,
    String noticeType,
    String recipient,
    String subject,
    String body,
    String html,
    List<String> attachmentIds) {

  public Notice {
    attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
  }
}
