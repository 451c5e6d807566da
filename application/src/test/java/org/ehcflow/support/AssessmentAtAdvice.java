package org.ehcflow.support;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.statutory.StatutoryClock;

/**
 * A needs assessment waiting for its four advisers, as on 10 February 2026 (requested on 5
 * January): where advice and its documents come in. The engine clock is left at that moment.
 */
public final class AssessmentAtAdvice {

  private AssessmentAtAdvice() {}

  public static TestCase start(ProcessEngine engine, GreenMailExtension mail, String child) {
    clock("2026-01-05T09:30");
    Map<String, Object> request = new HashMap<>();
    request.put("childId", child);
    request.put("childName", "Child " + child);
    request.put("dateOfBirth", "2016-03-14");
    request.put("requestReceivedDate", "2026-01-05");
    request.put("requester", "parent");
    request.put("parentEmail", "parent@example.org");
    request.put("yearGroup", 4);
    TestCase assessment = new TestCase(engine, mail).start(AssessmentProcess.KEY, "EHCNA-" + child, request);
    clock("2026-02-10T10:00");
    assessment.runJobs();
    assessment.complete(AssessmentProcess.Elements.PREPARE_CASE_FOR_PANEL, Map.of("graduatedApproachCycles", 3,
        "progressDespiteSupport", false, "needsAcrossEducationHealthCare", false, "evidenceSummary", "Reports"));
    assessment.complete(AssessmentProcess.Elements.DECIDE_WHETHER_TO_ASSESS, Map.of("assessDecision", "assess",
        "assessDecisionReason", "Needs may call for a plan"));
    assessment.complete(AssessmentProcess.Elements.PLAN_ADVICE_REQUESTS, Map.of());
    return assessment;
  }

  /** The open advice task of one adviser's group. */
  public static Task adviceTask(ProcessEngine engine, TestCase assessment, String group) {
    return engine.getTaskService().createTaskQuery().processInstanceId(assessment.id())
        .taskDefinitionKey(AssessmentProcess.Elements.GIVE_ADVICE).taskCandidateGroup(group).singleResult();
  }

  public static void clock(String londonDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(londonDateTime).atZone(StatutoryClock.ZONE).toInstant()));
  }
}
