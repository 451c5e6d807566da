package org.ehcflow.assessment;

import static org.ehcflow.vocabulary.AssessmentVariables.*;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.ehcflow.documents.PlanContent;
import org.ehcflow.documents.PlanDocuments;
import org.ehcflow.documents.PlanSection;
import org.ehcflow.notification.Mailboxes;
import org.ehcflow.platform.CaseData;
import org.ehcflow.platform.EngineClock;
import org.ehcflow.statutory.Deadlines;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.vocabulary.AssessmentOutcome;
import org.ehcflow.vocabulary.DocumentKind;
import org.ehcflow.vocabulary.EarlierNotificationFinder;
import org.ehcflow.vocabulary.EarlierNotificationFinder.EarlierNotification;
import org.ehcflow.vocabulary.EhcGroups;
import org.ehcflow.vocabulary.Variable;
import org.springframework.stereotype.Service;

/** The rules of the assessment pathway that are not statutory dates: those are the clock's. */
@Service
public class AssessmentService {

  private final Deadlines deadlines;
  private final Mailboxes mailboxes;
  private final EarlierNotificationFinder earlierNotifications;
  private final AdviceService advice;
  private final PlanDocuments plans;

  public AssessmentService(
      Deadlines deadlines,
      Mailboxes mailboxes,
      EarlierNotificationFinder earlierNotifications,
      AdviceService advice,
      PlanDocuments plans) {
    this.deadlines = deadlines;
    this.mailboxes = mailboxes;
    this.earlierNotifications = earlierNotifications;
    this.advice = advice;
    this.plans = plans;
  }

  /**
   * Everything fixed when a request is registered: the statutory dates never move after this.
   *
   * @param section23Summary the child's earlier Section 23 notifications and their triage, one a
   *     line, or null when health told us nothing before
   * @param section23NotificationId the first of them, or null
   */
  public record Registration(
      LocalDate decisionToAssessDue,
      LocalDate noPlanNoticeDue,
      LocalDate finalPlanDue,
      LocalDate draftPlanTarget,
      int ageInYears,
      List<String> regulation4Recipients,
      String section23Summary,
      String section23NotificationId) {}

  /**
   * Registers a request: its dates, the reg 4(2) recipients and what health may have told us about
   * this child already, so the caseworker and panel see it and nobody has to retell the story.
   */
  public Registration register(
      LocalDate requestReceived,
      LocalDate dateOfBirth,
      String settingEmail,
      String nhsNumber,
      String childName) {
    List<EarlierNotification> earlier =
        earlierNotifications.earlierNotifications(nhsNumber, childName, dateOfBirth);
    return new Registration(
        StatutoryClock.decisionToAssessDue(requestReceived),
        StatutoryClock.noPlanNoticeDue(requestReceived),
        StatutoryClock.finalPlanDue(requestReceived),
        deadlines.draftPlanTarget(requestReceived),
        Period.between(dateOfBirth, requestReceived).getYears(),
        regulation4Recipients(settingEmail),
        earlier.isEmpty()
            ? null
            : earlier.stream().map(EarlierNotification::summary).collect(Collectors.joining("\n")),
        earlier.isEmpty() ? null : earlier.get(0).notificationId());
  }

  /**
   * Registers a re-assessment the council has decided on: the request and decision steps are behind
   * it, so there is no 6-week date; the limits run from the decision to re-assess, and the draft
   * target keeps its local distance before the final plan.
   */
  public Registration registerReassessment(
      LocalDate decisionToReassess,
      LocalDate dateOfBirth,
      String settingEmail,
      String nhsNumber,
      String childName) {
    Registration first =
        register(decisionToReassess, dateOfBirth, settingEmail, nhsNumber, childName);
    LocalDate finalPlanDue = StatutoryClock.reassessmentFinalPlanDue(decisionToReassess);
    return new Registration(
        null,
        StatutoryClock.reassessmentNotAmendingDue(decisionToReassess),
        finalPlanDue,
        deadlines.draftPlanTarget(
            StatutoryClock.weeksAfter(finalPlanDue, -StatutoryClock.FINAL_PLAN_WEEKS)),
        first.ageInYears(),
        first.regulation4Recipients(),
        first.section23Summary(),
        first.section23NotificationId());
  }

  /**
   * The variables registering a request sets, as the engine keeps them, without looking for earlier
   * notifications (for seeding cases directly).
   */
  public Map<String, Object> registration(
      LocalDate requestReceived, LocalDate dateOfBirth, String settingEmail) {
    Map<String, Object> facts = new LinkedHashMap<>();
    DECISION_TO_ASSESS_DUE.put(facts, StatutoryClock.decisionToAssessDue(requestReceived));
    NO_PLAN_NOTICE_DUE.put(facts, StatutoryClock.noPlanNoticeDue(requestReceived));
    FINAL_PLAN_DUE.put(facts, StatutoryClock.finalPlanDue(requestReceived));
    DRAFT_PLAN_TARGET.put(facts, deadlines.draftPlanTarget(requestReceived));
    AGE_IN_YEARS.put(facts, Period.between(dateOfBirth, requestReceived).getYears());
    EXCEPTIONS_APPLY.put(facts, false);
    REGULATION_4_RECIPIENTS.put(facts, regulation4Recipients(settingEmail));
    return facts;
  }

  /**
   * Reg 4(2): the health commissioner, the council's social care officers and the child's setting.
   */
  private List<String> regulation4Recipients(String settingEmail) {
    return new ArrayList<>(
        new LinkedHashSet<>(
            List.of(
                mailboxes.of(EhcGroups.HEALTH.id()),
                mailboxes.of(EhcGroups.SOCIAL_CARE.id()),
                mailboxes.orGroup(settingEmail, EhcGroups.EDUCATION_SETTING.id()))));
  }

  /** A consultation with the preferred setting, sent today. */
  public record Consultation(
      LocalDate sent, LocalDate responseDue, LocalDate decideWithoutReplyFrom) {}

  /**
   * CoP 9.83: the setting should reply within 15 days; the council decides even without a reply.
   */
  public Consultation openConsultation() {
    LocalDate sent = EngineClock.today();
    LocalDate due = deadlines.consultationResponseDue(sent);
    return new Consultation(sent, due, deadlines.decideWithoutConsultationReplyFrom(due));
  }

  /**
   * Checks the service of the draft plan as the caseworker records it, keeps the date as checked,
   * stores the draft plan served as the case's next draft version (in the same transaction as the
   * completion), and returns the end of the parent's window for comments: reg 13(1), at least 15
   * days beginning with the day of service.
   */
  public LocalDate serveDraftPlan(DelegateTask task) {
    CaseData data = CaseData.of(task);
    LocalDate served = data.notInTheFuture(DRAFT_SERVED_DATE, data.requiredDate(DRAFT_SERVED_DATE));
    LocalDate decided = data.optionalDate(REQUEST_OUTCOME_DATE);
    if (served != null && decided != null && served.isBefore(decided)) {
      data.problem(DRAFT_SERVED_DATE, "cannot be before the decision to assess (" + decided + ")");
    }
    data.check("service of the draft plan");
    CaseData.setIfChanged(task, DRAFT_SERVED_DATE, served);
    plans.issue(DocumentKind.DRAFT_PLAN, planContent(task, served, null), task);
    return StatutoryClock.commentWindowEnds(served);
  }

  /**
   * Reg 13(2)-(3): checks the final plan as the caseworker issues it, naming the setting, records
   * it as the SEN2 outcome "plan issued" and stores the final plan as the case's next final version
   * (in the same transaction as the completion).
   */
  public void issueFinalPlan(DelegateTask task) {
    CaseData data = CaseData.of(task);
    LocalDate issued =
        data.notInTheFuture(FINAL_PLAN_ISSUED_DATE, data.requiredDate(FINAL_PLAN_ISSUED_DATE));
    LocalDate served = data.optionalDate(DRAFT_SERVED_DATE);
    if (issued != null && served != null && issued.isBefore(served)) {
      data.problem(
          FINAL_PLAN_ISSUED_DATE, "cannot be before the draft was served (" + served + ")");
    }
    String setting = data.requiredString(NAMED_SETTING, 200);
    data.optionalEmail(NAMED_SETTING_EMAIL);
    data.check("final plan");
    CaseData.setIfChanged(task, FINAL_PLAN_ISSUED_DATE, issued);
    ASSESSMENT_OUTCOME.set(task, AssessmentOutcome.PLAN_ISSUED);
    ASSESSMENT_OUTCOME_DATE.set(task, issued);
    plans.issue(DocumentKind.FINAL_PLAN, planContent(task, issued, setting), task);
  }

  private static final Map<PlanSection, Variable<String>> SECTIONS =
      Map.ofEntries(
          Map.entry(PlanSection.A, SECTION_A),
          Map.entry(PlanSection.B, SECTION_B),
          Map.entry(PlanSection.C, SECTION_C),
          Map.entry(PlanSection.D, SECTION_D),
          Map.entry(PlanSection.E, SECTION_E),
          Map.entry(PlanSection.F, SECTION_F),
          Map.entry(PlanSection.G, SECTION_G),
          Map.entry(PlanSection.H1, SECTION_H1),
          Map.entry(PlanSection.H2, SECTION_H2),
          Map.entry(PlanSection.I, SECTION_I),
          Map.entry(PlanSection.J, SECTION_J),
          Map.entry(PlanSection.K, SECTION_K));

  /** The plan as the case holds it: the child, the sections of the draft, the advice received. */
  private PlanContent planContent(DelegateTask task, LocalDate dated, String namedSetting) {
    Map<PlanSection, String> sections = new LinkedHashMap<>();
    SECTIONS.forEach((section, variable) -> sections.put(section, variable.get(task)));
    return new PlanContent(
        CHILD_ID.get(task),
        CHILD_NAME.get(task),
        DATE_OF_BIRTH.get(task),
        NHS_NUMBER.get(task),
        dated,
        sections,
        namedSetting,
        null,
        advice.adviceForPlan(ADVICE_RECEIVED.get(task)));
  }
}
