package org.ehcflow.review;

import static org.ehcflow.vocabulary.AnnualReviewVariables.*;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.ehcflow.notification.Mailboxes;
import org.ehcflow.platform.CaseData;
import org.ehcflow.statutory.SchoolYears;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.vocabulary.EhcGroups;
import org.ehcflow.vocabulary.ReviewDecision;
import org.springframework.stereotype.Component;

/**
 * The annual review's rules: when a review falls due and who takes part, the timetable each
 * recorded step fixes, and when a plan reaches the age limit. The review's delegates and task
 * listeners read the case, call one of these and write what it returns.
 */
@Component
public class AnnualReviewService {

  private static final int PREPARING_FOR_ADULTHOOD_FROM_YEAR = 9;

  private final ReviewSchedule schedule;
  private final Mailboxes mailboxes;

  public AnnualReviewService(ReviewSchedule schedule, Mailboxes mailboxes) {
    this.schedule = schedule;
    this.mailboxes = mailboxes;
  }

  /**
   * A review's schedule: its due date, fixed once; when its preparation opens; whether it covers
   * preparing for adulthood (Year 9 on, reg 20(6)); who hosts it (reg 21); who is invited (reg
   * 20(2)).
   */
  public record ReviewPlan(
      LocalDate due,
      LocalDate preparationOpens,
      int ageInYears,
      boolean preparingForAdulthood,
      String hostGroup,
      List<String> invitees) {}

  /** Whether a kept plan runs to its next review, or ends first at the age limit (s.46). */
  public record PlanAgeLimit(LocalDate planLastDay, boolean runsToNextReview) {}

  /**
   * @param dueBy the review's due date when the start gave one, or null
   */
  public ReviewPlan scheduleReview(
      LocalDate dateOfBirth,
      LocalDate planIssued,
      LocalDate lastReviewDecision,
      String namedSetting,
      String parentEmail,
      LocalDate dueBy) {
    // A due date given at start (a plan transferred in, reg 15(5)) is the statute's own, in place
    // of the 12 months and the under-5 interval.
    LocalDate due =
        dueBy != null ? dueBy : schedule.reviewDue(planIssued, lastReviewDecision, dateOfBirth);
    int yearGroup = SchoolYears.yearGroupIn(SchoolYears.academicYearOf(due), dateOfBirth);
    boolean inSetting = namedSetting != null && !namedSetting.isBlank();
    List<String> invitees =
        new ArrayList<>(
            new LinkedHashSet<>(
                List.of(
                    parentEmail,
                    mailboxes.of(EhcGroups.EDUCATION_SETTING.id()),
                    mailboxes.of(EhcGroups.LA_CASEWORKER.id()),
                    mailboxes.of(EhcGroups.HEALTH.id()),
                    mailboxes.of(EhcGroups.SOCIAL_CARE.id()))));
    return new ReviewPlan(
        due,
        schedule.preparationOpens(due),
        Period.between(dateOfBirth, due).getYears(),
        yearGroup >= PREPARING_FOR_ADULTHOOD_FROM_YEAR,
        inSetting ? EhcGroups.EDUCATION_SETTING.id() : EhcGroups.LA_CASEWORKER.id(),
        invitees);
  }

  /**
   * A plan may not be maintained past the end of the academic year in which the young person turns
   * 25 (s.46): the next review, due within 12 months of the decision letter, is held only if it
   * falls due by then.
   */
  public PlanAgeLimit planAgeLimit(LocalDate dateOfBirth, LocalDate decisionLetter) {
    return planAgeLimitForReviewDue(
        dateOfBirth, schedule.reviewDue(null, decisionLetter, dateOfBirth));
  }

  /**
   * The same for a review already due on a known day: a cycle started from an issued or imported
   * plan whose young person reaches the age limit before that review is due holds no review.
   */
  public PlanAgeLimit planAgeLimitForReviewDue(LocalDate dateOfBirth, LocalDate reviewDue) {
    LocalDate lastDay = schedule.planLastDay(dateOfBirth);
    return new PlanAgeLimit(lastDay, !reviewDue.isAfter(lastDay));
  }

  /**
   * The date the next review runs from: this review's decision letter or, after a phase transfer,
   * its amendment notice; never the amended plan.
   */
  public static LocalDate decisionLetter(VariableScope scope) {
    LocalDate decisionLetter = REVIEW_DECISION_DATE.get(scope);
    return decisionLetter != null ? decisionLetter : AMENDMENT_NOTICE_DATE.require(scope);
  }

  /**
   * Reg 20: invitations go out at least 2 weeks before the meeting, so the meeting cannot be
   * sooner; the report is due 2 weeks and the council's decision 4 weeks after it.
   */
  public void arrangeMeeting(VariableScope task) {
    CaseData data = CaseData.of(task);
    LocalDate meeting = data.requiredDate(REVIEW_MEETING_DATE);
    if (meeting != null && StatutoryClock.reviewNoticeBy(meeting).isBefore(data.today())) {
      data.problem(
          REVIEW_MEETING_DATE,
          "must be at least 2 weeks from today, so invitations give 2 weeks' notice (reg 20(3))");
    } else if (meeting != null && meeting.isAfter(data.today().plusYears(1))) {
      data.problem(REVIEW_MEETING_DATE, "must be within a year");
    }
    data.check("review meeting");
    CaseData.setIfChanged(task, REVIEW_MEETING_DATE, meeting);
    ADVICE_CIRCULATION_DUE.set(task, StatutoryClock.reviewNoticeBy(meeting));
    REVIEW_REPORT_DUE.set(task, StatutoryClock.reviewReportDue(meeting));
    REVIEW_DECISION_DUE.set(task, StatutoryClock.reviewDecisionDue(meeting));
  }

  /**
   * Reg 20(10) and Devon (2022): the decision letter goes within 4 weeks of the meeting and, when
   * amending, is itself the amendment notice with the proposed amendments; the parent then has 15
   * days to comment and the final amended plan is due within 8 weeks of the notice. The amending
   * itself is the pathway {@code ehc-amend-plan}, which the review calls with the notice date.
   */
  public void decideOutcome(VariableScope task) {
    CaseData data = CaseData.of(task);
    ReviewDecision decision = data.requiredCode(REVIEW_DECISION);
    data.requiredString(REVIEW_DECISION_REASON, 10_000);
    LocalDate letter =
        data.notInTheFuture(REVIEW_DECISION_DATE, data.requiredDate(REVIEW_DECISION_DATE));
    LocalDate meeting = data.optionalDate(REVIEW_MEETING_DATE);
    if (letter != null && meeting != null && letter.isBefore(meeting)) {
      data.problem(REVIEW_DECISION_DATE, "cannot be before the review meeting (" + meeting + ")");
    }
    if (decision == ReviewDecision.AMEND) {
      data.requiredString(PROPOSED_AMENDMENTS, 20_000);
    }
    if (decision == ReviewDecision.CEASE) {
      data.requiredCode(CEASE_REASON);
    }
    data.check("review decision");
    CaseData.setIfChanged(task, REVIEW_DECISION_DATE, letter);
    if (decision == ReviewDecision.AMEND) {
      AMENDMENT_NOTICE_DATE.set(task, letter);
      AMENDMENT_COMMENT_WINDOW_ENDS.set(task, StatutoryClock.commentWindowEnds(letter));
      AMENDED_PLAN_DUE.set(task, StatutoryClock.amendedPlanDue(letter));
    }
  }
}
