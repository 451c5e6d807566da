package org.ehcflow.simulation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.ehcflow.amendment.AmendPlanProcess;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.cease.CeasePlanProcess;
import org.ehcflow.review.AnnualReviewProcess;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.vocabulary.AmendPlanVariables;
import org.ehcflow.vocabulary.AmendmentDecision;
import org.ehcflow.vocabulary.AnnualReviewVariables;
import org.ehcflow.vocabulary.AppealOutcome;
import org.ehcflow.vocabulary.AssessDecision;
import org.ehcflow.vocabulary.AssessmentVariables;
import org.ehcflow.vocabulary.CeaseDecision;
import org.ehcflow.vocabulary.CeasePlanVariables;
import org.ehcflow.vocabulary.CeaseReason;
import org.ehcflow.vocabulary.ConsultationResponse;
import org.ehcflow.vocabulary.IssueDecision;
import org.ehcflow.vocabulary.PhaseTransferVariables;
import org.ehcflow.vocabulary.ReviewDecision;
import org.ehcflow.vocabulary.Section23Variables;
import org.ehcflow.vocabulary.TriageOutcome;

/**
 * What each person enters when they complete their task in a simulated year: the decisions the case
 * was drawn to reach, and the dates of the simulated day. A task this class does not know (a step a
 * process owner has added) is completed with no entries.
 */
final class TaskResponses {

  private final SimulationConfig.Demand demand;

  TaskResponses(SimulationConfig.Demand demand) {
    this.demand = demand;
  }

  /** The review decision a case reaches, the same however often it is asked. */
  ReviewDecision reviewDecision(Random random) {
    double pick = random.nextDouble();
    SimulationConfig.ReviewShares shares = demand.reviewOutcomes();
    if (pick < shares.maintain()) {
      return ReviewDecision.MAINTAIN;
    }
    return pick < shares.maintain() + shares.amend() ? ReviewDecision.AMEND : ReviewDecision.CEASE;
  }

  Map<String, Object> variables(
      String taskKey,
      Demand.Request request,
      LocalDate today,
      Random random,
      WorkingCalendar calendar) {
    Map<String, Object> entries = new HashMap<>();
    switch (taskKey) {
      case AssessmentProcess.Elements.PREPARE_CASE_FOR_PANEL -> {
        AssessmentVariables.GRADUATED_APPROACH_CYCLES.put(entries, 2);
        AssessmentVariables.PROGRESS_DESPITE_SUPPORT.put(entries, false);
        AssessmentVariables.NEEDS_ACROSS_EDUCATION_HEALTH_CARE.put(entries, true);
      }
      case AssessmentProcess.Elements.DECIDE_WHETHER_TO_ASSESS -> {
        boolean refused = request != null && request.outcome() == Demand.Outcome.REFUSED;
        AssessmentVariables.ASSESS_DECISION.put(
            entries, refused ? AssessDecision.DO_NOT_ASSESS : AssessDecision.ASSESS);
        AssessmentVariables.ASSESS_DECISION_REASON.put(entries, "Simulated panel decision");
      }
      case AssessmentProcess.Elements.GIVE_ADVICE ->
          AssessmentVariables.ADVICE_SUMMARY.put(entries, "Simulated advice");
      case AssessmentProcess.Elements.CHASE_OVERDUE_ADVICE ->
          AssessmentVariables.CHASE_NOTE.put(entries, "Chased");
      case AssessmentProcess.Elements.CONSIDER_ADVICE -> {
        boolean plan = request == null || request.outcome() == Demand.Outcome.PLAN;
        AssessmentVariables.PROVISION_BEYOND_SETTING.put(entries, plan);
        AssessmentVariables.NEEDS_ACROSS_EDUCATION_HEALTH_CARE.put(entries, plan);
        AssessmentVariables.PROGRESS_WITH_SEN_SUPPORT.put(entries, !plan);
      }
      case AssessmentProcess.Elements.DECIDE_WHETHER_TO_ISSUE -> {
        boolean plan = request == null || request.outcome() == Demand.Outcome.PLAN;
        AssessmentVariables.ISSUE_DECISION.put(
            entries, plan ? IssueDecision.ISSUE : IssueDecision.DO_NOT_ISSUE);
        AssessmentVariables.ISSUE_DECISION_REASON.put(entries, "Simulated panel decision");
      }
      case AssessmentProcess.Elements.DRAFT_PLAN -> {
        for (String section :
            new String[] {
              AssessmentVariables.SECTION_A.name(),
              AssessmentVariables.SECTION_B.name(),
              AssessmentVariables.SECTION_E.name(),
              AssessmentVariables.SECTION_F.name()
            }) {
          entries.put(section, "Simulated section");
        }
      }
      case AssessmentProcess.Elements.SERVE_DRAFT_PLAN ->
          AssessmentVariables.DRAFT_SERVED_DATE.put(entries, today);
      case AssessmentProcess.Elements.RECORD_PARENT_RESPONSE -> {
        AssessmentVariables.PARENT_COMMENTS.put(entries, "Simulated comments");
        if (request != null && request.namesSetting()) {
          AssessmentVariables.PREFERRED_SETTING.put(entries, "Preferred School");
          AssessmentVariables.PREFERRED_SETTING_EMAIL.put(
              entries, "admissions@preferred-school.example");
        }
      }
      case AssessmentProcess.Elements.RESPOND_TO_CONSULTATION ->
          AssessmentVariables.CONSULTATION_RESPONSE.put(
              entries,
              request != null && request.settingCannotMeetNeeds()
                  ? ConsultationResponse.CANNOT_MEET_NEEDS
                  : ConsultationResponse.CAN_MEET_NEEDS);
      case AssessmentProcess.Elements.ISSUE_FINAL_PLAN -> {
        AssessmentVariables.FINAL_PLAN_ISSUED_DATE.put(entries, today);
        AssessmentVariables.NAMED_SETTING.put(entries, "Named School");
      }
      case AssessmentProcess.Elements.ESCALATE_LATE_DECISION_TO_ASSESS,
          AssessmentProcess.Elements.ESCALATE_LATE_NO_PLAN_DECISION,
          "userTask_escalateLateTransfer",
          "userTask_escalateLateTriage" ->
          AssessmentVariables.ESCALATION_NOTE.put(entries, "Escalated");
      case AnnualReviewProcess.Elements.ARRANGE_MEETING -> {
        LocalDate meeting =
            calendar.onOrAfter(
                today.plusDays(
                    Math.max(
                        7L * StatutoryClock.REVIEW_NOTICE_WEEKS, demand.reviewMeetingLeadDays())));
        AnnualReviewVariables.REVIEW_MEETING_DATE.put(entries, meeting);
      }
      case AnnualReviewProcess.Elements.CIRCULATE_ADVICE ->
          AnnualReviewVariables.ADVICE_CIRCULATED_DATE.put(entries, today);
      case AnnualReviewProcess.Elements.SUBMIT_REPORT -> {
        AnnualReviewVariables.REVIEW_REPORT.put(entries, "Simulated review report");
        AnnualReviewVariables.NEEDS_CHANGED.put(entries, false);
        AnnualReviewVariables.OUTCOMES_STILL_APPROPRIATE.put(entries, true);
        AnnualReviewVariables.STILL_NEEDS_PLAN.put(entries, true);
      }
      case AnnualReviewProcess.Elements.DECIDE_OUTCOME -> {
        ReviewDecision decision = reviewDecision(random);
        AnnualReviewVariables.REVIEW_DECISION.put(entries, decision);
        AnnualReviewVariables.REVIEW_DECISION_REASON.put(entries, "Simulated review decision");
        AnnualReviewVariables.REVIEW_DECISION_DATE.put(entries, today);
        if (decision == ReviewDecision.AMEND) {
          AnnualReviewVariables.PROPOSED_AMENDMENTS.put(entries, "Simulated amendments");
        } else if (decision == ReviewDecision.CEASE) {
          AnnualReviewVariables.CEASE_REASON.put(entries, CeaseReason.MAXIMUM_AGE);
        }
      }
      case AmendPlanProcess.Elements.RECORD_AMENDMENT_RESPONSE ->
          AmendPlanVariables.PARENT_AMENDMENT_COMMENTS.put(entries, "Simulated comments");
      case AmendPlanProcess.Elements.ISSUE_AMENDED_PLAN -> {
        AmendPlanVariables.AMENDMENT_DECISION.put(entries, AmendmentDecision.AMEND);
        AmendPlanVariables.FINAL_AMENDED_PLAN_ISSUED_DATE.put(entries, today);
        AmendPlanVariables.NAMED_SETTING.put(entries, "Named School");
      }
      case "userTask_issueTransferPlan" -> {
        AnnualReviewVariables.FINAL_AMENDED_PLAN_ISSUED_DATE.put(entries, today);
        AnnualReviewVariables.NAMED_SETTING.put(entries, "Named School");
      }
      case CeasePlanProcess.Elements.CONFIRM_CEASE -> {
        CeasePlanVariables.CEASE_CONSULTATION_SUMMARY.put(entries, "Simulated consultation");
        CeasePlanVariables.CEASE_CONFIRMED.put(entries, CeaseDecision.CEASE);
        CeasePlanVariables.CEASE_DECISION_DATE.put(entries, today);
      }
      case CeasePlanProcess.Elements.RECORD_APPEAL_OUTCOME -> {
        CeasePlanVariables.APPEAL_OUTCOME.put(entries, AppealOutcome.CEASE_UPHELD);
        CeasePlanVariables.APPEAL_OUTCOME_DATE.put(entries, today);
      }
      case "userTask_holdTransferReview" -> {
        AnnualReviewVariables.REVIEW_MEETING_DATE.put(entries, today);
        AnnualReviewVariables.REVIEW_REPORT.put(entries, "Simulated transfer review");
      }
      case "userTask_sendTransferAmendmentNotice" -> {
        AnnualReviewVariables.AMENDMENT_NOTICE_DATE.put(entries, today);
        PhaseTransferVariables.PROPOSED_SETTING.put(entries, "Next Phase School");
        AnnualReviewVariables.PROPOSED_AMENDMENTS.put(entries, "Simulated amendments for the move");
      }
      case "userTask_triageNotification" -> {
        Section23Variables.TRIAGE_OUTCOME.put(entries, TriageOutcome.INFORMATION_ONLY);
        Section23Variables.TRIAGE_REASON.put(entries, "Simulated triage");
      }
      default -> {
        // A task added by a redesign: completed with no entries, after its configured time.
      }
    }
    return entries;
  }
}
