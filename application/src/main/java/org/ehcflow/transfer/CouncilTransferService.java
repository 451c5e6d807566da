package org.ehcflow.transfer;

import static org.ehcflow.vocabulary.CouncilTransferVariables.*;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.ehcflow.documents.CouncilProperties;
import org.ehcflow.platform.CaseData;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.statutory.WorkingDayCalendar;
import org.ehcflow.vocabulary.AnnualReviewVariables;
import org.ehcflow.vocabulary.AssessmentVariables;
import org.ehcflow.vocabulary.CaseKeys;
import org.ehcflow.vocabulary.CeaseReason;
import org.ehcflow.vocabulary.Pathways;
import org.ehcflow.vocabulary.Variable;
import org.springframework.stereotype.Component;

/**
 * The rules of a plan's move between councils (reg 15): the checks of each start and task, the
 * statutory dates, and what the move does to the child's other cases here. The delegates and
 * listeners read the case, call one of these and write what it returns.
 */
@Component
public class CouncilTransferService {

  /** The start variables of a transfer out, as the contract names them. */
  static final Set<String> OUT_START =
      Variable.names(
          CHILD_ID,
          CHILD_NAME,
          PARENT_EMAIL,
          NEW_COUNCIL,
          NEW_COUNCIL_EMAIL,
          AWARE_DATE,
          MOVE_DATE,
          ICB_CHANGES,
          ICB_EMAIL);

  /** The start variables of a transfer in, as the contract names them. */
  static final Set<String> IN_START =
      Variable.names(
          CHILD_ID,
          CHILD_NAME,
          DATE_OF_BIRTH,
          PARENT_EMAIL,
          PREVIOUS_COUNCIL,
          TRANSFER_DATE,
          LAST_REVIEW_DATE,
          YEAR_GROUP,
          NAMED_SETTING);

  private final RuntimeService runtime;
  private final WorkingDayCalendar workingDays;
  private final CouncilProperties council;

  public CouncilTransferService(
      RuntimeService runtime, WorkingDayCalendar workingDays, CouncilProperties council) {
    this.runtime = runtime;
    this.workingDays = workingDays;
    this.council = council;
  }

  /**
   * Checks a transfer out's start and sets {@code transferDue}: the day of the move if this council
   * knew at least 15 working days before it, otherwise 15 working days from becoming aware.
   */
  public void acceptTransferOut(DelegateExecution execution) {
    Map<String, Object> given = execution.getVariables();
    CaseData data = CaseData.of(given);
    data.noOtherVariablesThan(OUT_START);
    String childId = data.requiredString(CHILD_ID, 64);
    data.requiredString(CHILD_NAME, 200);
    data.requiredEmail(PARENT_EMAIL);
    String newCouncil = data.requiredString(NEW_COUNCIL, 200);
    if (newCouncil != null && isThisCouncil(newCouncil)) {
      data.problem(
          NEW_COUNCIL,
          "is this council ("
              + council.name()
              + "): a plan transfers only to another local authority");
    }
    data.requiredEmail(NEW_COUNCIL_EMAIL);
    LocalDate aware = data.notInTheFuture(AWARE_DATE, data.requiredDate(AWARE_DATE));
    LocalDate move = data.optionalDate(MOVE_DATE);
    if (aware != null && move != null && move.isBefore(aware)) {
      data.problem(MOVE_DATE, "cannot be before awareDate (" + aware + ")");
    }
    Boolean icbChanges = data.optionalBoolean(ICB_CHANGES);
    String icbEmail = data.optionalEmail(ICB_EMAIL);
    if (Boolean.TRUE.equals(icbChanges)
        && icbEmail == null
        && isBlank(given.get(ICB_EMAIL.name()))) {
      data.problem(ICB_EMAIL, "is required when icbChanges is true: the old ICB tells the new one");
    }
    data.check("start of a transfer to another council");
    data.applyTo(execution);
    if (icbChanges == null) {
      ICB_CHANGES.set(execution, false);
    }
    String businessKey = execution.getProcessBusinessKey();
    if (businessKey == null || businessKey.isBlank()) {
      execution.setProcessBusinessKey(CaseKeys.transferOut(childId, aware));
    }
    TRANSFER_DUE.set(execution, StatutoryClock.transferOutDue(aware, move, workingDays::after));
  }

  /**
   * The plan has gone: the day it did, which SEN2 records as the day the plan here ceased, with
   * reason 5 (transferred to another local authority).
   */
  public void recordTransferred(VariableScope task) {
    CaseData data = CaseData.of(task);
    LocalDate transferred =
        data.notInTheFuture(TRANSFERRED_DATE, data.requiredDate(TRANSFERRED_DATE));
    LocalDate aware = AWARE_DATE.require(task);
    if (transferred != null && transferred.isBefore(aware)) {
      data.problem(
          TRANSFERRED_DATE,
          "cannot be before the council became aware of the move (" + aware + ")");
    }
    data.check("transfer of the plan");
    CaseData.setIfChanged(task, TRANSFERRED_DATE, transferred);
    TRANSFER_LATE.set(task, transferred.isAfter(TRANSFER_DUE.require(task)));
    CEASE_REASON.set(task, CeaseReason.MOVED_TO_ANOTHER_AUTHORITY);
    PLAN_CEASED_DATE.set(task, transferred);
  }

  /** What ending the child's cases here did. */
  public record CasesEnded(int reviews, int assessments) {}

  /**
   * The plan is now the new council's: the child's running annual review here ends, recording the
   * plan's end for SEN2, and an assessment in progress ends as {@code moved}, since it does not
   * transfer. Always by the child's id, so no other child's case is touched.
   */
  public CasesEnded endCasesHere(
      String childId, String transferBusinessKey, LocalDate transferred, String newCouncil) {
    int reviews =
        runtime
            .createMessageCorrelation(Pathways.Messages.REVIEW_SUPERSEDED)
            .processInstanceVariableEquals(
                AnnualReviewVariables.CHILD_ID.name(),
                AnnualReviewVariables.CHILD_ID.encode(childId))
            .setVariable(
                AnnualReviewVariables.SUPERSEDED_BY.name(),
                AnnualReviewVariables.SUPERSEDED_BY.encode(transferBusinessKey))
            .setVariable(
                AnnualReviewVariables.CEASE_REASON.name(),
                AnnualReviewVariables.CEASE_REASON.encode(CeaseReason.MOVED_TO_ANOTHER_AUTHORITY))
            .setVariable(
                AnnualReviewVariables.PLAN_CEASED_DATE.name(),
                AnnualReviewVariables.PLAN_CEASED_DATE.encode(transferred))
            .correlateAllWithResult()
            .size();
    int assessments =
        runtime
            .createMessageCorrelation(Pathways.Messages.CHILD_MOVED_AWAY)
            .processInstanceVariableEquals(
                AssessmentVariables.CHILD_ID.name(), AssessmentVariables.CHILD_ID.encode(childId))
            .setVariable(
                AssessmentVariables.MOVED_AWAY_DATE.name(),
                AssessmentVariables.MOVED_AWAY_DATE.encode(transferred))
            .setVariable(
                AssessmentVariables.MOVED_TO.name(),
                AssessmentVariables.MOVED_TO.encode(newCouncil))
            .correlateAllWithResult()
            .size();
    return new CasesEnded(reviews, assessments);
  }

  /**
   * Checks a transfer in's start and sets {@code transferNoticeDue} (6 weeks from the transfer) and
   * {@code transferReviewDue} (the later of 12 months from the last review and 3 months from the
   * transfer).
   */
  public void acceptTransferIn(DelegateExecution execution) {
    CaseData data = CaseData.of(execution.getVariables());
    data.noOtherVariablesThan(IN_START);
    String childId = data.requiredString(CHILD_ID, 64);
    data.requiredString(CHILD_NAME, 200);
    LocalDate dateOfBirth = data.notInTheFuture(DATE_OF_BIRTH, data.requiredDate(DATE_OF_BIRTH));
    data.requiredEmail(PARENT_EMAIL);
    String previous = data.requiredString(PREVIOUS_COUNCIL, 200);
    if (previous != null && isThisCouncil(previous)) {
      data.problem(
          PREVIOUS_COUNCIL,
          "is this council (" + council.name() + "): a plan transfers in from another one");
    }
    LocalDate transfer = data.notInTheFuture(TRANSFER_DATE, data.requiredDate(TRANSFER_DATE));
    LocalDate lastReview =
        data.notInTheFuture(LAST_REVIEW_DATE, data.requiredDate(LAST_REVIEW_DATE));
    if (lastReview != null && transfer != null && lastReview.isAfter(transfer)) {
      data.problem(LAST_REVIEW_DATE, "cannot be after transferDate (" + transfer + ")");
    }
    if (lastReview != null && dateOfBirth != null && lastReview.isBefore(dateOfBirth)) {
      data.problem(LAST_REVIEW_DATE, "is before the date of birth (" + dateOfBirth + ")");
    }
    Integer yearGroup = data.optionalInteger(YEAR_GROUP, -2, 14);
    data.optionalString(NAMED_SETTING, 200);
    data.check("start of a transfer from another council");
    data.applyTo(execution);
    if (yearGroup != null) {
      YEAR_GROUP.set(execution, yearGroup);
    }
    String businessKey = execution.getProcessBusinessKey();
    if (businessKey == null || businessKey.isBlank()) {
      execution.setProcessBusinessKey(CaseKeys.transferIn(childId, transfer));
    }
    TRANSFER_NOTICE_DUE.set(execution, StatutoryClock.transferInNoticeDue(transfer));
    TRANSFER_REVIEW_DUE.set(execution, StatutoryClock.transferInReviewDue(lastReview, transfer));
  }

  /**
   * Reg 15(4): the family is told whether the council will assess and when it will review, no later
   * than the review's statutory date.
   */
  public void recordFamilyTold(VariableScope task) {
    CaseData data = CaseData.of(task);
    Object given = task.getVariable(WILL_ASSESS.name());
    data.optionalBoolean(WILL_ASSESS);
    if (given == null) {
      data.problem(WILL_ASSESS, "is required: say whether the council proposes an assessment");
    }
    LocalDate planned = data.requiredDate(PLANNED_REVIEW_DATE);
    LocalDate reviewDue = TRANSFER_REVIEW_DUE.require(task);
    LocalDate transfer = TRANSFER_DATE.require(task);
    if (planned != null && planned.isAfter(reviewDue)) {
      data.problem(
          PLANNED_REVIEW_DATE,
          "cannot be after " + reviewDue + ", the latest day reg 15(5) allows for the review");
    } else if (planned != null && planned.isBefore(transfer)) {
      data.problem(PLANNED_REVIEW_DATE, "cannot be before transferDate (" + transfer + ")");
    }
    data.check("notice of the transferred plan");
    CaseData.setIfChanged(task, PLANNED_REVIEW_DATE, planned);
    TRANSFER_NOTICE_DATE.set(task, data.today());
  }

  /**
   * Starts the child's annual review here, due on the reg 15(5) date, through the review's own key
   * and start variables. The business key is derived from the child and the last review, so a
   * retried step starts nothing twice.
   */
  public String startTransferredReview(VariableScope execution) {
    LocalDate lastReview = LAST_REVIEW_DATE.require(execution);
    String childId = CHILD_ID.require(execution);
    String businessKey = CaseKeys.annualReview(childId, null, lastReview);
    if (runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(Pathways.ANNUAL_REVIEW)
            .processInstanceBusinessKey(businessKey)
            .count()
        == 0) {
      Map<String, Object> start = new LinkedHashMap<>();
      AnnualReviewVariables.CHILD_ID.put(start, childId);
      AnnualReviewVariables.CHILD_NAME.put(start, CHILD_NAME.require(execution));
      AnnualReviewVariables.DATE_OF_BIRTH.put(start, DATE_OF_BIRTH.require(execution));
      AnnualReviewVariables.PARENT_EMAIL.put(start, PARENT_EMAIL.require(execution));
      AnnualReviewVariables.LAST_REVIEW_DECISION_DATE.put(start, lastReview);
      AnnualReviewVariables.REVIEW_DUE_BY.put(start, TRANSFER_REVIEW_DUE.require(execution));
      Integer yearGroup = YEAR_GROUP.get(execution);
      if (yearGroup != null) {
        AnnualReviewVariables.YEAR_GROUP.put(start, yearGroup);
      }
      String setting = NAMED_SETTING.get(execution);
      if (setting != null && !setting.isBlank()) {
        AnnualReviewVariables.NAMED_SETTING.put(start, setting);
      }
      runtime.startProcessInstanceByKey(Pathways.ANNUAL_REVIEW, businessKey, start);
    }
    return businessKey;
  }

  private boolean isThisCouncil(String name) {
    return normalised(name).equals(normalised(council.name()));
  }

  private static String normalised(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.UK);
  }

  private static boolean isBlank(Object value) {
    return value == null || value.toString().isBlank();
  }
}
