package org.ehcflow.notification;

/** The contract of {@code ehc-deliver-notice}: a recorded notice the mail server refused, delivered on its own. */
public final class NoticeDelivery {

  public static final String KEY = "ehc-deliver-notice";

  private NoticeDelivery() {}

  public static final class Vars {
    public static final String NOTICE_ID = "noticeId";
    public static final String CASE_PROCESS_INSTANCE_ID = "caseProcessInstanceId";
    public static final String NOTICE_TYPE = "noticeType";
    public static final String RECIPIENT = "recipient";

    private Vars() {}
  }

  public static final class Elements {
    public static final String DELIVER_NOTICE = "serviceTask_deliverNotice";

    private Elements() {}
  }
}
