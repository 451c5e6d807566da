package org.ehcflow.casefile;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The Tasklist plugin's resources are created by the web app, not by Spring; they reach the case
 * file of the engine they serve through this registry, filled when the application starts. By
 * engine, not one static instance: where several applications share a JVM (the tests' contexts),
 * a request must never reach another application's case file and database.
 */
@Component
public class CaseFileServices implements DisposableBean {

  private static final Map<ProcessEngine, CaseFile> BY_ENGINE = new ConcurrentHashMap<>();

  private final ProcessEngine engine;

  public CaseFileServices(ProcessEngine engine, CaseFile caseFile) {
    this.engine = engine;
    BY_ENGINE.put(engine, caseFile);
  }

  static CaseFile of(ProcessEngine engine) {
    CaseFile caseFile = BY_ENGINE.get(engine);
    if (caseFile == null) {
      throw new IllegalStateException("the case file of engine '" + engine.getName() + "' is not started");
    }
    return caseFile;
  }

  @Override
  public void destroy() {
    BY_ENGINE.remove(engine);
  }
}
