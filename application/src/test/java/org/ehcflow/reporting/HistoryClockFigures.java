package org.ehcflow.reporting;

import static org.ehcflow.reporting.CaseTable.hasText;
import static org.ehcflow.reporting.CaseTable.lacks;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ehcflow.reporting.ComplianceFigures.CaseRef;
import org.ehcflow.reporting.ComplianceFigures.ClockTimeliness;
import org.ehcflow.reporting.ComplianceFigures.DeadlineFigure;
import org.ehcflow.reporting.ComplianceFigures.MonthTimeliness;
import org.ehcflow.reporting.ComplianceReport.DeadlineKind;
import org.ehcflow.statutory.StatutoryDates;
import org.ehcflow.vocabulary.AssessmentOutcome;
import org.ehcflow.vocabulary.AssessmentVariables;
import org.ehcflow.vocabulary.ChildVariables;
import org.ehcflow.vocabulary.Pathways;
import org.ehcflow.vocabulary.Variable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The deadlines, clocks and 20-week timeliness figures as {@link ComplianceReport} computed them
 * from the engine's history tables before the case read model (main at eef19ee), kept in the tests
 * only, to show that the read model gives the same answer.
 */
final class HistoryClockFigures {

  private static final Variable<String> CHILD_ID = ChildVariables.CHILD_ID;
  private static final Variable<String> CHILD_NAME = ChildVariables.CHILD_NAME;

  private final CaseTable cases;
  private final NamedParameterJdbcTemplate jdbc;

  HistoryClockFigures(NamedParameterJdbcTemplate jdbc) {
    this.cases = new CaseTable(jdbc);
    this.jdbc = jdbc;
  }

  List<DeadlineFigure> deadlines(LocalDate today) {
    List<DeadlineFigure> figures = new ArrayList<>();
    String weekEnd = today.plusDays(6).toString();
    for (DeadlineKind kind : ComplianceReport.DEADLINES) {
      if (!kind.shown().asDue()) {
        continue;
      }
      List<CaseTable.Row> rows =
          cases.select(
              kind.processKey(),
              List.of(kind.dueVariable(), CHILD_ID, CHILD_NAME),
              List.of(),
              "p.END_TIME_ IS NULL AND "
                  + kind.casesAnd()
                  + hasText(kind.dueVariable(), "<= :weekEnd")
                  + " AND "
                  + lacks(kind.doneVariables()),
              new MapSqlParameterSource("weekEnd", weekEnd));
      List<CaseRef> due = new ArrayList<>();
      List<CaseRef> overdue = new ArrayList<>();
      for (CaseTable.Row row : rows) {
        LocalDate dueDate = row.get(kind.dueVariable());
        (dueDate.isBefore(today) ? overdue : due).add(ref(row, dueDate));
      }
      figures.add(
          new DeadlineFigure(
              kind.kind(), kind.label(), due.size(), overdue.size(), capped(due), capped(overdue)));
    }
    return figures;
  }

  /**
   * Each statutory clock whose limit fell in the period. A clock is met on the date its done
   * variable holds when that is a date (a plan issued, a transfer made), otherwise on the day the
   * engine recorded it (a decision, a triage outcome). A Tribunal order's steps are clocks of their
   * own, so a late draft and an on-time final plan are both counted.
   */
  List<ClockTimeliness> clocks(LocalDate from, LocalDate to, LocalDate today) {
    List<ClockTimeliness> figures = new ArrayList<>();
    for (DeadlineKind kind : ComplianceReport.DEADLINES) {
      if (!kind.shown().asClock()) {
        continue;
      }
      MapSqlParameterSource parameters =
          new MapSqlParameterSource("pathway", kind.processKey())
              .addValue("due", kind.dueVariable().name())
              .addValue("done", kind.doneVariables().stream().map(Variable::name).toList())
              .addValue("exceptions", AssessmentVariables.EXCEPTIONS_APPLY.name())
              .addValue("childId", CHILD_ID.name())
              .addValue("childName", CHILD_NAME.name())
              .addValue("from", from.toString())
              .addValue("to", to.toString());
      int[] counts = new int[4];
      List<CaseRef> lateOrMissed = new ArrayList<>();
      // The due date's length is stated, as CaseTable.hasText does, so that PostgreSQL finds the
      // limits in the period in its index of short texts; without it, it read every case's limit
      // of that kind (110,000 final plan dates in the benchmark) to keep a year's.
      jdbc.query(
          """
          SELECT p.PROC_INST_ID_, p.BUSINESS_KEY_, p.END_TIME_, due.TEXT_,
            MIN(done.TEXT_), MIN(done.CREATE_TIME_), MAX(ex.LONG_),
            MAX(CASE WHEN v.NAME_ = :childId THEN v.TEXT_ END),
            MAX(CASE WHEN v.NAME_ = :childName THEN v.TEXT_ END)
          FROM ACT_HI_PROCINST p
          JOIN ACT_HI_VARINST due ON due.PROC_INST_ID_ = p.PROC_INST_ID_
            AND due.EXECUTION_ID_ = p.PROC_INST_ID_ AND due.NAME_ = :due
          LEFT JOIN ACT_HI_VARINST done ON done.PROC_INST_ID_ = p.PROC_INST_ID_
            AND done.EXECUTION_ID_ = p.PROC_INST_ID_ AND done.NAME_ IN (:done)
            AND (done.TEXT_ IS NOT NULL OR done.LONG_ IS NOT NULL)
          LEFT JOIN ACT_HI_VARINST ex ON ex.PROC_INST_ID_ = p.PROC_INST_ID_
            AND ex.EXECUTION_ID_ = p.PROC_INST_ID_ AND ex.NAME_ = :exceptions
          LEFT JOIN ACT_HI_VARINST v ON v.PROC_INST_ID_ = p.PROC_INST_ID_
            AND v.EXECUTION_ID_ = p.PROC_INST_ID_ AND v.NAME_ IN (:childId, :childName)
          WHERE p.PROC_DEF_KEY_ = :pathway AND due.TEXT_ BETWEEN :from AND :to
            AND length(due.TEXT_) <= """
              + CaseTable.INDEXED_TEXT_LENGTH
              + (kind.cases().condition == null ? "" : " AND " + kind.cases().condition)
              + " GROUP BY p.PROC_INST_ID_, p.BUSINESS_KEY_, p.END_TIME_, due.TEXT_",
          parameters,
          rs -> {
            boolean running = rs.getTimestamp(3) == null;
            LocalDate due = LocalDate.parse(rs.getString(4));
            LocalDate met = metOn(rs.getString(5), rs.getTimestamp(6));
            if (met == null && (!running || !due.isBefore(today))) {
              return;
            }
            counts[0]++;
            if (rs.getLong(7) == 1) {
              counts[3]++;
            }
            CaseRef ref =
                new CaseRef(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(8),
                    rs.getString(9),
                    (met == null ? due : met).toString(),
                    running);
            if (met == null) {
              counts[2]++;
              lateOrMissed.add(ref);
            } else if (met.isAfter(due)) {
              counts[1]++;
              lateOrMissed.add(ref);
            }
          });
      int onTime = counts[0] - counts[1] - counts[2];
      figures.add(
          new ClockTimeliness(
              kind.kind(),
              kind.label(),
              counts[0],
              onTime,
              counts[1],
              counts[2],
              counts[3],
              capped(lateOrMissed)));
    }
    return figures;
  }

  /** The day a clock was met: the date recorded, or the London day the engine recorded it. */
  private static LocalDate metOn(String recorded, Timestamp recordedAt) {
    if (recorded == null && recordedAt == null) {
      return null;
    }
    if (recorded != null && recorded.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return LocalDate.parse(recorded);
    }
    return StatutoryDates.londonDateOf(recordedAt);
  }

  List<MonthTimeliness> timeliness(LocalDate from, LocalDate to) {
    List<CaseTable.Row> issued =
        cases.select(
            Pathways.NEEDS_ASSESSMENT,
            List.of(
                AssessmentVariables.FINAL_PLAN_ISSUED_DATE,
                AssessmentVariables.FINAL_PLAN_DUE,
                CHILD_ID,
                CHILD_NAME),
            List.of(AssessmentVariables.EXCEPTIONS_APPLY),
            hasText(
                    AssessmentVariables.ASSESSMENT_OUTCOME,
                    "= '" + AssessmentOutcome.PLAN_ISSUED.code() + "'")
                + " AND "
                + hasText(AssessmentVariables.FINAL_PLAN_ISSUED_DATE, "BETWEEN :from AND :to")
                // A re-assessment's plan (a called assessment) is not a new plan in 20 weeks.
                + " AND p.SUPER_PROCESS_INSTANCE_ID_ IS NULL",
            new MapSqlParameterSource("from", from.toString()).addValue("to", to.toString()));
    Map<YearMonth, List<CaseTable.Row>> byMonth = new TreeMap<>();
    issued.forEach(
        row ->
            byMonth
                .computeIfAbsent(
                    YearMonth.from(row.get(AssessmentVariables.FINAL_PLAN_ISSUED_DATE)),
                    month -> new ArrayList<>())
                .add(row));
    List<MonthTimeliness> months = new ArrayList<>();
    byMonth.forEach(
        (month, rows) -> {
          int within = 0;
          int withoutExceptions = 0;
          int withinWithoutExceptions = 0;
          List<CaseRef> late = new ArrayList<>();
          for (CaseTable.Row row : rows) {
            LocalDate planIssued = row.get(AssessmentVariables.FINAL_PLAN_ISSUED_DATE);
            boolean onTime = !planIssued.isAfter(row.get(AssessmentVariables.FINAL_PLAN_DUE));
            boolean exception = row.isTrue(AssessmentVariables.EXCEPTIONS_APPLY);
            within += onTime ? 1 : 0;
            if (!exception) {
              withoutExceptions++;
              withinWithoutExceptions += onTime ? 1 : 0;
            }
            if (!onTime) {
              late.add(ref(row, planIssued));
            }
          }
          months.add(
              new MonthTimeliness(
                  month.toString(),
                  rows.size(),
                  within,
                  percent(within, rows.size()),
                  withoutExceptions,
                  withinWithoutExceptions,
                  percent(withinWithoutExceptions, withoutExceptions),
                  capped(late)));
        });
    return months;
  }

  private static Double percent(int part, int whole) {
    return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
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
    return sorted.size() <= ComplianceReport.MAX_CASES_LISTED
        ? sorted
        : sorted.subList(0, ComplianceReport.MAX_CASES_LISTED);
  }
}
