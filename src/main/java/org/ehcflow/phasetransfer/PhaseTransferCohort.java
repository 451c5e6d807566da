package org.ehcflow.phasetransfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.ehcflow.review.AnnualReviewProcess;
import org.ehcflow.statutory.SchoolYears;
import org.ehcflow.statutory.StatutoryDates;
import org.springframework.stereotype.Service;

/**
 * Finds every maintained plan (each has one running annual review) whose child changes phase
 * next September, by the published cohort table, and starts its phase-transfer review. A child
 * already in a phase-transfer review is left alone, so a second run starts nothing twice.
 */
@Service
public class PhaseTransferCohort {

  private static final int QUERY_BATCH = 500;
  private static final List<String> PLAN_VARIABLES = List.of(
      AnnualReviewProcess.Start.CHILD_ID, AnnualReviewProcess.Start.CHILD_NAME, AnnualReviewProcess.Start.DATE_OF_BIRTH,
      AnnualReviewProcess.Start.PARENT_EMAIL, AnnualReviewProcess.Start.NAMED_SETTING,
      AnnualReviewProcess.Start.SETTING_PHASE);

  private final RuntimeService runtime;
  private final DecisionService decisions;

  public PhaseTransferCohort(RuntimeService runtime, DecisionService decisions) {
    this.runtime = runtime;
    this.decisions = decisions;
  }

  public record Result(int plansChecked, int started, int alreadyInTransfer) {}

  public Result run(LocalDate today) {
    int academicYear = SchoolYears.academicYearOf(today);
    LocalDate transferDate = SchoolYears.nextSeptember(today);
    Set<String> inTransfer = childrenIn(PhaseTransferProcess.KEY);
    Map<String, Map<String, Object>> plans = variablesOfRunning(AnnualReviewProcess.KEY);
    int started = 0;
    int skipped = 0;
    for (Map<String, Object> plan : plans.values()) {
      LocalDate dateOfBirth = StatutoryDates.parse(plan.get(AnnualReviewProcess.Start.DATE_OF_BIRTH).toString());
      int yearGroupNow = SchoolYears.yearGroupIn(academicYear, dateOfBirth);
      Map<String, Object> inputs = new HashMap<>();
      inputs.put(PhaseTransferCohortProcess.Vars.YEAR_GROUP_NOW, yearGroupNow);
      inputs.put(AnnualReviewProcess.Start.SETTING_PHASE, plan.get(AnnualReviewProcess.Start.SETTING_PHASE));
      DmnDecisionResult result = decisions.evaluateDecisionByKey(PhaseTransferCohortProcess.DECISION)
          .variables(inputs).evaluate();
      if (result.isEmpty()) {
        continue;
      }
      String childId = plan.get(AnnualReviewProcess.Start.CHILD_ID).toString();
      if (!inTransfer.add(childId)) {
        skipped++;
        continue;
      }
      Map<String, Object> start = new LinkedHashMap<>();
      PLAN_VARIABLES.forEach(name -> {
        if (plan.get(name) != null) {
          start.put(name, plan.get(name));
        }
      });
      start.put(PhaseTransferProcess.Start.TRANSFER_TYPE, result.getSingleResult().getSingleEntry());
      start.put(PhaseTransferProcess.Start.TRANSFER_DATE, transferDate.toString());
      start.put(PhaseTransferProcess.Start.YEAR_GROUP, yearGroupNow);
      runtime.startProcessInstanceByKey(PhaseTransferProcess.KEY, "PT-" + childId + "-" + transferDate, start);
      started++;
    }
    return new Result(plans.size(), started, skipped);
  }

  private Set<String> childrenIn(String processKey) {
    Set<String> children = new HashSet<>();
    variablesOfRunning(processKey).values()
        .forEach(variables -> children.add(String.valueOf(variables.get(AnnualReviewProcess.Start.CHILD_ID))));
    return children;
  }

  /** The plan variables of each running instance, fetched in batches rather than one query per case. */
  private Map<String, Map<String, Object>> variablesOfRunning(String processKey) {
    List<String> ids = runtime.createProcessInstanceQuery().processDefinitionKey(processKey).active().list().stream()
        .map(ProcessInstance::getId).toList();
    Map<String, Map<String, Object>> byInstance = new LinkedHashMap<>();
    for (int from = 0; from < ids.size(); from += QUERY_BATCH) {
      List<String> batch = new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + QUERY_BATCH)));
      for (VariableInstance variable : runtime.createVariableInstanceQuery()
          .processInstanceIdIn(batch.toArray(String[]::new))
          .variableNameIn(PLAN_VARIABLES.toArray(String[]::new))
          .disableBinaryFetching().list()) {
        // Only the case-wide value: a task or scope may hold a local variable of the same name.
        if (variable.getExecutionId().equals(variable.getProcessInstanceId())) {
          byInstance.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
              .put(variable.getName(), variable.getValue());
        }
      }
    }
    return byInstance;
  }
}
