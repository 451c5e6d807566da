package org.ehcflow.support;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** Drives jobs by hand, as the job executor would, for tests that run with it switched off. */
public final class Jobs {

  private Jobs() {}

  /** Executes every executable job of the process instance, including ones that new jobs create. */
  public static void executeAll(ManagementService management, String processInstanceId) {
    for (int round = 0; round < 100; round++) {
      List<Job> due =
          management.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    throw new IllegalStateException("jobs keep appearing for " + processInstanceId);
  }
}
