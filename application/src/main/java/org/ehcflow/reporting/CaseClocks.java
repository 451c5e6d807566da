package org.ehcflow.reporting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ehcflow.reporting.ComplianceReport.DeadlineKind;
import org.ehcflow.statutory.StatutoryDates;
import org.ehcflow.vocabulary.AssessmentOutcome;
import org.ehcflow.vocabulary.AssessmentVariables;
import org.ehcflow.vocabulary.ChildVariables;
import org.ehcflow.vocabulary.Pathways;
import org.ehcflow.vocabulary.Variable;

/**
 * The case read model behind the deadlines, clocks and 20-week timeliness figures
 * (docs/benchmark/dashboard-read-model-2026-12-07.md): one row per case ({@code ehc_case}), a copy
 * of the case-level variables those figures read ({@code ehc_case_value}), one row per case,
 * deadline kind and due date ({@code ehc_case_clock}) with the day it was met, and one row per plan
 * issued ({@code ehc_case_plan}), so that a figure is one indexed range read counted in SQL instead
 * of a look-up of every case in the engine's history.
 *
 * <p>A clock or plan row is always worked out here, from a case and its copied values, whether the
 * history handler keeps it in step or the migration fills it from existing history, so both give
 * the same rows. The values are read as the history-based figures read them: the case's own
 * variables only, every variable instance of a name (one removed and set again leaves two), each
 * with its last value, a removed one included.
 */
public final class CaseClocks {

  /** Due dates are compared in the database only up to this length, as the history figures did. */
  static final int DUE_LENGTH = CaseTable.INDEXED_TEXT_LENGTH;

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /** Every variable a clock or plan row is worked out from. */
  static final Set<String> NAMES = names();

  static final String INSERT_CASE =
      "INSERT INTO ehc_case (proc_inst_id, pathway, business_key, called, running)"
          + " VALUES (?, ?, ?, ?, ?)";
  static final String INSERT_VALUE =
      "INSERT INTO ehc_case_value (var_id, proc_inst_id, name, text_value, long_value, create_time)"
          + " VALUES (?, ?, ?, ?, ?, ?)";
  static final String INSERT_PLAN =
      "INSERT INTO ehc_case_plan (proc_inst_id, issued, greatest_issued, final_plan_due,"
          + " exceptions_apply, running, business_key, child_id, child_name)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  static final String INSERT_CLOCK =
      "INSERT INTO ehc_case_clock (proc_inst_id, kind, due, met_on, running, exceptions_apply,"
          + " business_key, child_id, child_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private CaseClocks() {}

  /** A case as the clocks need it. */
  record Case(
      String processInstanceId,
      String pathway,
      String businessKey,
      boolean called,
      boolean running) {}

  /** One variable instance of a case, with its last value and when it was first set. */
  record Value(String name, String text, Long number, Timestamp created) {

    boolean hasValue() {
      return text != null || number != null;
    }
  }

  /** One row of {@code ehc_case_clock}. */
  record Clock(
      String kind,
      String due,
      String metOn,
      boolean exceptionsApply,
      String childId,
      String childName) {}

  /**
   * One row of {@code ehc_case_plan}: a needs assessment started in its own right whose outcome is
   * a plan issued, per date its plan-issued variable holds (found by that date), with the greatest
   * such date (the month it counts in) and the final plan's due date.
   */
  record Plan(
      String issued,
      String greatestIssued,
      String finalPlanDue,
      boolean exceptionsApply,
      String childId,
      String childName) {}

  /** The plan rows of a case, for the 20-week timeliness; none unless a plan was issued. */
  static List<Plan> plansOf(Case c, List<Value> values) {
    if (!c.pathway().equals(Pathways.NEEDS_ASSESSMENT) || c.called()) {
      return List.of();
    }
    boolean planIssued =
        values.stream()
            .anyMatch(
                value ->
                    value.name().equals(AssessmentVariables.ASSESSMENT_OUTCOME.name())
                        && value.text() != null
                        && value.text().length() <= DUE_LENGTH
                        && value.text().equals(AssessmentOutcome.PLAN_ISSUED.code()));
    if (!planIssued) {
      return List.of();
    }
    Set<String> issued =
        values.stream()
            .filter(value -> value.name().equals(AssessmentVariables.FINAL_PLAN_ISSUED_DATE.name()))
            .map(Value::text)
            .filter(text -> text != null && text.length() <= DUE_LENGTH)
            .collect(Collectors.toCollection(TreeSet::new));
    String greatestIssued = greatestText(values, AssessmentVariables.FINAL_PLAN_ISSUED_DATE.name());
    String due = greatestText(values, AssessmentVariables.FINAL_PLAN_DUE.name());
    boolean exceptions = exceptionsApply(values);
    String childId = greatestText(values, ChildVariables.CHILD_ID.name());
    String childName = greatestText(values, ChildVariables.CHILD_NAME.name());
    return issued.stream()
        .map(date -> new Plan(date, greatestIssued, due, exceptions, childId, childName))
        .toList();
  }

  private static boolean exceptionsApply(List<Value> values) {
    return values.stream()
        .filter(value -> value.name().equals(AssessmentVariables.EXCEPTIONS_APPLY.name()))
        .map(Value::number)
        .filter(Objects::nonNull)
        .max(Comparator.naturalOrder())
        .map(greatest -> greatest == 1)
        .orElse(false);
  }

  static void bind(PreparedStatement insert, Case c, Plan plan) throws SQLException {
    insert.setString(1, c.processInstanceId());
    insert.setString(2, plan.issued());
    insert.setString(3, plan.greatestIssued());
    insert.setString(4, plan.finalPlanDue());
    insert.setBoolean(5, plan.exceptionsApply());
    insert.setBoolean(6, c.running());
    insert.setString(7, c.businessKey());
    insert.setString(8, plan.childId());
    insert.setString(9, plan.childName());
  }

  private static Set<String> names() {
    Set<String> names = new TreeSet<>();
    for (DeadlineKind kind : ComplianceReport.DEADLINES) {
      names.add(kind.dueVariable().name());
      kind.doneVariables().forEach(variable -> names.add(variable.name()));
    }
    names.add(AssessmentVariables.EXCEPTIONS_APPLY.name());
    names.add(AssessmentVariables.ASSESSMENT_OUTCOME.name());
    names.add(AssessmentVariables.FINAL_PLAN_ISSUED_DATE.name());
    names.add(AssessmentVariables.FINAL_PLAN_DUE.name());
    names.add(ChildVariables.CHILD_ID.name());
    names.add(ChildVariables.CHILD_NAME.name());
    return Set.copyOf(names);
  }

  /** The clock rows of a case: one per deadline kind its pathway reports and due date it holds. */
  static List<Clock> clocksOf(Case c, List<Value> values) {
    List<Clock> clocks = new ArrayList<>();
    String childId = greatestText(values, ChildVariables.CHILD_ID.name());
    String childName = greatestText(values, ChildVariables.CHILD_NAME.name());
    boolean exceptions = exceptionsApply(values);
    for (DeadlineKind kind : ComplianceReport.DEADLINES) {
      if (!kind.reportedBy(c.pathway(), c.called())) {
        continue;
      }
      Set<String> dues =
          values.stream()
              .filter(value -> value.name().equals(kind.dueVariable().name()))
              .map(Value::text)
              .filter(text -> text != null && text.length() <= DUE_LENGTH)
              .collect(Collectors.toCollection(TreeSet::new));
      if (dues.isEmpty()) {
        continue;
      }
      String metOn = metOn(kind.doneVariables(), values);
      for (String due : dues) {
        clocks.add(new Clock(kind.kind(), due, metOn, exceptions, childId, childName));
      }
    }
    return clocks;
  }

  /**
   * The day a clock was met: the smallest text its done variables hold when that is a date (a plan
   * issued, a transfer made), otherwise the London day the earliest of them with a value was
   * recorded (a decision, a triage outcome); null while none has a value.
   */
  static String metOn(List<Variable<?>> doneVariables, List<Value> values) {
    Set<String> done = doneVariables.stream().map(Variable::name).collect(Collectors.toSet());
    String smallestText = null;
    Timestamp earliest = null;
    for (Value value : values) {
      if (!done.contains(value.name()) || !value.hasValue()) {
        continue;
      }
      if (value.text() != null
          && (smallestText == null || value.text().compareTo(smallestText) < 0)) {
        smallestText = value.text();
      }
      if (value.created() != null && (earliest == null || value.created().before(earliest))) {
        earliest = value.created();
      }
    }
    if (smallestText != null && ISO_DATE.matcher(smallestText).matches()) {
      return smallestText;
    }
    if (smallestText == null && earliest == null) {
      return null;
    }
    return StatutoryDates.londonDateOf(earliest).toString();
  }

  private static String greatestText(List<Value> values, String name) {
    return values.stream()
        .filter(value -> value.name().equals(name))
        .map(Value::text)
        .filter(Objects::nonNull)
        .max(Comparator.naturalOrder())
        .orElse(null);
  }

  static void bind(PreparedStatement insert, Case c, Clock clock) throws SQLException {
    insert.setString(1, c.processInstanceId());
    insert.setString(2, clock.kind());
    insert.setString(3, clock.due());
    insert.setString(4, clock.metOn());
    insert.setBoolean(5, c.running());
    insert.setBoolean(6, clock.exceptionsApply());
    insert.setString(7, c.businessKey());
    insert.setString(8, clock.childId());
    insert.setString(9, clock.childName());
  }

  /**
   * Fills the read model from the engine's history, as it stands: what the migration creating it
   * does once, and what a database whose history was written some other way (the dashboard
   * benchmark's) needs. Whatever the read model held is replaced.
   */
  public static void rebuild(Connection connection) throws SQLException {
    try (Statement sql = connection.createStatement()) {
      sql.executeUpdate("DELETE FROM ehc_case_clock");
      sql.executeUpdate("DELETE FROM ehc_case_plan");
      sql.executeUpdate("DELETE FROM ehc_case_value");
      sql.executeUpdate("DELETE FROM ehc_case");
      sql.executeUpdate(
          """
          INSERT INTO ehc_case (proc_inst_id, pathway, business_key, called, running)
          SELECT PROC_INST_ID_, PROC_DEF_KEY_, BUSINESS_KEY_,
            CASE WHEN SUPER_PROCESS_INSTANCE_ID_ IS NULL THEN FALSE ELSE TRUE END,
            CASE WHEN END_TIME_ IS NULL THEN TRUE ELSE FALSE END
          FROM ACT_HI_PROCINST""");
      sql.executeUpdate(
          """
          INSERT INTO ehc_case_value (var_id, proc_inst_id, name, text_value, long_value, create_time)
          SELECT v.ID_, v.PROC_INST_ID_, v.NAME_, v.TEXT_, v.LONG_, v.CREATE_TIME_
          FROM ACT_HI_VARINST v
          WHERE v.EXECUTION_ID_ = v.PROC_INST_ID_ AND v.NAME_ IN ("""
              + NAMES.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "))
              + ")");
    }
    try (Statement read = connection.createStatement();
        PreparedStatement insert = connection.prepareStatement(INSERT_CLOCK);
        PreparedStatement insertPlan = connection.prepareStatement(INSERT_PLAN)) {
      read.setFetchSize(5_000);
      try (ResultSet rows =
          read.executeQuery(
              """
              SELECT c.proc_inst_id, c.pathway, c.business_key, c.called, c.running,
                v.name, v.text_value, v.long_value, v.create_time
              FROM ehc_case c JOIN ehc_case_value v ON v.proc_inst_id = c.proc_inst_id
              ORDER BY c.proc_inst_id""")) {
        Case current = null;
        List<Value> values = new ArrayList<>();
        int pending = 0;
        while (rows.next()) {
          if (current == null || !current.processInstanceId().equals(rows.getString(1))) {
            pending += write(insert, insertPlan, current, values);
            current =
                new Case(
                    rows.getString(1),
                    rows.getString(2),
                    rows.getString(3),
                    rows.getBoolean(4),
                    rows.getBoolean(5));
            values = new ArrayList<>();
          }
          values.add(
              new Value(
                  rows.getString(6), rows.getString(7), number(rows, 8), rows.getTimestamp(9)));
          if (pending >= 2_000) {
            insert.executeBatch();
            insertPlan.executeBatch();
            pending = 0;
          }
        }
        write(insert, insertPlan, current, values);
        insert.executeBatch();
        insertPlan.executeBatch();
      }
    }
  }

  /** A number column, null when null (not 0). */
  static Long number(ResultSet rows, int column) throws SQLException {
    long number = rows.getLong(column);
    return rows.wasNull() ? null : number;
  }

  private static int write(
      PreparedStatement insert, PreparedStatement insertPlan, Case c, List<Value> values)
      throws SQLException {
    if (c == null) {
      return 0;
    }
    int rows = 0;
    for (Clock clock : clocksOf(c, values)) {
      bind(insert, c, clock);
      insert.addBatch();
      rows++;
    }
    for (Plan plan : plansOf(c, values)) {
      bind(insertPlan, c, plan);
      insertPlan.addBatch();
      rows++;
    }
    return rows;
  }
}
