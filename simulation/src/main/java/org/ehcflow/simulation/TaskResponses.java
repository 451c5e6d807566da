package org.ehcflow.simulation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.review.AnnualReviewProcess;
import org.ehcflow.statutory.StatutoryClock;

/**
 * What each person enters when they complete their task in a simulated year: the decisions the
 * case was drawn to reach, and the dates of the simulated day. A task this class does not know
 * (a step a process owner has added) is completed with no entries.
 */
final class TaskResponses {

  private final SimulationConfig.Demand demand;

  TaskResponses(SimulationConfig.Demand demand) {
    this.demand = demand;
  }

  /** The review decision a case reaches, the same however often it is asked. */
  String reviewDecision(Random random) {
    double pick = random.nextDouble();
    SimulationConfig.ReviewShares shares = demand.reviewOutcomes();
    if (pick < shares.maintain()) {
      return "maintain";
    }
    return pick < shares.maintain() + shares.amend() ? "amend" : "cease";
  }

  Map<String, Object> variables(String taskKey, Demand.Request request, LocalDate today, Random random,
      WorkingCalendar calendar) {
    Map<String, Object> entries = new HashMap<>();
    String date = today.toString();
    switch (taskKey) {
      case AssessmentProcess.Elements.PREPARE_CASE_FOR_PANEL -> {
        entries.put(AssessmentProcess.Recorded.GRADUATED_APPROACH_CYCLES, 2);
        entries.put(AssessmentProcess.Recorded.PROGRESS_DESPITE_SUPPORT, false);
        entries.put(AssessmentProcess.Recorded.NEEDS_ACROSS_EDUCATION_HEALTH_CARE, true);
      }
      case AssessmentProcess.Elements.DECIDE_WHETHER_TO_ASSESS -> {
        boolean refused = request != null && request.outcome() == Demand.Outcome.REFUSED;
        entries.put(AssessmentProcess.Vars.ASSESS_DECISION, refused ? "do-not-assess" : "assess");
        entries.put(AssessmentProcess.Vars.ASSESS_DECISION_REASON, "Simulated panel decision");
      }
      case AssessmentProcess.Elements.GIVE_ADVICE ->
          entries.put(AssessmentProcess.Vars.ADVICE_SUMMARY, "Simulated advice");
      case AssessmentProcess.Elements.CHASE_OVERDUE_ADVICE ->
          entries.put(AssessmentProcess.Recorded.CHASE_NOTE, "Chased");
      case AssessmentProcess.Elements.CONSIDER_ADVICE -> {
        boolean plan = request == null || request.outcome() == Demand.Outcome.PLAN;
        entries.put(AssessmentProcess.Recorded.PROVISION_BEYOND_SETTING, plan);
        entries.put(AssessmentProcess.Recorded.NEEDS_ACROSS_EDUCATION_HEALTH_CARE, plan);
        entries.put(AssessmentProcess.Recorded.PROGRESS_WITH_SEN_SUPPORT, !plan);
      }
      case AssessmentProcess.Elements.DECIDE_WHETHER_TO_ISSUE -> {
        boolean plan = request == null || request.outcome() == Demand.Outcome.PLAN;
        entries.put(AssessmentProcess.Vars.ISSUE_DECISION, plan ? "issue" : "do-not-issue");
        entries.put(AssessmentProcess.Vars.ISSUE_DECISION_REASON, "Simulated panel decision");
      }
      case AssessmentProcess.Elements.DRAFT_PLAN -> {
        for (String section : new String[] {AssessmentProcess.Recorded.SECTION_A, AssessmentProcess.Recorded.SECTION_B,
            AssessmentProcess.Recorded.SECTION_E, AssessmentProcess.Recorded.SECTION_F}) {
          entries.put(section, "Simulated section");
        }
      }
      case AssessmentProcess.Elements.SERVE_DRAFT_PLAN -> entries.put(AssessmentProcess.Vars.DRAFT_SERVED_DATE, date);
      case AssessmentProcess.Elements.RECORD_PARENT_RESPONSE -> {
        entries.put(AssessmentProcess.Recorded.PARENT_COMMENTS, "Simulated comments");
        if (request != null && request.namesSetting()) {
          entries.put(AssessmentProcess.Vars.PREFERRED_SETTING, "Preferred School");
          entries.put(AssessmentProcess.Vars.PREFERRED_SETTING_EMAIL, "admissions@preferred-school.example");
        }
      }
      case AssessmentProcess.Elements.RESPOND_TO_CONSULTATION -> entries.put(AssessmentProcess.Vars.CONSULTATION_RESPONSE,
          request != null && request.settingCannotMeetNeeds() ? "cannot-meet-needs" : "can-meet-needs");
      case AssessmentProcess.Elements.ISSUE_FINAL_PLAN -> {
        entries.put(AssessmentProcess.Vars.FINAL_PLAN_ISSUED_DATE, date);
        entries.put(AssessmentProcess.Vars.NAMED_SETTING, "Named School");
      }
      case AssessmentProcess.Elements.ESCALATE_LATE_DECISION_TO_ASSESS, AssessmentProcess.Elements.ESCALATE_LATE_NO_PLAN_DECISION,
          "userTask_escalateLateTransfer", "userTask_escalateLateTriage" ->
          entries.put(AssessmentProcess.Recorded.ESCALATION_NOTE, "Escalated");
      case AnnualReviewProcess.Elements.ARRANGE_MEETING -> {
        LocalDate meeting = calendar.onOrAfter(today.plusDays(Math.max(7L * StatutoryClock.REVIEW_NOTICE_WEEKS, demand.reviewMeetingLeadDays())));
        entries.put(AnnualReviewProcess.Vars.REVIEW_MEETING_DATE, meeting.toString());
      }
      case AnnualReviewProcess.Elements.CIRCULATE_ADVICE ->
          entries.put(AnnualReviewProcess.Recorded.ADVICE_CIRCULATED_DATE, date);
      case AnnualReviewProcess.Elements.SUBMIT_REPORT -> {
        entries.put(AnnualReviewProcess.Recorded.REVIEW_REPORT, "Simulated review report");
        entries.put(AnnualReviewProcess.Recorded.NEEDS_CHANGED, false);
        entries.put(AnnualReviewProcess.Recorded.OUTCOMES_STILL_APPROPRIATE, true);
        entries.put(AnnualReviewProcess.Recorded.STILL_NEEDS_PLAN, true);
      }
      case AnnualReviewProcess.Elements.DECIDE_OUTCOME -> {
        String decision = reviewDecision(random);
        entries.put(AnnualReviewProcess.Vars.REVIEW_DECISION, decision);
        entries.put(AnnualReviewProcess.Recorded.REVIEW_DECISION_REASON, "Simulated review decision");
        entries.put(AnnualReviewProcess.Vars.REVIEW_DECISION_DATE, date);
        if (decision.equals("amend")) {
          entries.put(AnnualReviewProcess.Recorded.PROPOSED_AMENDMENTS, "Simulated amendments");
        } else if (decision.equals("cease")) {
          entries.put(AnnualReviewProcess.Vars.CEASE_REASON, "1");
        }
      }
      case AnnualReviewProcess.Elements.RECORD_AMENDMENT_RESPONSE ->
          entries.put(AnnualReviewProcess.Recorded.PARENT_AMENDMENT_COMMENTS, "Simulated comments");
      case AnnualReviewProcess.Elements.ISSUE_AMENDED_PLAN, "userTask_issueTransferPlan" -> {
        entries.put(AnnualReviewProcess.Vars.FINAL_AMENDED_PLAN_ISSUED_DATE, date);
        entries.put(AnnualReviewProcess.Start.NAMED_SETTING, "Named School");
      }
      case AnnualReviewProcess.Elements.CONFIRM_CEASE -> {
        entries.put(AnnualReviewProcess.Recorded.CEASE_CONSULTATION_SUMMARY, "Simulated consultation");
        entries.put(AnnualReviewProcess.Vars.CEASE_CONFIRMED, "cease");
        entries.put(AnnualReviewProcess.Vars.CEASE_DECISION_DATE, date);
      }
      case AnnualReviewProcess.Elements.RECORD_APPEAL_OUTCOME -> {
        entries.put(AnnualReviewProcess.Vars.APPEAL_OUTCOME, "cease-upheld");
        entries.put(AnnualReviewProcess.Vars.APPEAL_OUTCOME_DATE, date);
      }
      case "userTask_holdTransferReview" -> {
        entries.put(AnnualReviewProcess.Vars.REVIEW_MEETING_DATE, date);
        entries.put(AnnualReviewProcess.Recorded.REVIEW_REPORT, "Simulated transfer review");
      }
      case "userTask_sendTransferAmendmentNotice" -> {
        entries.put(AnnualReviewProcess.Vars.AMENDMENT_NOTICE_DATE, date);
        entries.put("proposedSetting", "Next Phase School");
        entries.put(AnnualReviewProcess.Recorded.PROPOSED_AMENDMENTS, "Simulated amendments for the move");
      }
      case "userTask_triageNotification" -> {
        entries.put("triageOutcome", "information-only");
        entries.put("triageReason", "Simulated triage");
      }
      default -> {
        // A task added by a redesign: completed with no entries, after its configured time.
      }
    }
    return entries;
  }
}
