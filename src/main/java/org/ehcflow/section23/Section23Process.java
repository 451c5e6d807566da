package org.ehcflow.section23;

/** A health body's Section 23 notification, {@code processes/section-23-notification.bpmn}. */
public final class Section23Process {

  public static final String KEY = "section-23-notification";

  private Section23Process() {}
}
