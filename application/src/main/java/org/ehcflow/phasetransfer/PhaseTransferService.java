package org.ehcflow.phasetransfer;

import static org.ehcflow.vocabulary.PhaseTransferVariables.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.ehcflow.documents.PlanAmendment;
import org.ehcflow.documents.PlanDocuments;
import org.ehcflow.platform.CaseData;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.statutory.TransferType;
import org.ehcflow.vocabulary.AnnualReviewVariables;
import org.ehcflow.vocabulary.ChildVariables;
import org.ehcflow.vocabulary.Code;
import org.ehcflow.vocabulary.EhcGroups;
import org.ehcflow.vocabulary.Pathways;
import org.ehcflow.vocabulary.SettingPhase;
import org.springframework.stereotype.Component;

/**
 * The phase-transfer review's rules (reg 18): its deadline and the milestones back-planned from it,
 * the annual review it replaces, and the checks and timetable of its amendment notice and final
 * amended plan. Its delegates and task listeners read the case, call one of these and write what it
 * returns.
 */
@Component
public class PhaseTransferService {

  private final RuntimeService runtime;
  private final PlanDocuments plans;

  public PhaseTransferService(RuntimeService runtime, PlanDocuments plans) {
    this.runtime = runtime;
    this.plans = plans;
  }

  /** The reg 18 deadline, the milestones that still meet it, and who hosts the review. */
  public record TransferPlan(
      LocalDate deadline, LocalDate meetingBy, LocalDate amendmentNoticeBy, String hostGroup) {}

  /**
   * @param transferType the transfer's code, as the case keeps it
   */
  public TransferPlan planTransfer(
      String transferType, LocalDate transferDate, String namedSetting) {
    LocalDate deadline =
        StatutoryClock.phaseTransferDeadline(TransferType.fromCode(transferType), transferDate);
    return new TransferPlan(
        deadline,
        StatutoryClock.transferMeetingBy(deadline),
        StatutoryClock.transferAmendmentNoticeBy(deadline),
        namedSetting == null || namedSetting.isBlank()
            ? EhcGroups.LA_CASEWORKER.id()
            : EhcGroups.EDUCATION_SETTING.id());
  }

  /**
   * The phase-transfer review is this year's review of the plan, so the child's waiting annual
   * review is replaced rather than held as well. Always the same child's review; given the review's
   * id (the cohort run gives it), it is found by that id instead of among every running review.
   *
   * @return how many annual reviews were replaced
   */
  public int supersedeAnnualReview(
      String childId, String transferBusinessKey, String annualReviewId) {
    MessageCorrelationBuilder supersede =
        runtime
            .createMessageCorrelation(Pathways.Messages.REVIEW_SUPERSEDED)
            .setVariable(
                AnnualReviewVariables.SUPERSEDED_BY.name(),
                AnnualReviewVariables.SUPERSEDED_BY.encode(transferBusinessKey));
    supersede.processInstanceVariableEquals(
        AnnualReviewVariables.CHILD_ID.name(), AnnualReviewVariables.CHILD_ID.encode(childId));
    if (annualReviewId != null) {
      supersede.processInstanceId(annualReviewId);
    }
    return supersede.correlateAllWithResult().size();
  }

  /**
   * Reg 22: the amendment notice names the proposed next setting; the parent has 15 days to
   * comment.
   */
  public void sendAmendmentNotice(VariableScope task) {
    CaseData data = CaseData.of(task);
    LocalDate notice =
        data.notInTheFuture(AMENDMENT_NOTICE_DATE, data.requiredDate(AMENDMENT_NOTICE_DATE));
    data.requiredString(PROPOSED_SETTING, 200);
    data.requiredString(PROPOSED_AMENDMENTS, 20_000);
    data.check("amendment notice");
    CaseData.setIfChanged(task, AMENDMENT_NOTICE_DATE, notice);
    AMENDMENT_COMMENT_WINDOW_ENDS.set(task, StatutoryClock.commentWindowEnds(notice));
  }

  /**
   * Reg 18: the final amended plan naming the next setting, by 15 February or 31 March. It is
   * checked and recorded as the annual review records any final amended plan (under the same
   * variable names); the child's setting is then of the next phase, which next year's cohort run
   * reads. The amended plan (the plan in force with the amendments and the next setting) goes into
   * the case file as the child's next amended version, in the same transaction as the completion.
   */
  public void issueTransferPlan(DelegateTask task) {
    CaseData data = CaseData.of(task);
    LocalDate issued =
        data.notInTheFuture(
            FINAL_AMENDED_PLAN_ISSUED_DATE, data.requiredDate(FINAL_AMENDED_PLAN_ISSUED_DATE));
    LocalDate notice = data.optionalDate(AMENDMENT_NOTICE_DATE);
    if (issued != null && notice != null && issued.isBefore(notice)) {
      data.problem(
          FINAL_AMENDED_PLAN_ISSUED_DATE, "cannot be before the amendment notice (" + notice + ")");
    }
    String setting = data.requiredString(NAMED_SETTING, 200);
    String email = data.optionalEmail(NAMED_SETTING_EMAIL);
    data.check("final amended plan");
    CaseData.setIfChanged(task, FINAL_AMENDED_PLAN_ISSUED_DATE, issued);
    CaseData.setIfChanged(task, NAMED_SETTING_EMAIL, email);
    SETTING_PHASE.set(
        task,
        Code.parse(
            SettingPhase.class, TransferType.fromCode(TRANSFER_TYPE.require(task)).nextPhase()));
    plans.issueAmendment(
        new PlanAmendment(
            CHILD_ID.get(task),
            CHILD_NAME.get(task),
            DATE_OF_BIRTH.get(task),
            ChildVariables.NHS_NUMBER.get(task),
            issued,
            setting,
            PROPOSED_AMENDMENTS.get(task)),
        task);
  }
}
