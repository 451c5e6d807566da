package org.ehcflow.support;

import org.camunda.bpm.container.RuntimeContainerDelegate;

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
          .ifAvailable(CurrentEngineTestExecutionListener::makeCurrent);
    }
  }

  /**
   * Both registries: the REST API's ({@link ProcessEngines}) and the web apps' (the runtime
   * container), which loses the engine when another application in this JVM shuts down.
   */
  private static void makeCurrent(ProcessEngine engine) {
    ProcessEngines.registerProcessEngine(engine);
    RuntimeContainerDelegate container = RuntimeContainerDelegate.INSTANCE.get();
    ProcessEngine registered = container.getProcessEngineService().getProcessEngine(engine.getName());
    if (registered != engine) {
      if (registered != null) {
        container.unregisterProcessEngine(registered);
      }
      container.registerProcessEngine(engine);
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
