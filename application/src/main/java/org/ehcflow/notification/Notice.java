package org.ehcflow.notification;

/** One notice to one recipient, rendered and ready to send. */
public record Notice(
    String noticeId,
    String processInstanceId,
    String businessKey,
    String noticeType,
    String recipient,
    String subject,
    String body) {}
