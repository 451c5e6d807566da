package org.ehcflow.review;

import static org.ehcflow.review.AnnualReviewProcess.Vars.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.ehcflow.statutory.StatutoryClock;
import org.springframework.stereotype.Component;

/**
 * Reg 20: invitations go out at least 2 weeks before the meeting, so the meeting cannot be
 * sooner; the report is due 2 weeks and the council's decision 4 weeks after it.
 */
@Component("arrangeReviewMeetingListener")
public class ArrangeReviewMeetingListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    LocalDate meeting = data.requiredDate(REVIEW_MEETING_DATE);
    if (meeting != null && StatutoryClock.reviewNoticeBy(meeting).isBefore(data.today())) {
      data.problem(REVIEW_MEETING_DATE, "must be at least 2 weeks from today, so invitations give 2 weeks' notice (reg 20(3))");
    } else if (meeting != null && meeting.isAfter(data.today().plusYears(1))) {
      data.problem(REVIEW_MEETING_DATE, "must be within a year");
    }
    data.check("review meeting");
    CaseData.setIfChanged(task, REVIEW_MEETING_DATE, meeting.toString());
    task.setVariable(ADVICE_CIRCULATION_DUE, StatutoryClock.reviewNoticeBy(meeting).toString());
    task.setVariable(REVIEW_REPORT_DUE, StatutoryClock.reviewReportDue(meeting).toString());
    task.setVariable(REVIEW_DECISION_DUE, StatutoryClock.reviewDecisionDue(meeting).toString());
  }
}
