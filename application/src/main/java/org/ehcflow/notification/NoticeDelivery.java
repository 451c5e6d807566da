package org.ehcflow.notification;

import org.ehcflow.vocabulary.Pathways;
import org.ehcflow.vocabulary.Variable;

/** The contract of {@code ehc-deliver-notice}: a recorded notice the mail server refused, delivered on its own. */
public final class NoticeDelivery {

  public static final String KEY = Pathways.DELIVER_NOTICE;

  public static final Variable<String> NOTICE_ID = Variable.text("noticeId");
  public static final Variable<String> CASE_PROCESS_INSTANCE_ID = Variable.text("caseProcessInstanceId");
  public static final Variable<String> NOTICE_TYPE = Variable.text("noticeType");
  public static final Variable<String> RECIPIENT = Variable.text("recipient");

  private NoticeDelivery() {}

  /** The names of the variables above, for queries by name. */
  public static final class Vars {
    public static final String NOTICE_ID = NoticeDelivery.NOTICE_ID.name();
    public static final String CASE_PROCESS_INSTANCE_ID = NoticeDelivery.CASE_PROCESS_INSTANCE_ID.name();
    public static final String NOTICE_TYPE = NoticeDelivery.NOTICE_TYPE.name();
    public static final String RECIPIENT = NoticeDelivery.RECIPIENT.name();

    private Vars() {}
  }

  public static final class Elements {
    public static final String DELIVER_NOTICE = "serviceTask_deliverNotice";

    private Elements() {}
  }
}
