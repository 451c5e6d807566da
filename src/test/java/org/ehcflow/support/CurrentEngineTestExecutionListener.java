package org.ehcflow.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The REST API and the web apps find "the default engine" in a JVM-wide registry. Tests keep
 * several application contexts alive at once (Spring's context cache, and tests that start and
 * stop the application themselves), each with an engine named "default", so before each test the
 * engine of that test's own context is made the registered one.
 */
public class CurrentEngineTestExecutionListener implements TestExecutionListener, Ordered {

  @Override
  public void beforeTestMethod(TestContext testContext) {
    if (testContext.hasApplicationContext()) {
      testContext.getApplicationContext().getBeanProvider(ProcessEngine.class)
          .ifAvailable(ProcessEngines::registerProcessEngine);
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
