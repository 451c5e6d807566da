package org.ehcflow.amendment;

import static org.ehcflow.vocabulary.AmendPlanVariables.*;

import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.ehcflow.documents.PlanAmendment;
import org.ehcflow.documents.PlanDocuments;
import org.ehcflow.platform.CaseData;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.vocabulary.AmendmentDecision;
import org.ehcflow.vocabulary.AmendmentTrigger;
import org.ehcflow.vocabulary.CaseKeys;
import org.ehcflow.vocabulary.Pathways;
import org.ehcflow.vocabulary.Variable;
import org.springframework.stereotype.Component;

/**
 * The rules of amending a plan (reg 22), the same whether an annual review decides to amend or the
 * council proposes amendments between reviews: the notice starts 15 days for the parent's
 * representations and 8 weeks for the final amended plan or the decision not to amend. Amending
 * does not move the next annual review. The amend pathway's delegates and listeners read the case,
 * call one of these and write what it returns.
 */
@Component
public class AmendPlanService {

  /** The start variables of amendments proposed between reviews, as the contract names them. */
  static final Set<String> START =
      Variable.names(
          CHILD_ID,
          CHILD_NAME,
          DATE_OF_BIRTH,
          NHS_NUMBER,
          PARENT_EMAIL,
          NAMED_SETTING,
          NAMED_SETTING_EMAIL,
          PROPOSED_AMENDMENTS,
          AMENDMENT_TRIGGER,
          AMENDMENT_PROPOSAL_REASON,
          AMENDMENT_NOTICE_DATE);

  /**
   * What an annual review passes in: its decision letter is the amendment notice, and the review is
   * the trigger, so neither the trigger nor a default date is taken.
   */
  static final Set<String> START_FROM_REVIEW =
      Variable.names(
          CHILD_ID,
          CHILD_NAME,
          DATE_OF_BIRTH,
          NHS_NUMBER,
          PARENT_EMAIL,
          NAMED_SETTING,
          NAMED_SETTING_EMAIL,
          PROPOSED_AMENDMENTS,
          AMENDMENT_PROPOSAL_REASON,
          AMENDMENT_NOTICE_DATE);

  private final PlanDocuments plans;

  public AmendPlanService(PlanDocuments plans) {
    this.plans = plans;
  }

  /**
   * Checks a start before anything is kept, and fixes the timetable from the notice: the last day
   * for representations (15 days beginning with the notice, reg 22(2)) and the day the final
   * amended plan or the decision not to amend is due (8 weeks, reg 22(3) and (4)). Between reviews
   * the notice date defaults to today and may not be in the future.
   *
   * @param atReview whether an annual review calls this pathway
   */
  public void acceptStart(DelegateExecution execution, boolean atReview) {
    CaseData data = CaseData.of(execution.getVariables());
    data.noOtherVariablesThan(atReview ? START_FROM_REVIEW : START);
    String childId = data.requiredString(CHILD_ID, 64);
    data.requiredString(CHILD_NAME, 200);
    LocalDate dateOfBirth = data.notInTheFuture(DATE_OF_BIRTH, data.requiredDate(DATE_OF_BIRTH));
    // No one keeps a plan on or after their 26th birthday (s.46), so there is none to amend.
    if (dateOfBirth != null
        && !dateOfBirth.plusYears(StatutoryClock.PLAN_AGE_LIMIT_YEARS + 1).isAfter(data.today())) {
      data.problem(
          DATE_OF_BIRTH,
          "no one keeps a plan past the age of "
              + StatutoryClock.PLAN_AGE_LIMIT_YEARS
              + "; check the date of birth");
    }
    data.optionalNhsNumber(NHS_NUMBER);
    data.requiredEmail(PARENT_EMAIL);
    data.optionalString(NAMED_SETTING, 200);
    data.optionalEmail(NAMED_SETTING_EMAIL);
    data.requiredString(PROPOSED_AMENDMENTS, 20_000);
    data.requiredString(AMENDMENT_PROPOSAL_REASON, 10_000);
    LocalDate notice;
    if (atReview) {
      notice = data.requiredDate(AMENDMENT_NOTICE_DATE);
    } else {
      AmendmentTrigger trigger = data.requiredCode(AMENDMENT_TRIGGER);
      if (trigger == AmendmentTrigger.ANNUAL_REVIEW) {
        data.problem(
            AMENDMENT_TRIGGER,
            "cannot be an annual review here: amendments decided at a review go on from the"
                + " review's decision");
      }
      LocalDate given = data.optionalDate(AMENDMENT_NOTICE_DATE);
      notice = data.notInTheFuture(AMENDMENT_NOTICE_DATE, given == null ? data.today() : given);
    }
    if (notice != null && dateOfBirth != null && notice.isBefore(dateOfBirth)) {
      data.problem(AMENDMENT_NOTICE_DATE, "is before the date of birth (" + dateOfBirth + ")");
    }
    data.check("start of amending a plan");
    data.applyTo(execution);
    if (atReview) {
      AMENDMENT_TRIGGER.set(execution, AmendmentTrigger.ANNUAL_REVIEW);
    }
    PROPOSED_AT_REVIEW.set(execution, atReview);
    AMENDMENT_NOTICE_DATE.set(execution, notice);
    AMENDMENT_COMMENT_WINDOW_ENDS.set(execution, StatutoryClock.commentWindowEnds(notice));
    AMENDED_PLAN_DUE.set(execution, StatutoryClock.amendedPlanDue(notice));
    String key = execution.getProcessBusinessKey();
    if (key == null || key.isBlank()) {
      execution.setProcessBusinessKey(CaseKeys.amendPlan(childId, notice));
    }
  }

  /**
   * Reg 22(2): the parent's comments on the proposed amendments, a meeting, a setting asked for.
   */
  public void recordResponse(VariableScope task) {
    CaseData data = CaseData.of(task);
    data.optionalString(PARENT_AMENDMENT_COMMENTS, 20_000);
    data.optionalBoolean(MEETING_REQUESTED);
    data.optionalString(REQUESTED_SETTING, 200);
    data.check("parent's response to the amendments");
  }

  /**
   * After the representations, within 8 weeks of the notice: either the final amended plan (reg
   * 22(3)), stored as the child's next amended version in the same transaction as the completion,
   * naming the setting; or the decision not to amend, with reasons (reg 22(4)). Either letter is
   * dated on or after the notice and not in the future.
   */
  public void decide(DelegateTask task) {
    CaseData data = CaseData.of(task);
    AmendmentDecision decision;
    if (inAnEarlierAnnualReview(task)) {
      // A review of version 1.3.0 or before, still amending inline: its form has no decision and
      // its model only sends the amended plan.
      decision = data.optionalCode(AMENDMENT_DECISION);
      if (decision == AmendmentDecision.NOT_AMEND) {
        data.problem(
            AMENDMENT_DECISION,
            "cannot be not-amend in a review started before amending was its own pathway");
      }
      decision = AmendmentDecision.AMEND;
    } else {
      decision = data.requiredCode(AMENDMENT_DECISION);
    }
    LocalDate notice = data.optionalDate(AMENDMENT_NOTICE_DATE);
    if (decision == AmendmentDecision.NOT_AMEND) {
      data.requiredString(NOT_AMENDING_REASON, 10_000);
      LocalDate sent =
          data.notInTheFuture(
              NOT_AMENDING_NOTICE_DATE, data.requiredDate(NOT_AMENDING_NOTICE_DATE));
      notBefore(data, NOT_AMENDING_NOTICE_DATE, sent, notice);
      data.check("decision not to amend the plan");
      CaseData.setIfChanged(task, NOT_AMENDING_NOTICE_DATE, sent);
      return;
    }
    LocalDate issued =
        data.notInTheFuture(
            FINAL_AMENDED_PLAN_ISSUED_DATE, data.requiredDate(FINAL_AMENDED_PLAN_ISSUED_DATE));
    notBefore(data, FINAL_AMENDED_PLAN_ISSUED_DATE, issued, notice);
    String setting = data.requiredString(NAMED_SETTING, 200);
    String email = data.optionalEmail(NAMED_SETTING_EMAIL);
    data.check("final amended plan");
    CaseData.setIfChanged(task, FINAL_AMENDED_PLAN_ISSUED_DATE, issued);
    CaseData.setIfChanged(task, NAMED_SETTING_EMAIL, email);
    plans.issueAmendment(
        new PlanAmendment(
            CHILD_ID.get(task),
            CHILD_NAME.get(task),
            DATE_OF_BIRTH.get(task),
            NHS_NUMBER.get(task),
            issued,
            setting,
            PROPOSED_AMENDMENTS.get(task)),
        task);
  }

  /** Whether the task is the inline amended-plan step of an annual review deployed before 1.4.0. */
  private static boolean inAnEarlierAnnualReview(DelegateTask task) {
    String definition = task.getProcessDefinitionId();
    return definition != null && definition.startsWith(Pathways.ANNUAL_REVIEW + ":");
  }

  private static void notBefore(
      CaseData data, Variable<LocalDate> field, LocalDate date, LocalDate notice) {
    if (date != null && notice != null && date.isBefore(notice)) {
      data.problem(field, "cannot be before the amendment notice (" + notice + ")");
    }
  }
}
