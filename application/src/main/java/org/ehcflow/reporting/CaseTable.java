package org.ehcflow.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ehcflow.vocabulary.Variable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads cases from the engine's history tables as rows of case-wide variables, one row per case,
 * for the cases a condition selects. The condition runs in the database on indexed columns, so only
 * the cases a figure is about are read, never every case.
 */
@Component
public class CaseTable {

  private final NamedParameterJdbcTemplate jdbc;

  public CaseTable(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One case: its ids, whether it is running, and the text or number of each variable asked for.
   */
  public record Row(
      String processInstanceId, String businessKey, boolean running, Map<String, Object> values) {

    /**
     * The variable's value in its type (a date as a {@link LocalDate}, a code as its enum); null
     * when blank.
     */
    public <T> T get(Variable<T> variable) {
      return has(variable) ? variable.decode(values.get(variable.name()).toString()) : null;
    }

    public boolean isTrue(Variable<Boolean> variable) {
      Object value = values.get(variable.name());
      return value instanceof Number number ? number.longValue() == 1 : Boolean.TRUE.equals(value);
    }

    public boolean has(Variable<?> variable) {
      Object value = values.get(variable.name());
      return value != null && !value.toString().isBlank();
    }
  }

  /**
   * @param processKey the pathway
   * @param textVariables variables read from their text
   * @param booleanVariables variables read as true or false
   * @param condition SQL over {@code p} (ACT_HI_PROCINST), may use {@link #hasText}; parameters
   *     named
   */
  public List<Row> select(
      String processKey,
      List<Variable<?>> textVariables,
      List<Variable<Boolean>> booleanVariables,
      String condition,
      MapSqlParameterSource parameters) {
    StringBuilder sql = new StringBuilder("SELECT p.PROC_INST_ID_, p.BUSINESS_KEY_, p.END_TIME_");
    List<String> all = new ArrayList<>();
    textVariables.forEach(variable -> all.add(variable.name()));
    booleanVariables.forEach(variable -> all.add(variable.name()));
    for (int i = 0; i < textVariables.size(); i++) {
      sql.append(", MAX(CASE WHEN v.NAME_ = :t")
          .append(i)
          .append(" THEN v.TEXT_ END) AS t")
          .append(i);
      parameters.addValue("t" + i, textVariables.get(i).name());
    }
    for (int i = 0; i < booleanVariables.size(); i++) {
      sql.append(", MAX(CASE WHEN v.NAME_ = :b")
          .append(i)
          .append(" THEN v.LONG_ END) AS b")
          .append(i);
      parameters.addValue("b" + i, booleanVariables.get(i).name());
    }
    sql.append(
            " FROM ACT_HI_PROCINST p LEFT JOIN ACT_HI_VARINST v ON v.PROC_INST_ID_ = p.PROC_INST_ID_")
        .append(" AND v.EXECUTION_ID_ = p.PROC_INST_ID_ AND v.NAME_ IN (:names)")
        .append(" WHERE p.PROC_DEF_KEY_ = :processKey AND (")
        .append(condition)
        .append(")")
        .append(" GROUP BY p.PROC_INST_ID_, p.BUSINESS_KEY_, p.END_TIME_ ORDER BY p.PROC_INST_ID_");
    parameters.addValue("names", all.isEmpty() ? List.of("-") : all);
    parameters.addValue("processKey", processKey);
    return jdbc.query(
        sql.toString(),
        parameters,
        (rs, rowNumber) -> {
          Map<String, Object> values = new LinkedHashMap<>();
          for (int i = 0; i < textVariables.size(); i++) {
            values.put(textVariables.get(i).name(), rs.getString("t" + i));
          }
          for (int i = 0; i < booleanVariables.size(); i++) {
            long flag = rs.getLong("b" + i);
            values.put(booleanVariables.get(i).name(), rs.wasNull() ? null : flag);
          }
          return new Row(rs.getString(1), rs.getString(2), rs.getTimestamp(3) == null, values);
        });
  }

  /**
   * Texts up to this length are in the reporting index on PostgreSQL (migration V6); a b-tree
   * cannot hold the longest case texts. Codes and dates, all a figure compares, are far shorter.
   */
  public static final int INDEXED_TEXT_LENGTH = 200;

  /**
   * SQL: the case has this variable with a text value matching the given SQL comparison. The
   * value's length is stated so that PostgreSQL can use its index of short texts.
   */
  public static String hasText(Variable<?> variable, String comparison) {
    return "EXISTS (SELECT 1 FROM ACT_HI_VARINST x WHERE x.PROC_INST_ID_ = p.PROC_INST_ID_"
        + " AND x.EXECUTION_ID_ = p.PROC_INST_ID_ AND x.NAME_ = '"
        + variable.name()
        + "'"
        + " AND length(x.TEXT_) <= "
        + INDEXED_TEXT_LENGTH
        + " AND x.TEXT_ "
        + comparison
        + ")";
  }

  /** SQL: the case has no value for any of these variables. */
  public static String lacks(List<? extends Variable<?>> variables) {
    return "NOT EXISTS (SELECT 1 FROM ACT_HI_VARINST y WHERE y.PROC_INST_ID_ = p.PROC_INST_ID_"
        + " AND y.EXECUTION_ID_ = p.PROC_INST_ID_ AND y.NAME_ IN ("
        + variables.stream()
            .map(variable -> "'" + variable.name() + "'")
            .collect(Collectors.joining(", "))
        + ") AND (y.TEXT_ IS NOT NULL OR y.LONG_ IS NOT NULL))";
  }
}
