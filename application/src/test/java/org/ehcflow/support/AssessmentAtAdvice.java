package org.ehcflow.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.statutory.StatutoryClock;

/**
 * A needs assessment waiting for its four advisers, as on 10 February 2026 (requested on 5
 * January): where advice and its documents come in. The engine clock is left at that moment. The
 * same as {@code Cases.assessment(engine, mail).child(child).atAdvice()}, which new tests use.
 */
public final class AssessmentAtAdvice {

  private AssessmentAtAdvice() {}

  public static TestCase start(ProcessEngine engine, GreenMailExtension mail, String child) {
    return Cases.assessment(engine, mail).child(child).atAdvice();
  }

  /** The open advice task of one adviser's group. */
  public static Task adviceTask(ProcessEngine engine, TestCase assessment, String group) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(assessment.id())
        .taskDefinitionKey(AssessmentProcess.Elements.GIVE_ADVICE)
        .taskCandidateGroup(group)
        .singleResult();
  }

  public static void clock(String londonDateTime) {
    ClockUtil.setCurrentTime(
        Date.from(LocalDateTime.parse(londonDateTime).atZone(StatutoryClock.ZONE).toInstant()));
  }
}
