package org.ehcflow.vocabulary;

/**
 * The notice delivery's variables ({@code processes/ehc-deliver-notice.bpmn}): which notice of
 * which case, to whom.
 */
public final class NoticeDeliveryVariables {

  public static final Variable<String> NOTICE_ID = Variable.text("noticeId");
  public static final Variable<String> CASE_PROCESS_INSTANCE_ID =
      Variable.text("caseProcessInstanceId");
  public static final Variable<String> NOTICE_TYPE = Variable.text("noticeType");
  public static final Variable<String> RECIPIENT = Variable.text("recipient");

  private NoticeDeliveryVariables() {}
}
