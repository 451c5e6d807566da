package org.ehcflow.support;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The REST API and the web apps find "the default engine" in a JVM-wide registry. Tests keep
 * several application contexts alive at once (Spring's context cache, and tests that start and stop
 * the application themselves), each with an engine named "default", so before each test the engine
 * of that test's own context is made the registered one.
 *
 * <p>The web apps keep their runtime (the plugins of Tasklist, Cockpit and Admin) in JVM-wide
 * holders too, and a context that closes (a {@code @DirtiesContext} test) empties them for every
 * other context still serving: Tasklist's plugin API then answered 500. An application has one
 * context, so this happens only in tests; here the holders are filled again before each test.
 */
public class CurrentEngineTestExecutionListener implements TestExecutionListener, Ordered {

  @Override
  public void beforeTestMethod(TestContext testContext) {
    if (testContext.hasApplicationContext()) {
      testContext
          .getApplicationContext()
          .getBeanProvider(ProcessEngine.class)
          .ifAvailable(ProcessEngines::registerProcessEngine);
    }
    if (Tasklist.getRuntimeDelegate() == null) {
      Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
    }
    if (Cockpit.getRuntimeDelegate() == null) {
      Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
    }
    if (Admin.getRuntimeDelegate() == null) {
      Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
