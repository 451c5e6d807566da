package org.ehcflow.phasetransfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.ehcflow.platform.EngineClock;
import org.ehcflow.statutory.SchoolYears;
import org.ehcflow.statutory.TransferType;
import org.ehcflow.vocabulary.AnnualReviewVariables;
import org.ehcflow.vocabulary.CaseKeys;
import org.ehcflow.vocabulary.Pathways;
import org.ehcflow.vocabulary.PhaseTransferCohortVariables;
import org.ehcflow.vocabulary.PhaseTransferVariables;
import org.ehcflow.vocabulary.Variable;
import org.springframework.stereotype.Service;

/**
 * Finds every maintained plan (each has one running annual review) whose child changes phase next
 * September, by the published cohort table, and starts its phase-transfer review. A child already
 * in a phase-transfer review is left alone, so a second run starts nothing twice.
 *
 * <p>Finding and starting are separate steps so the yearly run can start its reviews in batches,
 * each its own transaction: one transaction for a large council's whole cohort grows much faster
 * than the cohort, and a failure in it would roll back every review started before.
 */
@Service
public class PhaseTransferCohort {

  /** Annual reviews per batch; their ids, joined, must fit one text variable (4,000 characters). */
  public static final int BATCH_SIZE = 50;

  private static final int QUERY_BATCH = 500;

  /** What a transfer review takes from the child's annual review, under the same names in both. */
  private static final List<Variable<?>> PLAN_VARIABLES =
      List.of(
          AnnualReviewVariables.CHILD_ID,
          AnnualReviewVariables.CHILD_NAME,
          AnnualReviewVariables.DATE_OF_BIRTH,
          AnnualReviewVariables.NHS_NUMBER,
          AnnualReviewVariables.PARENT_EMAIL,
          AnnualReviewVariables.NAMED_SETTING,
          AnnualReviewVariables.SETTING_PHASE);

  private static final String[] PLAN_VARIABLE_NAMES =
      PLAN_VARIABLES.stream().map(Variable::name).toArray(String[]::new);

  private final RuntimeService runtime;
  private final DecisionService decisions;

  public PhaseTransferCohort(RuntimeService runtime, DecisionService decisions) {
    this.runtime = runtime;
    this.decisions = decisions;
  }

  public record Result(int plansChecked, int started, int alreadyInTransfer) {}

  /**
   * The annual reviews whose children change phase and have no transfer review yet, as of the run's
   * date.
   */
  public record Cohort(
      LocalDate runDate, int plansChecked, int alreadyInTransfer, List<String> reviewsToTransfer) {

    /** The reviews in batches, each written as one comma-separated text. */
    public List<String> batches() {
      List<String> batches = new ArrayList<>();
      for (int from = 0; from < reviewsToTransfer.size(); from += BATCH_SIZE) {
        batches.add(
            String.join(
                ",",
                reviewsToTransfer.subList(
                    from, Math.min(reviewsToTransfer.size(), from + BATCH_SIZE))));
      }
      return batches;
    }
  }

  public record BatchResult(int started, int alreadyInTransfer) {}

  /** Finds and starts the whole cohort, each review its own transaction when called outside one. */
  public Result run(LocalDate today) {
    Cohort cohort = find(today);
    BatchResult started = start(cohort.reviewsToTransfer(), today);
    return new Result(
        cohort.plansChecked(),
        started.started(),
        cohort.alreadyInTransfer() + started.alreadyInTransfer());
  }

  /** The cohort as of the engine's today. */
  public Cohort findToday() {
    return find(EngineClock.today());
  }

  public Cohort find(LocalDate today) {
    int academicYear = SchoolYears.academicYearOf(today);
    Set<String> inTransfer = childrenIn(Pathways.PHASE_TRANSFER);
    Map<String, Map<String, Object>> plans =
        variablesOf(runningInstancesOf(Pathways.ANNUAL_REVIEW));
    List<String> toTransfer = new ArrayList<>();
    int skipped = 0;
    for (Map.Entry<String, Map<String, Object>> plan : plans.entrySet()) {
      if (transferTypeOf(plan.getValue(), academicYear) == null) {
        continue;
      }
      if (!inTransfer.add(AnnualReviewVariables.CHILD_ID.get(plan.getValue()))) {
        skipped++;
        continue;
      }
      toTransfer.add(plan.getKey());
    }
    return new Cohort(today, plans.size(), skipped, List.copyOf(toTransfer));
  }

  /** Starts the transfer reviews of one batch of {@link Cohort#batches()}. */
  public BatchResult startBatch(String batch, LocalDate today) {
    return start(idsOfBatch(batch), today);
  }

  /**
   * Starts the transfer reviews of these annual reviews, skipping any child that has one by now.
   */
  public BatchResult start(List<String> annualReviewIds, LocalDate today) {
    int academicYear = SchoolYears.academicYearOf(today);
    LocalDate transferDate = SchoolYears.nextSeptember(today);
    int started = 0;
    int skipped = 0;
    for (Map.Entry<String, Map<String, Object>> entry : variablesOf(annualReviewIds).entrySet()) {
      Map<String, Object> plan = entry.getValue();
      TransferType transferType = transferTypeOf(plan, academicYear);
      if (transferType == null) {
        continue;
      }
      String childId = AnnualReviewVariables.CHILD_ID.get(plan);
      String businessKey = CaseKeys.phaseTransfer(childId, transferDate);
      // Finding the cohort left out every child already in a transfer; this catches one started
      // by hand for the same move since, through the indexed business key.
      if (runtime
              .createProcessInstanceQuery()
              .processDefinitionKey(Pathways.PHASE_TRANSFER)
              .processInstanceBusinessKey(businessKey)
              .count()
          > 0) {
        skipped++;
        continue;
      }
      Map<String, Object> start = new LinkedHashMap<>();
      PLAN_VARIABLES.forEach(variable -> carry(variable, plan, start));
      PhaseTransferVariables.TRANSFER_TYPE.put(start, transferType.code());
      PhaseTransferVariables.TRANSFER_DATE.put(start, transferDate);
      PhaseTransferVariables.YEAR_GROUP.put(
          start, SchoolYears.yearGroupIn(academicYear, dateOfBirthOf(plan)));
      PhaseTransferVariables.SUPERSEDES_REVIEW.put(start, entry.getKey());
      runtime.startProcessInstanceByKey(Pathways.PHASE_TRANSFER, businessKey, start);
      started++;
    }
    return new BatchResult(started, skipped);
  }

  public static List<String> idsOfBatch(String batch) {
    return batch == null || batch.isBlank() ? List.of() : Arrays.asList(batch.split(","));
  }

  /** A plan value the case has, as the transfer review's start variable of the same name. */
  private static <T> void carry(
      Variable<T> variable, Map<String, Object> plan, Map<String, Object> start) {
    T value = variable.get(plan);
    if (value != null) {
      variable.put(start, value);
    }
  }

  /**
   * The cohort table's transfer type for this plan, or null if the child does not change phase next
   * September.
   */
  private TransferType transferTypeOf(Map<String, Object> plan, int academicYear) {
    Map<String, Object> inputs = new HashMap<>();
    PhaseTransferCohortVariables.YEAR_GROUP_NOW.put(
        inputs, SchoolYears.yearGroupIn(academicYear, dateOfBirthOf(plan)));
    AnnualReviewVariables.SETTING_PHASE.put(inputs, AnnualReviewVariables.SETTING_PHASE.get(plan));
    DmnDecisionResult result =
        decisions
            .evaluateDecisionByKey(PhaseTransferCohortProcess.DECISION)
            .variables(inputs)
            .evaluate();
    return result.isEmpty()
        ? null
        : TransferType.fromCode(result.getSingleResult().getSingleEntry());
  }

  private static LocalDate dateOfBirthOf(Map<String, Object> plan) {
    return AnnualReviewVariables.DATE_OF_BIRTH.get(plan);
  }

  private Set<String> childrenIn(String processKey) {
    Set<String> children = new HashSet<>();
    variablesOf(runningInstancesOf(processKey))
        .values()
        .forEach(
            variables ->
                children.add(String.valueOf(AnnualReviewVariables.CHILD_ID.get(variables))));
    return children;
  }

  private List<String> runningInstancesOf(String processKey) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(processKey)
        .active()
        .list()
        .stream()
        .map(ProcessInstance::getId)
        .toList();
  }

  /**
   * The plan variables of each instance still running, fetched in batches rather than one query per
   * case.
   */
  private Map<String, Map<String, Object>> variablesOf(List<String> ids) {
    Map<String, Map<String, Object>> byInstance = new LinkedHashMap<>();
    for (int from = 0; from < ids.size(); from += QUERY_BATCH) {
      List<String> batch =
          new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + QUERY_BATCH)));
      for (VariableInstance variable :
          runtime
              .createVariableInstanceQuery()
              .processInstanceIdIn(batch.toArray(String[]::new))
              .variableNameIn(PLAN_VARIABLE_NAMES)
              .disableBinaryFetching()
              .list()) {
        // Only the case-wide value: a task or scope may hold a local variable of the same name.
        if (variable.getExecutionId().equals(variable.getProcessInstanceId())) {
          byInstance
              .computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
              .put(variable.getName(), variable.getValue());
        }
      }
    }
    return byInstance;
  }
}
