package org.ehcflow.cease;

import static org.ehcflow.vocabulary.CeasePlanVariables.*;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.ehcflow.platform.CaseData;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.vocabulary.AnnualReviewVariables;
import org.ehcflow.vocabulary.AppealOutcome;
import org.ehcflow.vocabulary.CaseKeys;
import org.ehcflow.vocabulary.CeaseDecision;
import org.ehcflow.vocabulary.CeaseEligibility;
import org.ehcflow.vocabulary.CeaseOutcome;
import org.ehcflow.vocabulary.Pathways;
import org.ehcflow.vocabulary.Variable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The rules of ceasing to maintain a plan: who may propose it and when (regs 29-30), the manager's
 * decision after consultation (reg 31), the appeal window it opens, and the day the plan actually
 * ends. The cease pathway's delegates and listeners read the case, call one of these and write what
 * it returns.
 */
@Component
public class CeasePlanService {

  /** The start variables of a proposal made between reviews, as the contract names them. */
  static final Set<String> START =
      Variable.names(
          CHILD_ID,
          CHILD_NAME,
          DATE_OF_BIRTH,
          NHS_NUMBER,
          PARENT_EMAIL,
          NAMED_SETTING,
          CEASE_REASON,
          CEASE_PROPOSED_DATE,
          IN_EDUCATION_OR_TRAINING,
          WISHES_TO_RETURN_TO_EDUCATION,
          IN_PAID_EMPLOYMENT,
          IN_HIGHER_EDUCATION,
          CEASE_PROPOSAL_REASON);

  /**
   * What an annual review passes in: the review already weighed the grounds, so the eligibility
   * facts are not asked for again; its reasons go into the letters and are shown to the manager.
   */
  static final Set<String> START_FROM_REVIEW =
      Variable.names(
          CHILD_ID,
          CHILD_NAME,
          DATE_OF_BIRTH,
          NHS_NUMBER,
          PARENT_EMAIL,
          NAMED_SETTING,
          CEASE_REASON,
          CEASE_PROPOSED_DATE,
          CEASE_PROPOSAL_REASON);

  private static final int ADULT_AGE = 18;

  private final MonthDay academicYearEnds;
  private final RuntimeService runtime;

  public CeasePlanService(
      @Value("${ehc.review.academic-year-ends}") String academicYearEnds,
      @Lazy RuntimeService runtime) {
    this.academicYearEnds = MonthDay.parse(academicYearEnds);
    this.runtime = runtime;
  }

  /**
   * Checks a start before anything is kept. Between reviews every fact the eligibility table reads
   * is required or defaults to false; a young person of 18 or over out of education must say
   * whether they wish to return (reg 30). Sets the age on the proposed date and whether the plan's
   * age limit (s.46) has passed.
   *
   * @param atReview whether an annual review calls this pathway
   */
  public void acceptStart(DelegateExecution execution, boolean atReview) {
    Map<String, Object> given = execution.getVariables();
    CaseData data = CaseData.of(given);
    data.noOtherVariablesThan(atReview ? START_FROM_REVIEW : START);
    String childId = data.requiredString(CHILD_ID, 64);
    data.requiredString(CHILD_NAME, 200);
    LocalDate dateOfBirth = data.notInTheFuture(DATE_OF_BIRTH, data.requiredDate(DATE_OF_BIRTH));
    // No one keeps a plan on or after their 26th birthday (s.46), so there is none to cease.
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
    data.requiredCode(CEASE_REASON);
    LocalDate proposed =
        data.notInTheFuture(CEASE_PROPOSED_DATE, data.requiredDate(CEASE_PROPOSED_DATE));
    if (proposed != null && dateOfBirth != null && proposed.isBefore(dateOfBirth)) {
      data.problem(CEASE_PROPOSED_DATE, "is before the date of birth (" + dateOfBirth + ")");
    }
    Integer age =
        proposed == null || dateOfBirth == null || proposed.isBefore(dateOfBirth)
            ? null
            : Period.between(dateOfBirth, proposed).getYears();
    data.optionalString(CEASE_PROPOSAL_REASON, 10_000);
    if (!atReview) {
      Boolean inEducation = data.optionalBoolean(IN_EDUCATION_OR_TRAINING);
      if (inEducation == null && !given.containsKey(IN_EDUCATION_OR_TRAINING.name())) {
        data.problem(IN_EDUCATION_OR_TRAINING, "is required (true or false)");
      }
      Boolean wishesToReturn = data.optionalBoolean(WISHES_TO_RETURN_TO_EDUCATION);
      if (Boolean.FALSE.equals(inEducation)
          && age != null
          && age >= ADULT_AGE
          && wishesToReturn == null) {
        data.problem(
            WISHES_TO_RETURN_TO_EDUCATION,
            "is required for a young person of 18 or over who has left education: the plan may"
                + " not cease until it is established that they do not wish to return (reg 30)");
      }
      data.optionalBoolean(IN_PAID_EMPLOYMENT);
      data.optionalBoolean(IN_HIGHER_EDUCATION);
    }
    data.check("start of ceasing a plan");
    data.applyTo(execution);
    if (!atReview) {
      for (Variable<Boolean> fact :
          List.of(
              IN_EDUCATION_OR_TRAINING,
              WISHES_TO_RETURN_TO_EDUCATION,
              IN_PAID_EMPLOYMENT,
              IN_HIGHER_EDUCATION)) {
        Boolean value = fact.get(execution);
        fact.set(execution, Boolean.TRUE.equals(value));
      }
    }
    PROPOSED_AT_REVIEW.set(execution, atReview);
    AGE_AT_PROPOSAL.set(execution, age);
    PAST_PLAN_AGE_LIMIT.set(
        execution, proposed.isAfter(StatutoryClock.planLastDay(dateOfBirth, academicYearEnds)));
    String key = execution.getProcessBusinessKey();
    if (key == null || key.isBlank()) {
      execution.setProcessBusinessKey(CaseKeys.ceasePlan(childId, proposed));
    }
  }

  /**
   * Only a proposal the council may consider goes on to consultation: otherwise the start is
   * refused, naming the field the table gives and its reason, and nothing is kept.
   */
  public void refuseUnlessMayConsider(VariableScope execution) {
    CeaseEligibility eligibility = CEASE_ELIGIBILITY.get(execution);
    if (eligibility == CeaseEligibility.MAY_CONSIDER) {
      if (CEASE_PROPOSAL_REASON.get(execution) == null) {
        CEASE_PROPOSAL_REASON.set(execution, CEASE_ELIGIBILITY_REASON.get(execution));
      }
      return;
    }
    CaseData data = CaseData.of(Map.of());
    String field = CEASE_ELIGIBILITY_FIELD.get(execution);
    String reason = CEASE_ELIGIBILITY_REASON.get(execution);
    data.problem(
        field == null ? CEASE_REASON.name() : field,
        (eligibility == null ? "no ground for ceasing applies" : eligibility.code())
            + (reason == null ? "" : ": " + reason));
    data.check("proposal to cease the plan");
  }

  /**
   * Reg 31: a decision to cease follows consultation with the parent or young person and the
   * setting; the plan stays in force until the appeal window has closed.
   */
  public void confirmCease(VariableScope task) {
    CaseData data = CaseData.of(task);
    data.requiredString(CEASE_CONSULTATION_SUMMARY, 10_000);
    CeaseDecision confirmed = data.requiredCode(CEASE_CONFIRMED);
    LocalDate decided = null;
    if (confirmed == CeaseDecision.CEASE) {
      decided = data.notInTheFuture(CEASE_DECISION_DATE, data.requiredDate(CEASE_DECISION_DATE));
    }
    data.check("decision whether to cease");
    if (decided != null) {
      CaseData.setIfChanged(task, CEASE_DECISION_DATE, decided);
      APPEAL_WINDOW_ENDS.set(task, StatutoryClock.appealWindowEnds(decided));
    } else if (confirmed == CeaseDecision.CONTINUE) {
      CEASE_OUTCOME.set(task, CeaseOutcome.KEPT);
    }
  }

  /**
   * A mediation certificate issued during a cease decision's appeal window: the window runs to the
   * later of 2 months from the decision and 1 month from the certificate (it never shortens). A
   * certificate dated before the decision or in the future is refused, naming the field, and the
   * message is not taken.
   */
  public void extendAppealWindow(DelegateExecution execution) {
    CaseData data = CaseData.of(execution);
    LocalDate certificate =
        data.notInTheFuture(
            MEDIATION_CERTIFICATE_DATE, data.requiredDate(MEDIATION_CERTIFICATE_DATE));
    LocalDate decided = CEASE_DECISION_DATE.require(execution);
    if (certificate != null && certificate.isBefore(decided)) {
      data.problem(
          MEDIATION_CERTIFICATE_DATE, "cannot be before the decision to cease (" + decided + ")");
    }
    data.check("mediation certificate");
    LocalDate extended = StatutoryClock.appealWindowEnds(decided, certificate);
    LocalDate current = APPEAL_WINDOW_ENDS.require(execution);
    APPEAL_WINDOW_ENDS.set(execution, extended.isAfter(current) ? extended : current);
  }

  /** The tribunal's outcome, as the manager records it; an appeal won keeps the plan. */
  public void recordAppealOutcome(VariableScope task) {
    CaseData data = CaseData.of(task);
    AppealOutcome outcome = data.requiredCode(APPEAL_OUTCOME);
    LocalDate decided =
        data.notInTheFuture(APPEAL_OUTCOME_DATE, data.requiredDate(APPEAL_OUTCOME_DATE));
    LocalDate decision = CEASE_DECISION_DATE.get(task);
    if (decided != null && decision != null && decided.isBefore(decision)) {
      data.problem(
          APPEAL_OUTCOME_DATE, "cannot be before the decision to cease (" + decision + ")");
    }
    data.optionalString(APPEAL_NOTE, 5_000);
    data.check("appeal outcome");
    // As checked, so the date the plan ceased is read from it as a date.
    CaseData.setIfChanged(task, APPEAL_OUTCOME_DATE, decided);
    if (outcome == AppealOutcome.PLAN_CONTINUES) {
      CEASE_OUTCOME.set(task, CeaseOutcome.KEPT);
    }
  }

  /**
   * SEN2 records the date the plan actually ended, not the decision date: the day after the appeal
   * window closed, or the date an appeal upheld the decision (reg 44: cease at once).
   */
  public void recordPlanCeased(VariableScope execution) {
    LocalDate appealOutcomeDate = APPEAL_OUTCOME_DATE.get(execution);
    PLAN_CEASED_DATE.set(
        execution,
        appealOutcomeDate != null
            ? appealOutcomeDate
            : APPEAL_WINDOW_ENDS.require(execution).plusDays(1));
    CEASE_OUTCOME.set(execution, CeaseOutcome.CEASED);
  }

  /**
   * A plan ceased between reviews has no review left to hold: the child's running annual review is
   * ended as the phase transfer ends one, and it records the day the plan ended and the SEN2 reason
   * so the SEN2 return, which reads the reviews, reports the plan as ceased.
   *
   * @return how many running reviews ended
   */
  public int endAnnualReview(DelegateExecution execution) {
    int ended =
        runtime
            .createMessageCorrelation(Pathways.Messages.REVIEW_SUPERSEDED)
            .processInstanceVariableEquals(
                CHILD_ID.name(), CHILD_ID.encode(CHILD_ID.get(execution)))
            .setVariable(
                AnnualReviewVariables.SUPERSEDED_BY.name(),
                AnnualReviewVariables.SUPERSEDED_BY.encode(execution.getProcessBusinessKey()))
            .setVariable(
                PLAN_CEASED_DATE.name(), PLAN_CEASED_DATE.encode(PLAN_CEASED_DATE.get(execution)))
            .setVariable(CEASE_REASON.name(), CEASE_REASON.encode(CEASE_REASON.get(execution)))
            .correlateAllWithResult()
            .size();
    REVIEWS_ENDED.set(execution, ended);
    return ended;
  }
}
