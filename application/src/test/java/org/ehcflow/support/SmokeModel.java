package org.ehcflow.support;

import org.camunda.bpm.engine.RepositoryService;

/** A small model with a notice step and a caseworker task, for tests of the platform itself. */
public final class SmokeModel {

  public static final String KEY = "ehc-smoke-test";
  public static final String NOTICE_STEP = "serviceTask_sendTestNotice";
  public static final String REVIEW_TASK = "userTask_reviewTestCase";
  public static final String FORM = "form_reviewTestCase";

  private SmokeModel() {}

  public static void deploy(RepositoryService repository) {
    repository
        .createDeployment()
        .name("smoke-test")
        .enableDuplicateFiltering(true)
        .addClasspathResource("models/ehc-smoke-test.bpmn")
        .addClasspathResource("models/review-test-case.form")
        .deploy();
  }
}
