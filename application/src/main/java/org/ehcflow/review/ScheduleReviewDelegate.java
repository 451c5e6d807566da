package org.ehcflow.review;

import static org.ehcflow.review.AnnualReviewProcess.Start.*;
import static org.ehcflow.review.AnnualReviewProcess.Vars.*;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcflow.notification.Mailboxes;
import org.ehcflow.security.EhcGroups;
import org.ehcflow.statutory.SchoolYears;
import org.ehcflow.statutory.StatutoryDates;
import org.springframework.stereotype.Component;

/**
 * Fixes the review's due date, once; who hosts it (the child's setting, or the council for a
 * child not in a setting, reg 21); whether it covers preparing for adulthood (Year 9 on, reg
 * 20(6)); and who is invited (reg 20(2)).
 */
@Component("scheduleReviewDelegate")
public class ScheduleReviewDelegate implements JavaDelegate {

  private static final int PREPARING_FOR_ADULTHOOD_FROM_YEAR = 9;

  private final ReviewSchedule schedule;
  private final Mailboxes mailboxes;

  public ScheduleReviewDelegate(ReviewSchedule schedule, Mailboxes mailboxes) {
    this.schedule = schedule;
    this.mailboxes = mailboxes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate dateOfBirth = date(execution, DATE_OF_BIRTH);
    LocalDate due = schedule.reviewDue(date(execution, PLAN_ISSUED_DATE), date(execution, LAST_REVIEW_DECISION_DATE),
        dateOfBirth);
    execution.setVariable(REVIEW_DUE, due.toString());
    execution.setVariable(PREPARATION_OPENS, schedule.preparationOpens(due).toString());
    execution.setVariable(AGE_IN_YEARS, Period.between(dateOfBirth, due).getYears());
    int yearGroup = SchoolYears.yearGroupIn(SchoolYears.academicYearOf(due), dateOfBirth);
    execution.setVariable(PREPARING_FOR_ADULTHOOD, yearGroup >= PREPARING_FOR_ADULTHOOD_FROM_YEAR);
    boolean inSetting = execution.getVariable(NAMED_SETTING) != null && !execution.getVariable(NAMED_SETTING).toString().isBlank();
    execution.setVariable(REVIEW_HOST_GROUP, inSetting ? EhcGroups.EDUCATION_SETTING.id() : EhcGroups.LA_CASEWORKER.id());
    List<String> invitees = new ArrayList<>(new LinkedHashSet<>(List.of(
        execution.getVariable(PARENT_EMAIL).toString(),
        mailboxes.of(EhcGroups.EDUCATION_SETTING.id()),
        mailboxes.of(EhcGroups.LA_CASEWORKER.id()),
        mailboxes.of(EhcGroups.HEALTH.id()),
        mailboxes.of(EhcGroups.SOCIAL_CARE.id()))));
    execution.setVariable(REVIEW_INVITEES, invitees);
  }

  private static LocalDate date(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : StatutoryDates.parse(value.toString());
  }
}
