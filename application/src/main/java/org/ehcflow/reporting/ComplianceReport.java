package org.ehcflow.reporting;

import static org.ehcflow.reporting.CaseTable.hasText;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.reporting.ComplianceFigures.AdviceFigure;
import org.ehcflow.reporting.ComplianceFigures.CaseRef;
import org.ehcflow.reporting.ComplianceFigures.ClockTimeliness;
import org.ehcflow.reporting.ComplianceFigures.DeadlineFigure;
import org.ehcflow.reporting.ComplianceFigures.MonthTimeliness;
import org.ehcflow.reporting.ComplianceFigures.ReviewFigure;
import org.ehcflow.reporting.ComplianceFigures.StageCount;
import org.ehcflow.reporting.ComplianceFigures.TransferFigure;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.statutory.StatutoryDates;
import org.ehcflow.vocabulary.AmendPlanVariables;
import org.ehcflow.vocabulary.AnnualReviewVariables;
import org.ehcflow.vocabulary.AssessmentVariables;
import org.ehcflow.vocabulary.ChildVariables;
import org.ehcflow.vocabulary.CouncilTransferVariables;
import org.ehcflow.vocabulary.DisagreementVariables;
import org.ehcflow.vocabulary.Pathways;
import org.ehcflow.vocabulary.PhaseTransferVariables;
import org.ehcflow.vocabulary.ReassessmentVariables;
import org.ehcflow.vocabulary.ReviewDecision;
import org.ehcflow.vocabulary.Section23Variables;
import org.ehcflow.vocabulary.TribunalOrderVariables;
import org.ehcflow.vocabulary.Variable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The statutory compliance figures. The deadlines, the clocks and the 20-week timeliness are
 * counted in SQL from the case read model ({@link CaseClocks}), kept in step with the engine's
 * history as each step is recorded, and only the first cases of each list are read
 * (docs/benchmark/dashboard-read-model-2026-12-07.md). The other figures are still read from the
 * engine's own history: each finds the cases it is about (open ones, or ones with a limit in the
 * period) through indexes and reads each of them, so its time grows with those cases, not with the
 * whole history (docs/benchmark/dashboard-2026-12-07.md).
 */
@Service
public class ComplianceReport {

  private static final Variable<String> CHILD_ID = ChildVariables.CHILD_ID;
  private static final Variable<String> CHILD_NAME = ChildVariables.CHILD_NAME;

  /** The cases listed behind a figure; the count is always exact. */
  public static final int MAX_CASES_LISTED = 100;

  /**
   * Which cases of a pathway report a deadline: all of them, only those no other case called (the
   * caller reports the same deadline itself), or only called ones (a re-assessment's run of the
   * needs assessment, on its own clock).
   */
  enum Cases {
    ANY(null),
    STARTED_ALONE("p.SUPER_PROCESS_INSTANCE_ID_ IS NULL"),
    CALLED("p.SUPER_PROCESS_INSTANCE_ID_ IS NOT NULL");

    /** SQL over {@code p} (ACT_HI_PROCINST), or null for every case. */
    final String condition;

    Cases(String condition) {
      this.condition = condition;
    }

    boolean include(boolean called) {
      return this == ANY || (this == CALLED) == called;
    }
  }

  /**
   * Where a deadline kind is shown: among the deadlines due this week or overdue, among the clocks
   * whose limit fell in the period, or both. A Tribunal order's step in hand is one deadline while
   * open, but each of its steps is a clock of its own once the period is looked back on.
   */
  enum Shown {
    DUE_AND_CLOCK,
    DUE_ONLY,
    CLOCK_ONLY;

    boolean asDue() {
      return this != CLOCK_ONLY;
    }

    boolean asClock() {
      return this != DUE_ONLY;
    }
  }

  /** A deadline kind: its pathway, the variable holding the date, and what shows it was met. */
  record DeadlineKind(
      String kind,
      String label,
      String processKey,
      Variable<LocalDate> dueVariable,
      List<Variable<?>> doneVariables,
      Cases cases,
      Shown shown) {

    DeadlineKind(
        String kind,
        String label,
        String processKey,
        Variable<LocalDate> dueVariable,
        List<Variable<?>> doneVariables) {
      this(kind, label, processKey, dueVariable, doneVariables, Cases.ANY);
    }

    DeadlineKind(
        String kind,
        String label,
        String processKey,
        Variable<LocalDate> dueVariable,
        List<Variable<?>> doneVariables,
        Cases cases) {
      this(kind, label, processKey, dueVariable, doneVariables, cases, Shown.DUE_AND_CLOCK);
    }

    /** Whether a case of this pathway, called by another case or not, reports this deadline. */
    boolean reportedBy(String pathway, boolean called) {
      return processKey.equals(pathway) && cases.include(called);
    }

    /** The condition limiting the cases, followed by " AND ", or nothing. */
    String casesAnd() {
      return cases.condition == null ? "" : cases.condition + " AND ";
    }
  }

  static final List<DeadlineKind> DEADLINES =
      List.of(
          new DeadlineKind(
              "decision-to-assess",
              "Decision whether to assess (6 weeks)",
              Pathways.NEEDS_ASSESSMENT,
              AssessmentVariables.DECISION_TO_ASSESS_DUE,
              List.of(AssessmentVariables.REQUEST_OUTCOME)),
          new DeadlineKind(
              "no-plan-notice",
              "Decision whether to issue a plan (16 weeks)",
              Pathways.NEEDS_ASSESSMENT,
              AssessmentVariables.NO_PLAN_NOTICE_DUE,
              List.of(AssessmentVariables.ISSUE_DECISION),
              Cases.STARTED_ALONE),
          new DeadlineKind(
              "final-plan",
              "Final plan (20 weeks)",
              Pathways.NEEDS_ASSESSMENT,
              AssessmentVariables.FINAL_PLAN_DUE,
              List.of(AssessmentVariables.FINAL_PLAN_ISSUED_DATE),
              Cases.STARTED_ALONE),
          new DeadlineKind(
              "reassessment-not-amending",
              "Decision whether to amend after re-assessment ("
                  + StatutoryClock.REASSESSMENT_NOT_AMENDING_WEEKS
                  + " weeks from the decision)",
              Pathways.NEEDS_ASSESSMENT,
              AssessmentVariables.NO_PLAN_NOTICE_DUE,
              List.of(AssessmentVariables.ISSUE_DECISION),
              Cases.CALLED),
          new DeadlineKind(
              "reassessment-plan",
              "Plan after re-assessment ("
                  + StatutoryClock.REASSESSMENT_FINAL_PLAN_WEEKS
                  + " weeks from the decision)",
              Pathways.NEEDS_ASSESSMENT,
              AssessmentVariables.FINAL_PLAN_DUE,
              List.of(AssessmentVariables.FINAL_PLAN_ISSUED_DATE),
              Cases.CALLED),
          new DeadlineKind(
              "review-decision",
              "Annual review decision (4 weeks after the meeting)",
              Pathways.ANNUAL_REVIEW,
              AnnualReviewVariables.REVIEW_DECISION_DUE,
              List.of(AnnualReviewVariables.REVIEW_DECISION_DATE)),
          new DeadlineKind(
              "amended-plan",
              "Final amended plan (8 weeks after the notice)",
              Pathways.ANNUAL_REVIEW,
              AnnualReviewVariables.AMENDED_PLAN_DUE,
              List.of(
                  AnnualReviewVariables.FINAL_AMENDED_PLAN_ISSUED_DATE,
                  AnnualReviewVariables.NOT_AMENDING_NOTICE_DATE)),
          // Amendments an annual review calls are reported by the review, above.
          new DeadlineKind(
              "amended-plan-between-reviews",
              "Final amended plan or decision not to amend, between reviews (8 weeks)",
              Pathways.AMEND_PLAN,
              AmendPlanVariables.AMENDED_PLAN_DUE,
              List.of(
                  AmendPlanVariables.FINAL_AMENDED_PLAN_ISSUED_DATE,
                  AmendPlanVariables.NOT_AMENDING_NOTICE_DATE),
              Cases.STARTED_ALONE),
          new DeadlineKind(
              "phase-transfer",
              "Phase transfer (15 February / 31 March)",
              Pathways.PHASE_TRANSFER,
              PhaseTransferVariables.PHASE_TRANSFER_DEADLINE,
              List.of(PhaseTransferVariables.FINAL_AMENDED_PLAN_ISSUED_DATE)),
          new DeadlineKind(
              "triage",
              "Section 23 triage (local)",
              Pathways.SECTION_23_NOTIFICATION,
              Section23Variables.TRIAGE_DUE,
              List.of(Section23Variables.TRIAGE_OUTCOME)),
          // An order's steps run one at a time, so while it is open the step in hand is the limit
          // that can be missed; looking back, each step kept its own limit and done date.
          new DeadlineKind(
              "tribunal-order-step",
              "Tribunal order, the step in hand (reg 44)",
              Pathways.TRIBUNAL_ORDER,
              TribunalOrderVariables.COMPLIANCE_STEP_DUE,
              List.of(TribunalOrderVariables.STEP_DONE_DATE),
              Cases.ANY,
              Shown.DUE_ONLY),
          new DeadlineKind(
              "tribunal-assessment-notice",
              "Tribunal order: parent told the council will assess (reg 44, 2 weeks)",
              Pathways.TRIBUNAL_ORDER,
              TribunalOrderVariables.ASSESSMENT_NOTICE_DUE,
              List.of(TribunalOrderVariables.ASSESSMENT_NOTICE_DATE),
              Cases.ANY,
              Shown.CLOCK_ONLY),
          new DeadlineKind(
              "tribunal-plan-decision",
              "Tribunal order: decision whether to issue a plan after the assessment (10 weeks)",
              Pathways.TRIBUNAL_ORDER,
              TribunalOrderVariables.NO_PLAN_DECISION_DUE,
              List.of(TribunalOrderVariables.PLAN_DECISION_DATE),
              Cases.ANY,
              Shown.CLOCK_ONLY),
          new DeadlineKind(
              "tribunal-draft-plan",
              "Tribunal order: draft plan (reg 44, 5 weeks)",
              Pathways.TRIBUNAL_ORDER,
              TribunalOrderVariables.DRAFT_PLAN_DUE,
              List.of(TribunalOrderVariables.DRAFT_PLAN_ISSUED_DATE),
              Cases.ANY,
              Shown.CLOCK_ONLY),
          new DeadlineKind(
              "tribunal-final-plan",
              "Tribunal order: final plan (reg 44, 11 or 14 weeks)",
              Pathways.TRIBUNAL_ORDER,
              TribunalOrderVariables.FINAL_PLAN_DUE,
              List.of(TribunalOrderVariables.FINAL_PLAN_ISSUED_DATE),
              Cases.ANY,
              Shown.CLOCK_ONLY),
          new DeadlineKind(
              "tribunal-order-complied",
              "Tribunal order or agreement complied with in full (its last limit)",
              Pathways.TRIBUNAL_ORDER,
              TribunalOrderVariables.COMPLIANCE_DUE,
              List.of(TribunalOrderVariables.COMPLIANCE_DATE),
              Cases.ANY,
              Shown.CLOCK_ONLY),
          new DeadlineKind(
              "mediation-icb",
              "ICB told of mediation on health (3 working days)",
              Pathways.DISAGREEMENT,
              DisagreementVariables.ICB_NOTIFICATION_DUE,
              List.of(DisagreementVariables.ICB_TOLD_DATE)),
          new DeadlineKind(
              "mediation",
              "Mediation held (30 days from the request)",
              Pathways.DISAGREEMENT,
              DisagreementVariables.MEDIATION_DUE,
              List.of(DisagreementVariables.MEDIATION_OUTCOME)),
          new DeadlineKind(
              "appeal-response",
              "Council's response to an appeal (as the Tribunal directs)",
              Pathways.DISAGREEMENT,
              DisagreementVariables.RESPONSE_DUE,
              List.of(DisagreementVariables.APPEAL_RESPONSE)),
          new DeadlineKind(
              "transfer-out",
              "Plan transferred to the new council (reg 15)",
              Pathways.TRANSFER_OUT,
              CouncilTransferVariables.TRANSFER_DUE,
              List.of(CouncilTransferVariables.TRANSFERRED_DATE)),
          new DeadlineKind(
              "transfer-in",
              "Family told of a plan transferred in (6 weeks)",
              Pathways.TRANSFER_IN,
              CouncilTransferVariables.TRANSFER_NOTICE_DUE,
              List.of(CouncilTransferVariables.WILL_ASSESS)),
          new DeadlineKind(
              "reassessment-decision",
              "Answer to a request to re-assess (15 days)",
              Pathways.REASSESSMENT,
              ReassessmentVariables.DECISION_TO_REASSESS_DUE,
              List.of(ReassessmentVariables.REASSESS_DECISION)));

  /** The adviser's task in the needs assessment's model. */
  private static final String ADVICE_TASK = AssessmentProcess.Elements.GIVE_ADVICE;

  private static final List<String> PATHWAYS =
      List.of(
          Pathways.NEEDS_ASSESSMENT,
          Pathways.ANNUAL_REVIEW,
          Pathways.PHASE_TRANSFER,
          Pathways.SECTION_23_NOTIFICATION,
          Pathways.DISAGREEMENT,
          Pathways.TRIBUNAL_ORDER,
          Pathways.TRANSFER_OUT,
          Pathways.TRANSFER_IN,
          Pathways.CEASE_PLAN,
          Pathways.REASSESSMENT,
          Pathways.AMEND_PLAN);

  private final CaseTable cases;
  private final NamedParameterJdbcTemplate jdbc;

  public ComplianceReport(CaseTable cases, NamedParameterJdbcTemplate jdbc) {
    this.cases = cases;
    this.jdbc = jdbc;
  }

  public ComplianceFigures figures(LocalDate from, LocalDate to, LocalDate today) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("the period ends before it starts");
    }
    dropRemovedCases();
    return new ComplianceFigures(
        from.toString(),
        to.toString(),
        today.toString(),
        openCases(),
        deadlines(today),
        timeliness(from, to),
        advice(from, to, today),
        reviews(from, to, today),
        phaseTransfers(from, to, today),
        clocks(from, to, today));
  }

  private List<StageCount> openCases() {
    List<StageCount> stages = new ArrayList<>();
    for (String pathway : PATHWAYS) {
      Map<String, List<CaseRef>> byTask = new TreeMap<>();
      Map<String, String> names = new LinkedHashMap<>();
      jdbc.query(
          """
          SELECT t.TASK_DEF_KEY_, t.NAME_, t.PROC_INST_ID_, p.BUSINESS_KEY_
          FROM ACT_RU_TASK t JOIN ACT_HI_PROCINST p ON p.PROC_INST_ID_ = t.PROC_INST_ID_
          WHERE p.PROC_DEF_KEY_ = :pathway ORDER BY t.TASK_DEF_KEY_, t.CREATE_TIME_""",
          new MapSqlParameterSource("pathway", pathway),
          rs -> {
            names.putIfAbsent(rs.getString(1), rs.getString(2));
            byTask
                .computeIfAbsent(rs.getString(1), key -> new ArrayList<>())
                .add(new CaseRef(rs.getString(3), rs.getString(4), null, null, null, true));
          });
      byTask.forEach(
          (task, refs) ->
              stages.add(
                  new StageCount(pathway, task, names.get(task), refs.size(), capped(refs))));
      Integer waiting =
          jdbc.queryForObject(
              """
          SELECT COUNT(*) FROM ACT_HI_PROCINST p WHERE p.PROC_DEF_KEY_ = :pathway AND p.END_TIME_ IS NULL
          AND NOT EXISTS (SELECT 1 FROM ACT_RU_TASK t WHERE t.PROC_INST_ID_ = p.PROC_INST_ID_)""",
              new MapSqlParameterSource("pathway", pathway),
              Integer.class);
      if (waiting != null && waiting > 0) {
        stages.add(
            new StageCount(
                pathway, "waiting", "Waiting for a date, a reply or a notice", waiting, List.of()));
      }
    }
    return stages;
  }

  /**
   * The cases whose history the engine's cleanup removed, or an administrator deleted, leave the
   * read model here: neither raises a history event. Every case of history has its row, written in
   * the same transaction, so more rows than history means some were removed, and only then is the
   * model searched for them.
   */
  private void dropRemovedCases() {
    Map<String, Object> counted =
        jdbc.queryForMap(
            "SELECT (SELECT COUNT(*) FROM ehc_case) AS model,"
                + " (SELECT COUNT(*) FROM ACT_HI_PROCINST) AS history",
            Map.of());
    if (((Number) counted.get("model")).longValue()
        <= ((Number) counted.get("history")).longValue()) {
      return;
    }
    for (String table : List.of("ehc_case_clock", "ehc_case_plan", "ehc_case_value", "ehc_case")) {
      jdbc.update(
          "DELETE FROM "
              + table
              + " WHERE NOT EXISTS (SELECT 1 FROM ACT_HI_PROCINST p WHERE p.ID_ = "
              + table
              + ".proc_inst_id)",
          Map.of());
    }
  }

  /**
   * Each kind's open cases not yet done whose due date falls by the end of the week, from the case
   * read model: counted in SQL, the first of each list read. A case holding more than one due date
   * of a kind (a mediation asked for again) is due by its latest.
   */
  private List<DeadlineFigure> deadlines(LocalDate today) {
    List<DeadlineFigure> figures = new ArrayList<>();
    String openNotDone =
        """
        SELECT c.proc_inst_id, c.business_key, c.child_id, c.child_name, MAX(c.due) AS due
        FROM ehc_case_clock c WHERE c.kind = :kind AND c.running = TRUE AND c.met_on IS NULL
        GROUP BY c.proc_inst_id, c.business_key, c.child_id, c.child_name
        HAVING MIN(c.due) <= :weekEnd""";
    for (DeadlineKind kind : DEADLINES) {
      if (!kind.shown().asDue()) {
        continue;
      }
      MapSqlParameterSource parameters =
          new MapSqlParameterSource("kind", kind.kind())
              .addValue("weekEnd", today.plusDays(6).toString())
              .addValue("today", today.toString());
      int[] counts = new int[2];
      jdbc.query(
          "SELECT COUNT(*), SUM(CASE WHEN d.due < :today THEN 1 ELSE 0 END) FROM ("
              + openNotDone
              + ") d",
          parameters,
          rs -> {
            counts[0] = rs.getInt(1);
            counts[1] = rs.getInt(2);
          });
      int overdue = counts[1];
      int due = counts[0] - overdue;
      figures.add(
          new DeadlineFigure(
              kind.kind(),
              kind.label(),
              due,
              overdue,
              due == 0 ? List.of() : deadlineCases(openNotDone, "d.due >= :today", parameters),
              overdue == 0 ? List.of() : deadlineCases(openNotDone, "d.due < :today", parameters)));
    }
    figures.add(adviceDeadlines(today));
    return figures;
  }

  private List<CaseRef> deadlineCases(
      String openNotDone, String condition, MapSqlParameterSource parameters) {
    return jdbc.query(
        "SELECT * FROM ("
            + openNotDone
            + ") d WHERE "
            + condition
            + " ORDER BY d.due, d.proc_inst_id LIMIT "
            + MAX_CASES_LISTED,
        parameters,
        (rs, n) ->
            new CaseRef(
                rs.getString("proc_inst_id"),
                rs.getString("business_key"),
                blankAsNull(rs.getString("child_id")),
                blankAsNull(rs.getString("child_name")),
                rs.getString("due"),
                true));
  }

  private static String blankAsNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  /**
   * Each statutory clock whose limit fell in the period, from the case read model. A clock is met
   * on the date its done variable holds when that is a date (a plan issued, a transfer made),
   * otherwise on the day the engine recorded it (a decision, a triage outcome): {@link
   * CaseClocks#metOn}. A clock neither met nor open is left out (a case withdrawn or refused). A
   * Tribunal order's steps are clocks of their own, so a late draft and an on-time final plan are
   * both counted.
   */
  private List<ClockTimeliness> clocks(LocalDate from, LocalDate to, LocalDate today) {
    MapSqlParameterSource parameters =
        new MapSqlParameterSource("kinds", DEADLINES.stream().map(DeadlineKind::kind).toList())
            .addValue("from", from.toString())
            .addValue("to", to.toString())
            .addValue("today", today.toString());
    String counted =
        """
        FROM ehc_case_clock c WHERE c.kind IN (:kinds) AND c.due BETWEEN :from AND :to
          AND (c.met_on IS NOT NULL OR (c.running = TRUE AND c.due < :today))""";
    Map<String, int[]> counts = new LinkedHashMap<>();
    jdbc.query(
        """
        SELECT c.kind, COUNT(*),
          SUM(CASE WHEN c.met_on > c.due THEN 1 ELSE 0 END),
          SUM(CASE WHEN c.met_on IS NULL THEN 1 ELSE 0 END),
          SUM(CASE WHEN c.exceptions_apply = TRUE THEN 1 ELSE 0 END)
        """
            + counted
            + " GROUP BY c.kind",
        parameters,
        rs -> {
          counts.put(
              rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)});
        });
    List<ClockTimeliness> figures = new ArrayList<>();
    for (DeadlineKind kind : DEADLINES) {
      if (!kind.shown().asClock()) {
        continue;
      }
      int[] count = counts.getOrDefault(kind.kind(), new int[4]);
      List<CaseRef> lateOrMissed =
          count[1] + count[2] == 0
              ? List.of()
              : jdbc.query(
                  "SELECT c.proc_inst_id, c.business_key, c.child_id, c.child_name,"
                      + " COALESCE(c.met_on, c.due), c.running "
                      + counted.replace("c.kind IN (:kinds)", "c.kind = :kind")
                      + " AND (c.met_on IS NULL OR c.met_on > c.due)"
                      + " ORDER BY 5, 1 LIMIT "
                      + MAX_CASES_LISTED,
                  new MapSqlParameterSource(parameters.getValues()).addValue("kind", kind.kind()),
                  (rs, n) ->
                      new CaseRef(
                          rs.getString(1),
                          rs.getString(2),
                          rs.getString(3),
                          rs.getString(4),
                          rs.getString(5),
                          rs.getBoolean(6)));
      figures.add(
          new ClockTimeliness(
              kind.kind(),
              kind.label(),
              count[0],
              count[0] - count[1] - count[2],
              count[1],
              count[2],
              count[3],
              lateOrMissed));
    }
    return figures;
  }

  private DeadlineFigure adviceDeadlines(LocalDate today) {
    List<CaseRef> due = new ArrayList<>();
    List<CaseRef> overdue = new ArrayList<>();
    Timestamp startOfToday = new Timestamp(StatutoryDates.startOfDay(today).getTime());
    jdbc.query(
        """
        SELECT t.PROC_INST_ID_, p.BUSINESS_KEY_, t.DUE_DATE_ FROM ACT_RU_TASK t
        JOIN ACT_HI_PROCINST p ON p.PROC_INST_ID_ = t.PROC_INST_ID_
        WHERE t.TASK_DEF_KEY_ = :task AND t.DUE_DATE_ < :weekEnd ORDER BY t.DUE_DATE_""",
        new MapSqlParameterSource("task", ADVICE_TASK)
            .addValue(
                "weekEnd", new Timestamp(StatutoryDates.startOfDay(today.plusDays(7)).getTime())),
        rs -> {
          Timestamp dueDate = rs.getTimestamp(3);
          CaseRef ref =
              new CaseRef(
                  rs.getString(1),
                  rs.getString(2),
                  null,
                  null,
                  StatutoryDates.londonDateOf(dueDate).toString(),
                  true);
          (dueDate.before(startOfToday) ? overdue : due).add(ref);
        });
    return new DeadlineFigure(
        "advice",
        "Advice from partners (6 weeks each)",
        due.size(),
        overdue.size(),
        capped(due),
        capped(overdue));
  }

  /**
   * Plans issued in the period by month, within 20 weeks or not, with and without the cases an
   * exception applies to, from the case read model. A re-assessment's plan (a called assessment) is
   * not a new plan in 20 weeks and has no row.
   */
  private List<MonthTimeliness> timeliness(LocalDate from, LocalDate to) {
    MapSqlParameterSource parameters =
        new MapSqlParameterSource("from", from.toString()).addValue("to", to.toString());
    String plans =
        """
        SELECT DISTINCT c.proc_inst_id, c.business_key, c.child_id, c.child_name, c.running,
          c.greatest_issued, c.final_plan_due, c.exceptions_apply
        FROM ehc_case_plan c WHERE c.issued BETWEEN :from AND :to""";
    String late = "(p.final_plan_due IS NULL OR p.greatest_issued > p.final_plan_due)";
    List<MonthTimeliness> months = new ArrayList<>();
    jdbc.query(
        "SELECT SUBSTRING(p.greatest_issued, 1, 7), COUNT(*),"
            + " SUM(CASE WHEN "
            + late
            + " THEN 0 ELSE 1 END),"
            + " SUM(CASE WHEN p.exceptions_apply = TRUE THEN 0 ELSE 1 END),"
            + " SUM(CASE WHEN p.exceptions_apply = FALSE AND NOT "
            + late
            + " THEN 1 ELSE 0 END)"
            + " FROM ("
            + plans
            + ") p GROUP BY SUBSTRING(p.greatest_issued, 1, 7) ORDER BY 1",
        parameters,
        rs -> {
          String month = rs.getString(1);
          int issued = rs.getInt(2);
          int within = rs.getInt(3);
          int withoutExceptions = rs.getInt(4);
          int withinWithoutExceptions = rs.getInt(5);
          months.add(
              new MonthTimeliness(
                  month,
                  issued,
                  within,
                  percent(within, issued),
                  withoutExceptions,
                  withinWithoutExceptions,
                  percent(withinWithoutExceptions, withoutExceptions),
                  List.of()));
        });
    List<MonthTimeliness> withCases = new ArrayList<>();
    for (MonthTimeliness month : months) {
      List<CaseRef> lateCases =
          month.within20Weeks() == month.issued()
              ? List.of()
              : jdbc.query(
                  "SELECT p.proc_inst_id, p.business_key, p.child_id, p.child_name,"
                      + " p.greatest_issued, p.running FROM ("
                      + plans
                      + ") p WHERE SUBSTRING(p.greatest_issued, 1, 7) = :month AND "
                      + late
                      + " ORDER BY p.greatest_issued, p.proc_inst_id LIMIT "
                      + MAX_CASES_LISTED,
                  new MapSqlParameterSource(parameters.getValues())
                      .addValue("month", month.month()),
                  (rs, n) ->
                      new CaseRef(
                          rs.getString(1),
                          rs.getString(2),
                          blankAsNull(rs.getString(3)),
                          blankAsNull(rs.getString(4)),
                          rs.getString(5),
                          rs.getBoolean(6)));
      withCases.add(
          new MonthTimeliness(
              month.month(),
              month.issued(),
              month.within20Weeks(),
              month.percent(),
              month.issuedExcludingExceptions(),
              month.within20WeeksExcludingExceptions(),
              month.percentExcludingExceptions(),
              lateCases));
    }
    return withCases;
  }

  private List<AdviceFigure> advice(LocalDate from, LocalDate to, LocalDate today) {
    Map<String, AdviceTally> tallies = new TreeMap<>();
    Timestamp startOfToday = new Timestamp(StatutoryDates.startOfDay(today).getTime());
    jdbc.query(
        """
        SELECT l.GROUP_ID_, t.PROC_INST_ID_, p.BUSINESS_KEY_, t.DUE_DATE_, t.END_TIME_, t.DELETE_REASON_, p.END_TIME_
        FROM ACT_HI_TASKINST t
        JOIN ACT_HI_IDENTITYLINK l ON l.TASK_ID_ = t.ID_ AND l.TYPE_ = 'candidate' AND l.OPERATION_TYPE_ = 'add'
        JOIN ACT_HI_PROCINST p ON p.PROC_INST_ID_ = t.PROC_INST_ID_
        WHERE t.TASK_DEF_KEY_ = :task AND t.START_TIME_ >= :from AND t.START_TIME_ < :toEnd""",
        new MapSqlParameterSource("task", ADVICE_TASK)
            .addValue("from", new Timestamp(StatutoryDates.startOfDay(from).getTime()))
            .addValue("toEnd", new Timestamp(StatutoryDates.startOfDay(to.plusDays(1)).getTime())),
        rs -> {
          String partner = rs.getString(1);
          Timestamp due = rs.getTimestamp(4);
          Timestamp ended = rs.getTimestamp(5);
          boolean completed = ended != null && "completed".equals(rs.getString(6));
          if (ended != null && !completed) {
            return; // cancelled with its case (a withdrawal): neither given nor owed
          }
          AdviceTally tally = tallies.computeIfAbsent(partner, p -> new AdviceTally());
          tally.requested++;
          // Due at the start of its day: advice given any time on that day is on time.
          Timestamp endOfDueDay =
              due == null ? null : new Timestamp(due.getTime() + 24L * 3600 * 1000);
          CaseRef ref =
              new CaseRef(
                  rs.getString(2),
                  rs.getString(3),
                  null,
                  null,
                  due == null ? null : StatutoryDates.londonDateOf(due).toString(),
                  rs.getTimestamp(7) == null);
          if (completed && (endOfDueDay == null || ended.before(endOfDueDay))) {
            tally.onTime++;
          } else if (completed) {
            tally.late++;
            tally.lateOrOverdue.add(ref);
          } else {
            tally.outstanding++;
            if (due != null && due.before(startOfToday)) {
              tally.outstandingOverdue++;
              tally.lateOrOverdue.add(ref);
            }
          }
        });
    List<AdviceFigure> figures = new ArrayList<>();
    tallies.forEach((partner, tally) -> figures.add(tally.figure(partner)));
    return figures;
  }

  /** One partner's advice requests in the period, counted as they are read. */
  private static final class AdviceTally {
    int requested;
    int onTime;
    int late;
    int outstanding;
    int outstandingOverdue;
    final List<CaseRef> lateOrOverdue = new ArrayList<>();

    AdviceFigure figure(String partner) {
      return new AdviceFigure(
          partner, requested, onTime, late, outstanding, outstandingOverdue, capped(lateOrOverdue));
    }
  }

  private ReviewFigure reviews(LocalDate from, LocalDate to, LocalDate today) {
    List<CaseTable.Row> rows =
        cases.select(
            Pathways.ANNUAL_REVIEW,
            List.of(
                AnnualReviewVariables.REVIEW_DUE,
                AnnualReviewVariables.REVIEW_MEETING_DATE,
                AnnualReviewVariables.REVIEW_DECISION_DUE,
                AnnualReviewVariables.REVIEW_DECISION_DATE,
                AnnualReviewVariables.REVIEW_DECISION,
                AnnualReviewVariables.SUPERSEDED_BY,
                CHILD_ID,
                CHILD_NAME),
            List.of(),
            hasText(AnnualReviewVariables.REVIEW_DUE, "BETWEEN :from AND :to"),
            new MapSqlParameterSource("from", from.toString()).addValue("to", to.toString()));
    int due = 0;
    int held = 0;
    int within = 0;
    int late = 0;
    int overdue = 0;
    Map<ReviewDecision, Integer> outcomes = new EnumMap<>(ReviewDecision.class);
    List<CaseRef> overdueCases = new ArrayList<>();
    List<CaseRef> lateCases = new ArrayList<>();
    for (CaseTable.Row row : rows) {
      if (row.has(AnnualReviewVariables.SUPERSEDED_BY)) {
        continue; // replaced by a phase-transfer review, counted there
      }
      due++;
      LocalDate meeting = row.get(AnnualReviewVariables.REVIEW_MEETING_DATE);
      if (meeting != null && !meeting.isAfter(today)) {
        held++;
      }
      LocalDate decided = row.get(AnnualReviewVariables.REVIEW_DECISION_DATE);
      LocalDate decisionDue = row.get(AnnualReviewVariables.REVIEW_DECISION_DUE);
      LocalDate reviewDue = row.get(AnnualReviewVariables.REVIEW_DUE);
      if (decided != null) {
        ReviewDecision decision = row.get(AnnualReviewVariables.REVIEW_DECISION);
        if (decision != null) {
          outcomes.merge(decision, 1, Integer::sum);
        }
        if (decisionDue != null && !decided.isAfter(decisionDue)) {
          within++;
        } else {
          late++;
          lateCases.add(ref(row, decided));
        }
      } else if ((decisionDue != null && decisionDue.isBefore(today))
          || (meeting == null && reviewDue.isBefore(today))) {
        overdue++;
        overdueCases.add(ref(row, decisionDue != null ? decisionDue : reviewDue));
      }
    }
    return new ReviewFigure(
        due,
        held,
        within,
        late,
        overdue,
        outcomes.getOrDefault(ReviewDecision.MAINTAIN, 0),
        outcomes.getOrDefault(ReviewDecision.AMEND, 0),
        outcomes.getOrDefault(ReviewDecision.CEASE, 0),
        capped(overdueCases),
        capped(lateCases));
  }

  private List<TransferFigure> phaseTransfers(LocalDate from, LocalDate to, LocalDate today) {
    List<CaseTable.Row> rows =
        cases.select(
            Pathways.PHASE_TRANSFER,
            List.of(
                PhaseTransferVariables.PHASE_TRANSFER_DEADLINE,
                PhaseTransferVariables.FINAL_AMENDED_PLAN_ISSUED_DATE,
                PhaseTransferVariables.TRANSFER_MEETING_BY,
                PhaseTransferVariables.REVIEW_MEETING_DATE,
                PhaseTransferVariables.AMENDMENT_NOTICE_BY,
                PhaseTransferVariables.AMENDMENT_NOTICE_DATE,
                CHILD_ID,
                CHILD_NAME),
            List.of(),
            hasText(PhaseTransferVariables.PHASE_TRANSFER_DEADLINE, "BETWEEN :from AND :to"),
            new MapSqlParameterSource("from", from.toString())
                .addValue("to", to.plusYears(1).toString()));
    Map<LocalDate, List<CaseTable.Row>> byDeadline = new TreeMap<>();
    rows.forEach(
        row ->
            byDeadline
                .computeIfAbsent(
                    row.get(PhaseTransferVariables.PHASE_TRANSFER_DEADLINE),
                    deadline -> new ArrayList<>())
                .add(row));
    List<TransferFigure> figures = new ArrayList<>();
    byDeadline.forEach(
        (deadline, group) -> {
          int onTime = 0;
          int issuedLate = 0;
          int onTrack = 0;
          List<CaseRef> atRisk = new ArrayList<>();
          List<CaseRef> late = new ArrayList<>();
          for (CaseTable.Row row : group) {
            LocalDate issued = row.get(PhaseTransferVariables.FINAL_AMENDED_PLAN_ISSUED_DATE);
            if (issued != null) {
              if (!issued.isAfter(deadline)) {
                onTime++;
              } else {
                issuedLate++;
              }
            } else if (deadline.isBefore(today)) {
              late.add(ref(row, deadline));
            } else if (missed(
                    row,
                    PhaseTransferVariables.TRANSFER_MEETING_BY,
                    PhaseTransferVariables.REVIEW_MEETING_DATE,
                    today)
                || missed(
                    row,
                    PhaseTransferVariables.AMENDMENT_NOTICE_BY,
                    PhaseTransferVariables.AMENDMENT_NOTICE_DATE,
                    today)) {
              atRisk.add(ref(row, deadline));
            } else {
              onTrack++;
            }
          }
          figures.add(
              new TransferFigure(
                  deadline.toString(),
                  group.size(),
                  onTime,
                  issuedLate,
                  onTrack,
                  atRisk.size(),
                  late.size(),
                  capped(atRisk),
                  capped(late)));
        });
    return figures;
  }

  private static boolean missed(
      CaseTable.Row row,
      Variable<LocalDate> byVariable,
      Variable<LocalDate> doneVariable,
      LocalDate today) {
    LocalDate by = row.get(byVariable);
    return !row.has(doneVariable) && by != null && by.isBefore(today);
  }

  private static CaseRef ref(CaseTable.Row row, LocalDate date) {
    return new CaseRef(
        row.processInstanceId(),
        row.businessKey(),
        row.get(CHILD_ID),
        row.get(CHILD_NAME),
        date.toString(),
        row.running());
  }

  private static List<CaseRef> capped(List<CaseRef> refs) {
    List<CaseRef> sorted = new ArrayList<>(refs);
    sorted.sort(Comparator.comparing(ref -> ref.date() == null ? "" : ref.date()));
    return sorted.size() <= MAX_CASES_LISTED ? sorted : sorted.subList(0, MAX_CASES_LISTED);
  }

  private static Double percent(int part, int whole) {
    return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
  }
}
