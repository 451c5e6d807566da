package org.ehcflow.notification;

import org.ehcflow.vocabulary.Pathways;

/**
 * The contract of {@code ehc-deliver-notice}: a recorded notice the mail server refused, delivered
 * on its own.
 */
public final class NoticeDelivery {

  public static final String KEY = Pathways.DELIVER_NOTICE;

  private NoticeDelivery() {}

  public static final class Elements {
    public static final String DELIVER_NOTICE = "serviceTask_deliverNotice";

    private Elements() {}
  }
}
