package org.ehcflow.reporting.sen2;

import static org.ehcflow.vocabulary.AnnualReviewVariables.CEASE_REASON;
import static org.ehcflow.vocabulary.AnnualReviewVariables.LAST_REVIEW_DECISION_DATE;
import static org.ehcflow.vocabulary.AnnualReviewVariables.PLAN_CEASED_DATE;
import static org.ehcflow.vocabulary.AnnualReviewVariables.PLAN_ISSUED_DATE;
import static org.ehcflow.vocabulary.AnnualReviewVariables.REVIEW_DECISION;
import static org.ehcflow.vocabulary.AnnualReviewVariables.REVIEW_DECISION_DATE;
import static org.ehcflow.vocabulary.AnnualReviewVariables.REVIEW_DECISION_DUE;
import static org.ehcflow.vocabulary.AnnualReviewVariables.REVIEW_DUE;
import static org.ehcflow.vocabulary.AnnualReviewVariables.REVIEW_MEETING_DATE;
import static org.ehcflow.vocabulary.AssessmentVariables.ANNUAL_REVIEW_BUSINESS_KEY;
import static org.ehcflow.vocabulary.AssessmentVariables.ASSESSMENT_OUTCOME;
import static org.ehcflow.vocabulary.AssessmentVariables.ASSESSMENT_OUTCOME_DATE;
import static org.ehcflow.vocabulary.AssessmentVariables.EXCEPTIONS_APPLY;
import static org.ehcflow.vocabulary.AssessmentVariables.EXCEPTION_RECORDED_DATE;
import static org.ehcflow.vocabulary.AssessmentVariables.FINAL_PLAN_DUE;
import static org.ehcflow.vocabulary.AssessmentVariables.FINAL_PLAN_ISSUED_DATE;
import static org.ehcflow.vocabulary.AssessmentVariables.ISSUE_DECISION;
import static org.ehcflow.vocabulary.AssessmentVariables.PRIMARY_NEED;
import static org.ehcflow.vocabulary.AssessmentVariables.REQUESTER;
import static org.ehcflow.vocabulary.AssessmentVariables.REQUEST_OUTCOME;
import static org.ehcflow.vocabulary.AssessmentVariables.REQUEST_OUTCOME_DATE;
import static org.ehcflow.vocabulary.AssessmentVariables.REQUEST_RECEIVED_DATE;
import static org.ehcflow.vocabulary.AssessmentVariables.WITHDRAWN_DATE;
import static org.ehcflow.vocabulary.ChildVariables.CHILD_ID;
import static org.ehcflow.vocabulary.ChildVariables.CHILD_NAME;
import static org.ehcflow.vocabulary.ChildVariables.DATE_OF_BIRTH;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ehcflow.statutory.StatutoryDates;
import org.ehcflow.vocabulary.AmendPlanVariables;
import org.ehcflow.vocabulary.AnnualReviewVariables;
import org.ehcflow.vocabulary.AssessmentOutcome;
import org.ehcflow.vocabulary.AssessmentVariables;
import org.ehcflow.vocabulary.CaseKeys;
import org.ehcflow.vocabulary.Code;
import org.ehcflow.vocabulary.CouncilTransferVariables;
import org.ehcflow.vocabulary.IssueDecision;
import org.ehcflow.vocabulary.Pathways;
import org.ehcflow.vocabulary.PhaseTransferVariables;
import org.ehcflow.vocabulary.RequestOutcome;
import org.ehcflow.vocabulary.Variable;
import org.springframework.stereotype.Service;

/**
 * The SEN2 return (the DfE's person-level census of EHC plans) built from the engine's history: see
 * docs/sen2.md for the period rule, every column and its source variable.
 *
 * <p>Outcomes are the first values recorded in history, never later ones: a request refused and
 * later reversed stays N, with the reversal flagged beside it.
 */
@Service
public class Sen2Export {

  static final Set<String> ASSESSMENT_VARIABLES =
      Variable.names(
          CHILD_ID,
          CHILD_NAME,
          DATE_OF_BIRTH,
          REQUEST_RECEIVED_DATE,
          REQUESTER,
          PRIMARY_NEED,
          REQUEST_OUTCOME,
          REQUEST_OUTCOME_DATE,
          ISSUE_DECISION,
          ASSESSMENT_OUTCOME,
          ASSESSMENT_OUTCOME_DATE,
          EXCEPTIONS_APPLY,
          EXCEPTION_RECORDED_DATE,
          FINAL_PLAN_DUE,
          FINAL_PLAN_ISSUED_DATE,
          AssessmentVariables.NAMED_SETTING,
          WITHDRAWN_DATE,
          ANNUAL_REVIEW_BUSINESS_KEY);
  static final Set<String> REVIEW_VARIABLES =
      Variable.names(
          CHILD_ID,
          CHILD_NAME,
          DATE_OF_BIRTH,
          PLAN_ISSUED_DATE,
          LAST_REVIEW_DECISION_DATE,
          AnnualReviewVariables.NAMED_SETTING,
          REVIEW_DUE,
          REVIEW_MEETING_DATE,
          REVIEW_DECISION,
          REVIEW_DECISION_DATE,
          REVIEW_DECISION_DUE,
          CEASE_REASON,
          PLAN_CEASED_DATE,
          AnnualReviewVariables.FINAL_AMENDED_PLAN_ISSUED_DATE);
  static final Set<String> TRANSFER_VARIABLES =
      Variable.names(
          CHILD_ID,
          CHILD_NAME,
          DATE_OF_BIRTH,
          PhaseTransferVariables.NAMED_SETTING,
          PhaseTransferVariables.FINAL_AMENDED_PLAN_ISSUED_DATE,
          PhaseTransferVariables.AMENDMENT_NOTICE_DATE);

  /** A plan ended outside a review: ceased between reviews, or transferred to another council. */
  static final Set<String> ENDING_VARIABLES =
      Variable.names(CHILD_ID, CHILD_NAME, DATE_OF_BIRTH, PLAN_CEASED_DATE, CEASE_REASON);

  /** A plan amended between reviews, which may name another setting. */
  static final Set<String> AMENDMENT_VARIABLES =
      Variable.names(
          CHILD_ID,
          AmendPlanVariables.FINAL_AMENDED_PLAN_ISSUED_DATE,
          AmendPlanVariables.NAMED_SETTING);

  /** A re-assessment's run of the assessment steps, which may issue the plan again. */
  static final Set<String> REASSESSED_PLAN_VARIABLES =
      Variable.names(
          CHILD_ID, ASSESSMENT_OUTCOME, FINAL_PLAN_ISSUED_DATE, AssessmentVariables.NAMED_SETTING);

  /** A plan transferred in from another council: this council's plan from the transfer date. */
  static final Set<String> TRANSFER_IN_VARIABLES =
      Variable.names(
          CHILD_ID,
          CouncilTransferVariables.TRANSFER_DATE,
          CouncilTransferVariables.ANNUAL_REVIEW_BUSINESS_KEY);

  /** SEN2's codes beyond the pathways' own outcomes: awaiting a decision, historic, withdrawn. */
  private static final String AWAITING = "A";

  private static final String HISTORIC = "H";
  private static final String WITHDRAWN = "W";

  private static final String YES = "1";
  private static final String NO = "0";

  private final Sen2HistoryReader reader;

  public Sen2Export(Sen2HistoryReader reader) {
    this.reader = reader;
  }

  public String csv(Sen2Module module, Sen2Period period) {
    return Sen2Csv.write(module, export(period).rows(module));
  }

  public String xml(Sen2Period period) {
    return Sen2Xml.write(export(period));
  }

  public Sen2Return export(Sen2Period period) {
    Map<String, List<CaseHistory>> assessments =
        byChild(reader.read(Pathways.NEEDS_ASSESSMENT, ASSESSMENT_VARIABLES));
    Map<String, List<CaseHistory>> reviews =
        byChild(reader.read(Pathways.ANNUAL_REVIEW, REVIEW_VARIABLES));
    Map<String, List<CaseHistory>> transfers =
        byChild(reader.read(Pathways.PHASE_TRANSFER, TRANSFER_VARIABLES));
    Map<String, List<CaseHistory>> endings =
        byChild(reader.read(Pathways.CEASE_PLAN, ENDING_VARIABLES));
    byChild(reader.read(Pathways.TRANSFER_OUT, ENDING_VARIABLES))
        .forEach(
            (child, cases) -> endings.computeIfAbsent(child, c -> new ArrayList<>()).addAll(cases));
    Map<String, List<CaseHistory>> amendments =
        byChild(reader.read(Pathways.AMEND_PLAN, AMENDMENT_VARIABLES));
    Map<String, List<CaseHistory>> reassessed =
        byChild(
            reader.read(
                Pathways.NEEDS_ASSESSMENT,
                Sen2HistoryReader.Started.CALLED,
                REASSESSED_PLAN_VARIABLES));
    Map<String, LocalDate> transferredIn = new HashMap<>();
    for (CaseHistory arrival : reader.read(Pathways.TRANSFER_IN, TRANSFER_IN_VARIABLES)) {
      String review = arrival.latest(CouncilTransferVariables.ANNUAL_REVIEW_BUSINESS_KEY);
      LocalDate transferred = arrival.first(CouncilTransferVariables.TRANSFER_DATE);
      if (review != null && transferred != null) {
        transferredIn.put(review, transferred);
      }
    }

    Set<String> children = new TreeSet<>();
    children.addAll(assessments.keySet());
    children.addAll(reviews.keySet());
    children.addAll(transfers.keySet());
    children.addAll(endings.keySet());

    Map<Sen2Module, List<Sorted>> rows = new EnumMap<>(Sen2Module.class);
    for (Sen2Module module : Sen2Module.values()) {
      rows.put(module, new ArrayList<>());
    }
    for (String child : children) {
      List<CaseHistory> childAssessments = assessments.getOrDefault(child, List.of());
      List<CaseHistory> childReviews = reviews.getOrDefault(child, List.of());
      List<CaseHistory> childTransfers = transfers.getOrDefault(child, List.of());
      List<CaseHistory> childEndings = endings.getOrDefault(child, List.of());
      List<Plan> plans =
          plans(child, childAssessments, childReviews, childTransfers, transferredIn);
      attachChanges(
          plans,
          childEndings,
          amendments.getOrDefault(child, List.of()),
          reassessed.getOrDefault(child, List.of()));
      boolean reported = requestsAndAssessments(period, child, childAssessments, rows);
      reported |= plansAndReviews(period, child, plans, rows);
      if (reported) {
        List<CaseHistory> cases = new ArrayList<>(childAssessments);
        cases.addAll(childReviews);
        cases.addAll(childTransfers);
        cases.addAll(childEndings);
        rows.get(Sen2Module.PERSON).add(person(child, cases));
      }
    }

    Map<Sen2Module, List<Map<String, String>>> modules = new EnumMap<>(Sen2Module.class);
    rows.forEach(
        (module, sorted) ->
            modules.put(module, sorted.stream().sorted().map(Sorted::row).toList()));
    return new Sen2Return(period, modules);
  }

  // --- Modules 2 and 3 ------------------------------------------------------------------------

  /** The child's requests with activity in the period, and the assessments that followed them. */
  private boolean requestsAndAssessments(
      Sen2Period period,
      String child,
      List<CaseHistory> cases,
      Map<Sen2Module, List<Sorted>> rows) {
    boolean reported = false;
    for (CaseHistory request : cases) {
      LocalDate received = request.first(REQUEST_RECEIVED_DATE);
      if (received == null || received.isAfter(period.periodEnd())) {
        continue;
      }
      RequestOutcome outcome = request.first(REQUEST_OUTCOME);
      LocalDate outcomeDate = request.first(REQUEST_OUTCOME_DATE);
      if (outcome != null && !period.byCensus(outcomeDate)) {
        outcome = null; // decided after the census date: awaiting decision as at the census
        outcomeDate = null;
      }
      AssessmentState assessment =
          outcome == RequestOutcome.ASSESSED ? assessment(request, period) : null;
      LocalDate concluded =
          outcome == null ? null : assessment == null ? outcomeDate : assessment.concluded();
      if (concluded != null && concluded.isBefore(period.periodStart())) {
        continue; // no activity in the period
      }
      boolean historic = outcome != null && outcomeDate.isBefore(period.periodStart());
      String code = outcome == null ? AWAITING : historic ? HISTORIC : outcome.code();
      boolean dated =
          !historic
              && (outcome == RequestOutcome.ASSESSED || outcome == RequestOutcome.NOT_ASSESSED);
      LocalDate withdrawn = request.first(WITHDRAWN_DATE);

      Map<String, String> row = new LinkedHashMap<>();
      row.put("child_id", child);
      row.put("ehcr_ehcp_request_id", request.key());
      row.put("ehcr_ehcp_req_date", iso(received));
      row.put("requester_type", code(request.first(REQUESTER)));
      row.put("ehcr_ehcp_req_outcome", code);
      row.put("ehcr_ehcp_req_outcome_date", dated ? iso(outcomeDate) : "");
      row.put("request_withdrawn_date", period.byCensus(withdrawn) ? iso(withdrawn) : "");
      row.put("request_outcome_reversed", request.changedAfterFirst(REQUEST_OUTCOME) ? YES : NO);
      row.put("request_outcome_current", code(request.latest(REQUEST_OUTCOME)));
      rows.get(Sen2Module.REQUESTS).add(new Sorted(child, received, request.key(), row));
      reported = true;

      if (assessment != null) {
        LocalDate finalPlanDue = request.first(FINAL_PLAN_DUE);
        Map<String, String> assessed = new LinkedHashMap<>();
        assessed.put("child_id", child);
        assessed.put("ehca_ehcp_assessment_id", request.key());
        assessed.put("ehca_ehcp_request_id", request.key());
        assessed.put("ehca_ehcp_assessment_outcome", assessment.code());
        assessed.put("ehca_ehcp_assessment_outcome_date", iso(assessment.date()));
        assessed.put(
            "ehca_ehcp_assessment_exceptions", exceptionsApply(request, period) ? YES : NO);
        assessed.put("final_plan_due", iso(finalPlanDue));
        assessed.put(
            "plan_issued_within_20_weeks",
            assessment.outcome() == AssessmentOutcome.PLAN_ISSUED
                    && assessment.date() != null
                    && finalPlanDue != null
                ? (assessment.date().isAfter(finalPlanDue) ? NO : YES)
                : "");
        assessed.put(
            "assessment_outcome_reversed",
            request.changedAfterFirst(ASSESSMENT_OUTCOME) ? YES : NO);
        assessed.put("assessment_outcome_current", code(request.latest(ASSESSMENT_OUTCOME)));
        rows.get(Sen2Module.ASSESSMENTS).add(new Sorted(child, received, request.key(), assessed));
      }
    }
    return reported;
  }

  /**
   * The SEN2 assessment outcome as at the census date (its code, and the pathway's outcome if it
   * has one), and when the assessment concluded.
   */
  private record AssessmentState(
      String code, AssessmentOutcome outcome, LocalDate date, LocalDate concluded) {

    static AssessmentState of(AssessmentOutcome outcome, LocalDate date, LocalDate concluded) {
      return new AssessmentState(outcome.code(), outcome, date, concluded);
    }
  }

  private static AssessmentState assessment(CaseHistory request, Sen2Period period) {
    AssessmentOutcome outcome = request.first(ASSESSMENT_OUTCOME);
    LocalDate date = request.first(ASSESSMENT_OUTCOME_DATE);
    if (outcome != null && period.byCensus(date)) {
      return AssessmentState.of(outcome, date, date);
    }
    LocalDate withdrawn = request.first(WITHDRAWN_DATE);
    if (period.byCensus(withdrawn)) {
      return new AssessmentState(WITHDRAWN, null, null, withdrawn);
    }
    // Decided to issue, plan not yet issued: SEN2's Y with the outcome date left blank.
    if (request.first(ISSUE_DECISION) == IssueDecision.ISSUE
        && recordedByCensus(request.firstRecordedAt(ISSUE_DECISION), period)) {
      return AssessmentState.of(AssessmentOutcome.PLAN_ISSUED, null, null);
    }
    return new AssessmentState(AWAITING, null, null, null);
  }

  private static boolean exceptionsApply(CaseHistory request, Sen2Period period) {
    LocalDate recorded = request.first(EXCEPTION_RECORDED_DATE);
    return Boolean.TRUE.equals(request.latest(EXCEPTIONS_APPLY))
        && (recorded == null || period.byCensus(recorded));
  }

  private static boolean recordedByCensus(Date recordedAt, Sen2Period period) {
    return recordedAt == null || period.byCensus(StatutoryDates.londonDateOf(recordedAt));
  }

  // --- Modules 4 and 5, and the annual reviews -------------------------------------------------

  /**
   * A plan: from a final plan of an assessment, or (imported plans) from the first review that
   * names it.
   */
  private static final class Plan {
    final String planId;
    final CaseHistory assessment;
    final CaseHistory originReview;
    final LocalDate start;
    final LocalDate anchor;
    final List<CaseHistory> reviews = new ArrayList<>();
    final List<CaseHistory> transfers = new ArrayList<>();

    /**
     * The cases that ended the plan outside its reviews (ceased between reviews, transferred out);
     * a running review, if there was one, records the same end.
     */
    final List<CaseHistory> endings = new ArrayList<>();

    /** Amended or issued again outside a review: the date and the setting then named. */
    final List<Map.Entry<LocalDate, String>> reissues = new ArrayList<>();

    /**
     * For a plan known here only from the case that ended it: the day that case began, before which
     * no return could have known of the plan, so none reports it.
     */
    LocalDate knownFrom;

    Plan(
        String planId,
        CaseHistory assessment,
        CaseHistory originReview,
        LocalDate start,
        LocalDate anchor) {
      this.planId = planId;
      this.assessment = assessment;
      this.originReview = originReview;
      this.start = start;
      this.anchor = anchor;
    }
  }

  private boolean plansAndReviews(
      Sen2Period period, String child, List<Plan> plans, Map<Sen2Module, List<Sorted>> rows) {
    boolean reported = false;
    for (Plan plan : plans) {
      List<CaseHistory> enders = new ArrayList<>(plan.reviews);
      enders.addAll(plan.endings);
      CaseHistory ceasedBy =
          enders.stream()
              .filter(r -> r.first(PLAN_CEASED_DATE) != null)
              .min(Comparator.comparing(r -> r.first(PLAN_CEASED_DATE)))
              .orElse(null);
      LocalDate ceased = ceasedBy == null ? null : ceasedBy.first(PLAN_CEASED_DATE);
      if (!period.byCensus(ceased)) {
        ceased = null; // ends after the census date: still in force on it
      }
      boolean started =
          (plan.start == null || period.byCensus(plan.start))
              && (plan.knownFrom == null || period.byCensus(plan.knownFrom));
      String requestId = plan.assessment == null ? "" : plan.assessment.key();

      if (started && (ceased == null || !ceased.isBefore(period.periodStart()))) {
        Map<String, String> named = new LinkedHashMap<>();
        named.put("child_id", child);
        named.put("ehcn_named_plan_id", plan.planId);
        named.put("ehcn_ehcp_asmt_id", requestId);
        named.put("ehcn_named_plan_start_date", iso(plan.start));
        named.put("ehcn_named_plan_ceased_date", iso(ceased));
        named.put(
            "ehcn_named_plan_ceased_reason",
            ceased == null ? "" : code(ceasedBy.first(CEASE_REASON)));
        rows.get(Sen2Module.NAMED_PLANS).add(new Sorted(child, plan.start, plan.planId, named));
        reported = true;
      }
      if (started && ceased == null) {
        Map<String, String> active = new LinkedHashMap<>();
        active.put("child_id", child);
        active.put("ehcp_active_ehcp_id", plan.planId);
        active.put("ehcp_ehcp_request_id", requestId);
        active.put("named_setting", text(namedSettingOnCensus(plan, period)));
        active.put(
            "primary_need",
            plan.assessment == null ? "" : code(plan.assessment.first(PRIMARY_NEED)));
        active.put("ehcp_active_ehcp_last_review_date", iso(lastReview(plan, period)));
        rows.get(Sen2Module.ACTIVE_PLANS).add(new Sorted(child, plan.start, plan.planId, active));
        reported = true;
      }
      for (CaseHistory review : plan.reviews) {
        reported |= review(period, child, plan, review, rows);
      }
    }
    return reported;
  }

  private boolean review(
      Sen2Period period,
      String child,
      Plan plan,
      CaseHistory review,
      Map<Sen2Module, List<Sorted>> rows) {
    LocalDate due = review.first(REVIEW_DUE);
    LocalDate meeting = byCensus(period, review.first(REVIEW_MEETING_DATE));
    LocalDate decided = byCensus(period, review.first(REVIEW_DECISION_DATE));
    if (!period.inPeriod(due) && !period.inPeriod(meeting) && !period.inPeriod(decided)) {
      return false;
    }
    LocalDate decisionDue = meeting == null ? null : review.first(REVIEW_DECISION_DUE);
    String within4Weeks = "";
    if (decided != null && decisionDue != null) {
      within4Weeks = decided.isAfter(decisionDue) ? NO : YES;
    } else if (decided == null
        && decisionDue != null
        && decisionDue.isBefore(period.censusDate())) {
      within4Weeks = NO; // not decided, and the 4 weeks had passed by the census date
    }
    Map<String, String> row = new LinkedHashMap<>();
    row.put("child_id", child);
    row.put("review_id", review.key());
    row.put("plan_id", plan.planId);
    row.put("review_due", iso(due));
    row.put("review_meeting_date", iso(meeting));
    row.put("review_decision", decided == null ? "" : code(review.first(REVIEW_DECISION)));
    row.put("review_decision_date", iso(decided));
    row.put("review_decision_due", iso(decisionDue));
    row.put("review_decided_within_4_weeks", within4Weeks);
    rows.get(Sen2Module.REVIEWS).add(new Sorted(child, due, review.key(), row));
    return true;
  }

  /**
   * The child's plans, oldest first, each with the reviews and phase transfers that belong to it
   * (those that started on or after the plan and before the next one).
   */
  private static List<Plan> plans(
      String child,
      List<CaseHistory> assessments,
      List<CaseHistory> reviews,
      List<CaseHistory> transfers,
      Map<String, LocalDate> transferredIn) {
    List<Plan> plans = new ArrayList<>();
    for (CaseHistory assessment : assessments) {
      LocalDate issued = assessment.first(FINAL_PLAN_ISSUED_DATE);
      if (assessment.first(ASSESSMENT_OUTCOME) == AssessmentOutcome.PLAN_ISSUED && issued != null) {
        String planId = assessment.latest(ANNUAL_REVIEW_BUSINESS_KEY);
        plans.add(
            new Plan(
                planId != null ? planId : CaseKeys.annualReview(child, issued, null),
                assessment,
                null,
                issued,
                issued));
      }
    }
    List<CaseHistory> byAnchor = new ArrayList<>(reviews);
    byAnchor.sort(
        Comparator.comparing(
                Sen2Export::reviewAnchor, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(CaseHistory::key));
    for (CaseHistory review : byAnchor) {
      LocalDate issued = review.first(PLAN_ISSUED_DATE);
      if (issued != null && plans.stream().noneMatch(p -> issued.equals(p.start))) {
        plans.add(new Plan(review.key(), null, review, issued, issued)); // an imported plan
      }
      LocalDate anchor = reviewAnchor(review);
      Plan owner = planOn(plans, anchor);
      if (owner == null) {
        // Imported with its last review date only, or transferred in from another council: then
        // the plan is this council's from the transfer date.
        owner = new Plan(review.key(), null, review, transferredIn.get(review.key()), anchor);
        plans.add(owner);
      }
      owner.reviews.add(review);
    }
    for (CaseHistory transfer : transfers) {
      Plan owner = planOn(plans, StatutoryDates.londonDateOf(transfer.startTime()));
      if (owner != null) {
        owner.transfers.add(transfer);
      }
    }
    plans.sort(
        Comparator.comparing(
            (Plan p) -> p.anchor, Comparator.nullsFirst(Comparator.naturalOrder())));
    return plans;
  }

  /**
   * Ends and re-issues of a plan made outside its reviews, each given to the plan in force on its
   * date. A plan that ended here but was never in this engine (a council's plan from before it used
   * EHC Flow, ceased or transferred out) is reported from the case that ended it, its start date
   * unknown.
   */
  private static void attachChanges(
      List<Plan> plans,
      List<CaseHistory> endings,
      List<CaseHistory> amendments,
      List<CaseHistory> reassessed) {
    for (CaseHistory ending : endings) {
      LocalDate ended = ending.first(PLAN_CEASED_DATE);
      if (ended == null) {
        continue; // still running, or the plan was kept
      }
      Plan owner = planOn(plans, ended);
      if (owner == null) {
        owner = new Plan(ending.key(), null, null, null, ended);
        owner.knownFrom = StatutoryDates.londonDateOf(ending.startTime());
        plans.add(owner);
        plans.sort(
            Comparator.comparing(
                (Plan p) -> p.anchor, Comparator.nullsFirst(Comparator.naturalOrder())));
      }
      owner.endings.add(ending);
    }
    for (CaseHistory amendment : amendments) {
      reissue(
          plans,
          amendment.first(AmendPlanVariables.FINAL_AMENDED_PLAN_ISSUED_DATE),
          amendment.latest(AmendPlanVariables.NAMED_SETTING));
    }
    for (CaseHistory assessment : reassessed) {
      if (assessment.first(ASSESSMENT_OUTCOME) == AssessmentOutcome.PLAN_ISSUED) {
        reissue(
            plans,
            assessment.first(FINAL_PLAN_ISSUED_DATE),
            assessment.latest(AssessmentVariables.NAMED_SETTING));
      }
    }
  }

  private static void reissue(List<Plan> plans, LocalDate issued, String setting) {
    Plan owner = issued == null ? null : planOn(plans, issued);
    if (owner != null) {
      owner.reissues.add(Map.entry(issued, text(setting)));
    }
  }

  /** The date a review runs from: the later of the plan's issue and the last review decision. */
  private static LocalDate reviewAnchor(CaseHistory review) {
    LocalDate issued = review.first(PLAN_ISSUED_DATE);
    LocalDate lastReview = review.first(LAST_REVIEW_DECISION_DATE);
    if (issued == null) {
      return lastReview != null ? lastReview : StatutoryDates.londonDateOf(review.startTime());
    }
    return lastReview != null && lastReview.isAfter(issued) ? lastReview : issued;
  }

  /** The latest plan that had started by the given date. */
  private static Plan planOn(List<Plan> plans, LocalDate date) {
    Plan found = null;
    for (Plan plan : plans) {
      if (plan.anchor != null
          && !plan.anchor.isAfter(date)
          && (found == null || !plan.anchor.isBefore(found.anchor))) {
        found = plan;
      }
    }
    return found;
  }

  /**
   * The setting named by the latest plan (final, imported or amended) issued by the census date.
   */
  private static String namedSettingOnCensus(Plan plan, Sen2Period period) {
    List<Map.Entry<LocalDate, String>> named = new ArrayList<>();
    if (plan.assessment != null) {
      named.add(
          Map.entry(plan.start, text(plan.assessment.first(AssessmentVariables.NAMED_SETTING))));
    }
    if (plan.originReview != null
        && plan.originReview.first(AnnualReviewVariables.NAMED_SETTING) != null) {
      named.add(
          Map.entry(
              reviewAnchor(plan.originReview),
              plan.originReview.first(AnnualReviewVariables.NAMED_SETTING)));
    }
    for (CaseHistory review : plan.reviews) {
      LocalDate amended = review.first(AnnualReviewVariables.FINAL_AMENDED_PLAN_ISSUED_DATE);
      if (amended != null) {
        named.add(Map.entry(amended, text(review.latest(AnnualReviewVariables.NAMED_SETTING))));
      }
    }
    for (CaseHistory transfer : plan.transfers) {
      LocalDate amended = transfer.first(PhaseTransferVariables.FINAL_AMENDED_PLAN_ISSUED_DATE);
      if (amended != null) {
        named.add(Map.entry(amended, text(transfer.latest(PhaseTransferVariables.NAMED_SETTING))));
      }
    }
    named.addAll(plan.reissues);
    Map.Entry<LocalDate, String> latest = null;
    for (Map.Entry<LocalDate, String> entry : named) {
      if (period.byCensus(entry.getKey())
          && !entry.getValue().isEmpty()
          && (latest == null || !entry.getKey().isBefore(latest.getKey()))) {
        latest = entry;
      }
    }
    return latest == null ? null : latest.getValue();
  }

  /** The last date the council wrote with its decision after a review, by the census date. */
  private static LocalDate lastReview(Plan plan, Sen2Period period) {
    List<LocalDate> decisions = new ArrayList<>();
    for (CaseHistory review : plan.reviews) {
      decisions.add(review.first(REVIEW_DECISION_DATE));
      decisions.add(review.first(LAST_REVIEW_DECISION_DATE));
    }
    for (CaseHistory transfer : plan.transfers) {
      decisions.add(transfer.first(PhaseTransferVariables.AMENDMENT_NOTICE_DATE));
    }
    return decisions.stream().filter(period::byCensus).max(Comparator.naturalOrder()).orElse(null);
  }

  // --- Module 1 ----------------------------------------------------------------------------------

  /** The child's name and date of birth as the most recently started case holds them. */
  private static Sorted person(String child, List<CaseHistory> cases) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("child_id", child);
    row.put("child_name", text(latestHeld(cases, CHILD_NAME)));
    row.put("date_of_birth", iso(latestHeld(cases, DATE_OF_BIRTH)));
    return new Sorted(child, null, child, row);
  }

  /**
   * The value held by the most recently started case that holds one (a transfer out, for one, is
   * started without the date of birth).
   */
  private static <T> T latestHeld(List<CaseHistory> cases, Variable<T> variable) {
    return cases.stream()
        .filter(c -> c.latest(variable) != null)
        .max(
            Comparator.comparing(
                    CaseHistory::startTime, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(CaseHistory::key))
        .map(c -> c.latest(variable))
        .orElse(null);
  }

  // --- Helpers -----------------------------------------------------------------------------------

  private static Map<String, List<CaseHistory>> byChild(List<CaseHistory> cases) {
    Map<String, List<CaseHistory>> byChild = new TreeMap<>();
    for (CaseHistory c : cases) {
      String child = c.latest(CHILD_ID);
      if (child != null) {
        byChild.computeIfAbsent(child, k -> new ArrayList<>()).add(c);
      }
    }
    return byChild;
  }

  private static LocalDate byCensus(Sen2Period period, LocalDate date) {
    return period.byCensus(date) ? date : null;
  }

  private static String iso(LocalDate date) {
    return date == null ? "" : date.toString();
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static String code(Code value) {
    return value == null ? "" : value.code();
  }

  /** A row with its stable order: child id, then the row's date (blank first), then its id. */
  private record Sorted(String childId, LocalDate date, String id, Map<String, String> row)
      implements Comparable<Sorted> {

    private static final Comparator<Sorted> ORDER =
        Comparator.comparing(Sorted::childId)
            .thenComparing(Sorted::date, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Sorted::id);

    @Override
    public int compareTo(Sorted other) {
      return ORDER.compare(this, other);
    }
  }
}
