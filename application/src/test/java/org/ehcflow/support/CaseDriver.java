package org.ehcflow.support;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.review.AnnualReviewProcess;
import org.ehcflow.statutory.StatutoryClock;

/**
 * Drives many cases through their pathways on the engine's clock, for tests that need a known
 * history: each step is what the person would submit, on the day the test says.
 */
public class CaseDriver {

  private final ProcessEngine engine;

  public CaseDriver(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Moves the clock to 10:00 London on a date and runs every job that has fallen due. */
  public CaseDriver on(String date) {
    ClockUtil.setCurrentTime(
        Date.from(LocalDateTime.parse(date + "T10:00").atZone(StatutoryClock.ZONE).toInstant()));
    for (int round = 0; round < 50; round++) {
      List<Job> due = engine.getManagementService().createJobQuery().executable().list();
      if (due.isEmpty()) {
        return this;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
    throw new IllegalStateException("jobs keep appearing");
  }

  public String request(String childId, String received) {
    on(received);
    Map<String, Object> request = new HashMap<>();
    request.put("childId", childId);
    request.put("childName", "Child " + childId);
    request.put("dateOfBirth", "2016-03-14");
    request.put("requestReceivedDate", received);
    request.put("requester", "parent");
    request.put("parentEmail", "parent." + childId.toLowerCase() + "@example.org");
    String id =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(AssessmentProcess.KEY, "EHCNA-" + childId, request)
            .getId();
    on(received);
    return id;
  }

  public void decideToAssess(String id, String on) {
    on(on);
    complete(
        id,
        AssessmentProcess.Elements.PREPARE_CASE_FOR_PANEL,
        Map.of(
            "graduatedApproachCycles",
            3,
            "progressDespiteSupport",
            false,
            "needsAcrossEducationHealthCare",
            true));
    complete(
        id,
        AssessmentProcess.Elements.DECIDE_WHETHER_TO_ASSESS,
        Map.of("assessDecision", "assess", "assessDecisionReason", "May need a plan"));
  }

  public void requestAdvice(String id) {
    complete(id, AssessmentProcess.Elements.PLAN_ADVICE_REQUESTS, Map.of());
  }

  /** Every adviser replies on this day, except the kinds listed, which reply later or never. */
  public void adviceGiven(String id, String on, String... exceptTypes) {
    on(on);
    for (Task task :
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(id)
            .taskDefinitionKey(AssessmentProcess.Elements.GIVE_ADVICE)
            .list()) {
      String type = (String) engine.getTaskService().getVariableLocal(task.getId(), "adviceType");
      if (!List.of(exceptTypes).contains(type)) {
        engine.getTaskService().complete(task.getId(), Map.of("adviceSummary", "Advice"));
      }
    }
    on(on);
  }

  /** The panel issues a plan and the caseworker takes it to a final plan on the date given. */
  public void issuePlan(String id, String decidedOn, String issuedOn) {
    on(decidedOn);
    complete(
        id,
        AssessmentProcess.Elements.CONSIDER_ADVICE,
        Map.of(
            "provisionBeyondSetting",
            true,
            "needsAcrossEducationHealthCare",
            false,
            "progressWithSenSupport",
            false));
    complete(
        id,
        AssessmentProcess.Elements.DECIDE_WHETHER_TO_ISSUE,
        Map.of("issueDecision", "issue", "issueDecisionReason", "Necessary"));
    Map<String, Object> sections = new HashMap<>();
    for (String section : new String[] {"sectionA", "sectionB", "sectionE", "sectionF"}) {
      sections.put(section, section);
    }
    complete(id, AssessmentProcess.Elements.DRAFT_PLAN, sections);
    complete(id, AssessmentProcess.Elements.SERVE_DRAFT_PLAN, Map.of("draftServedDate", decidedOn));
    complete(
        id, AssessmentProcess.Elements.RECORD_PARENT_RESPONSE, Map.of("parentComments", "Agreed"));
    on(issuedOn);
    complete(
        id,
        AssessmentProcess.Elements.ISSUE_FINAL_PLAN,
        Map.of("finalPlanIssuedDate", issuedOn, "namedSetting", "Local School"));
  }

  public String plan(String childId, String planIssued, String settingPhase) {
    Map<String, Object> plan = new HashMap<>();
    plan.put("childId", childId);
    plan.put("childName", "Child " + childId);
    plan.put("dateOfBirth", "2014-02-03");
    plan.put("parentEmail", "parent." + childId.toLowerCase() + "@example.org");
    plan.put("planIssuedDate", planIssued);
    plan.put("namedSetting", "Local School");
    plan.put("settingPhase", settingPhase);
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(AnnualReviewProcess.KEY, "AR-" + childId, plan)
        .getId();
  }

  public void complete(String id, String taskKey, Map<String, Object> variables) {
    Task task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(id)
            .taskDefinitionKey(taskKey)
            .singleResult();
    if (task == null) {
      throw new IllegalStateException("no open task " + taskKey + " in " + id);
    }
    engine.getTaskService().complete(task.getId(), variables);
    for (int round = 0; round < 50; round++) {
      List<Job> due = engine.getManagementService().createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }
}
